import { Severity } from './finding';
import { ManifestObject } from './manifest-object';
import type { MeshModel } from './model/mesh-model';

/**
 * What a check reports about one field of one object.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export interface CheckReport {
  /** The field, as a path into the manifest: `spec.http[0].route[0].destination.subset`. */
  readonly field: string;
  /**
   * The offending value.
   * @default - no single value (a missing field, or a relation between several)
   */
  readonly value?: unknown;
  /** What is wrong: lowercase, no final period, naming the value and what exists instead. */
  readonly message: string;
  /** How to fix it, in words that fit YAML as well as code; not a repetition of the message. */
  readonly fix: string;
  /**
   * The severity of this finding.
   * @default - the check's severity
   */
  readonly severity?: Severity;
}

/**
 * What every check says about itself: the README's check table and the check catalog are
 * generated from these fields.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export interface CheckInfo {
  /** Stable code, `CI` and four digits, never reused: `CI0xxx` per object, `CI1xxx` across objects. */
  readonly code: string;
  /** Short PascalCase name, e.g. `SubsetNotFound`. */
  readonly name: string;
  /**
   * The default severity: an error where Istio rejects the object (or the mesh would not do
   * what was written), a warning where Istio warns or where the check is stricter than Istio.
   */
  readonly severity: Severity;
  /**
   * What in Istio or Kiali does the same: `webhook` (Istio's validating webhook, `validation.go`),
   * `CRD rule` (the API server, from the CRD), an `istioctl analyze` code such as `IST0101`, a
   * Kiali validation such as `KIA1101`, or `none`.
   */
  readonly counterpart: string;
  /** One sentence on what the check catches, lowercase, no final period. */
  readonly catches: string;
}

/**
 * What an object check sees: one object, and where to report.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export interface ObjectCheckContext {
  /** The object under check. */
  readonly object: ManifestObject;
  /** Records a finding on the object. */
  report(finding: CheckReport): void;
}

/**
 * A check over one object at a time, whatever wrote it: Istio's webhook and CRD rules.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export interface ObjectCheck extends CheckInfo {
  /** Object checks run once per object. */
  readonly scope: 'object';
  /**
   * The kinds it checks, as `Kind.group` (`VirtualService.networking.istio.io`), or `istio` for
   * every kind of an `*.istio.io` group.
   * @default - every object
   */
  readonly kinds?: readonly string[];
  /**
   * Whether its findings give way to a more specific check's error on the same field or inside
   * it: the generic CRD checks (schema, CEL rules, list keys) set this, so that what Istio's
   * webhook also rejects is reported once, with the specific field, message and fix.
   * @default false
   */
  readonly defers?: boolean;
  /** Reports every problem of `context.object`; must not throw, whatever the manifest holds. */
  evaluate(context: ObjectCheckContext): void;
}

/**
 * What a mesh check sees: the index of every object, and where to report.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export interface MeshCheckContext {
  /** The indexed objects of the whole app or folder. */
  readonly model: MeshModel;
  /** Records a finding on `object`. */
  report(object: ManifestObject, finding: CheckReport): void;
}

/**
 * A check across objects, like an `istioctl analyze` analyzer or a Kiali validation.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export interface MeshCheck extends CheckInfo {
  /** Mesh checks run once over the whole set of objects. */
  readonly scope: 'mesh';
  /**
   * Reports every problem it finds; must not throw, and must be linear in the number of objects
   * (look things up in the model's indexes, never scan all objects inside a loop over objects).
   */
  evaluate(context: MeshCheckContext): void;
}

/**
 * A check whose findings come from reading the input rather than from a rule over manifests: an
 * object that cannot be rendered, a construct's own validation, an invalid suppression, a file
 * that is not YAML. It is in the registry so that it is documented like every other check.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export interface InputCheck extends CheckInfo {
  /** Input checks are reported by the renderer, the YAML reader and the engine. */
  readonly scope: 'input';
}

/**
 * A check: over one object at a time, across objects, or of the input itself.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export type Check = ObjectCheck | MeshCheck | InputCheck;

const CODE = /^CI[01]\d{3}$/;
const NAME = /^[A-Z][A-Za-z0-9]+$/;

/**
 * Defines a check, after checking that it describes itself completely (a code of the right
 * scope, a PascalCase name, a counterpart and what it catches).
 *
 * @example
 * export const SubsetNotFound = defineCheck({
 *   code: 'CI1003', name: 'SubsetNotFound', severity: Severity.ERROR, counterpart: 'IST0101 / KIA1107',
 *   catches: 'a route or mirror names a subset that no DestinationRule defines',
 *   scope: 'mesh',
 *   evaluate({ model, report }) { ... },
 * });
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function defineCheck<T extends Check>(check: T): T {
  const problems: string[] = [];
  if (!CODE.test(check.code)) problems.push(`code '${check.code}' is not CI followed by four digits`);
  if (check.scope === 'object' && !check.code.startsWith('CI0')) problems.push('object checks use CI0xxx codes');
  if (check.scope === 'mesh' && !check.code.startsWith('CI1')) problems.push('mesh checks use CI1xxx codes');
  if (!['object', 'mesh', 'input'].includes(check.scope)) problems.push(`scope '${check.scope}' is not object, mesh or input`);
  if (!NAME.test(check.name)) problems.push(`name '${check.name}' is not PascalCase`);
  if (!check.catches || !check.counterpart) problems.push('catches and counterpart must be set');
  if (problems.length > 0) throw new Error(`check ${check.code} ${check.name}: ${problems.join('; ')}`);
  return Object.freeze(check);
}
