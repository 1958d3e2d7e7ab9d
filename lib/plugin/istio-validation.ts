import { checkMesh, checkObjects, settle } from '../analysis/engine';
import { ExternalDeclarations, validExternal } from '../analysis/model/external';
import { MeshModel } from '../analysis/model/mesh-model';
import { formatValue } from '../analysis/finding';
import { ManifestObject } from '../analysis/manifest-object';
import { ALL_CHECKS, checkInfo } from '../analysis/registry';
import { readManifests } from '../analysis/sources/yaml';

/**
 * Properties of {@link IstioValidation}: the `properties` of its entry under `validations:` in
 * `cdk8s.yaml`.
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/#validating-manifests
 */
export interface IstioValidationProps {
  /**
   * Treat warnings as errors: any unsuppressed warning fails `cdk8s synth`.
   *
   * @default - true when the environment variable `CDK8S_ISTIO_WARNINGS_AS_ERRORS` is `true`, else false
   */
  readonly warningsAsErrors?: boolean;

  /**
   * What lives outside the app, declared so that the checks do not report it missing (see
   * `MeshAppProps.external`): in `cdk8s.yaml`, `external: { hosts: [...], gateways: [...], namespaces: [{ name, meshed }] }`.
   *
   * @default - nothing outside the app is declared
   * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
   */
  readonly external?: ExternalDeclarations;
}

/**
 * A resource a violation is about, as the cdk8s CLI takes it (`ValidationViolatingResource`).
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/#validating-manifests
 */
export interface IstioValidationResource {
  /**
   * The resource's `metadata.name`, under which the CLI finds its construct path in the app's
   * construct metadata; `Kind namespace/name` when several manifests use that name (the metadata
   * is keyed by name alone and would name the wrong construct).
   */
  readonly resourceName: string;
  /** The field paths of the violation, each with its file and line: `spec.http[0].route[0].destination.subset = 'v4' (dist/shop.k8s.yaml:31)`. */
  readonly locations: readonly string[];
  /** The manifest file the resource is written in. */
  readonly manifestPath: string;
}

/**
 * One violation, as the cdk8s CLI takes it (`ValidationViolation`): one finding.
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/#validating-manifests
 */
export interface IstioValidationViolation {
  /** The check's code, name and the finding's severity: `CI1003 SubsetNotFound (error)`. */
  readonly ruleName: string;
  /** What is wrong (the finding's message), with Istio's or Kiali's counterpart. */
  readonly recommendation: string;
  /** How to fix it (the finding's fix). */
  readonly fix: string;
  /** The resource the finding is about. */
  readonly violatingResources: readonly IstioValidationResource[];
}

/**
 * The part of the cdk8s CLI's `ValidationContext` that {@link IstioValidation} uses.
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/#validating-manifests
 */
export interface IstioValidationContext {
  /** The synthesized manifest files. */
  readonly manifests: readonly string[];
  /**
   * Whether `cdk8s synth --stdout` runs (the manifest files are temporary, so findings name no
   * file or line).
   * @default false
   */
  readonly stdout?: boolean;
  /** The report the violations go to. */
  readonly report: {
    /** Adds one violation. */
    addViolation(violation: IstioValidationViolation): void;
    /** Completes the report. */
    submit(status: 'success' | 'failure', metadata?: { readonly [key: string]: string }): void;
  };
  /** The CLI's logger, for lines that are not violations (suppressed findings, skipped documents). */
  readonly logger: {
    /** Prints one line. */
    log(message: string): void;
  };
}

const KNOWN_PROPERTIES = ['warningsAsErrors', 'external'];

/**
 * The cdk8s-istio checks as a cdk8s CLI validation plugin: `cdk8s synth` runs them over the
 * manifests of any cdk8s app, in any language, and fails when one finds an error.
 *
 * Every check runs over all the synthesized manifests together (read as YAML, so each finding
 * has its file and line): what Istio's webhook and the CRD schemas reject, and the
 * cross-resource checks of `istioctl analyze` and Kiali. Each finding is one violation; the CLI
 * adds the construct path from the app's construct metadata. Errors fail the report (and
 * `cdk8s synth`, with exit code 2); warnings are reported and pass, unless `warningsAsErrors`.
 * Suppress a finding with the annotation `suppress.cdk8s-istio.io/<code>: <reason>` on the
 * object (construct-level `Suppressions` live in the app, not in the manifests).
 *
 * ```yaml
 * # cdk8s.yaml
 * validations:
 *   - package: ./node_modules/cdk8s-istio
 *     class: IstioValidation
 *     version: 0.1.0
 *     properties:
 *       warningsAsErrors: false
 * ```
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/#validating-manifests
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export class IstioValidation {
  private readonly warningsAsErrors: boolean;
  private readonly external?: ExternalDeclarations;

  /**
   * The CLI creates the plugin with the entry's `properties`.
   *
   * @param props the `properties` of the entry in `cdk8s.yaml`
   */
  constructor(props: IstioValidationProps = {}) {
    const given = (props ?? {}) as Record<string, unknown>;
    const unknown = Object.keys(given).filter((k) => !KNOWN_PROPERTIES.includes(k));
    if (unknown.length > 0) {
      throw new Error(`IstioValidation: unknown properties ${unknown.map((k) => `'${k}'`).join(', ')} in cdk8s.yaml; known: ${KNOWN_PROPERTIES.join(', ')}`);
    }
    if (given.warningsAsErrors !== undefined && typeof given.warningsAsErrors !== 'boolean') {
      throw new Error(`IstioValidation: property warningsAsErrors must be true or false, got ${formatValue(given.warningsAsErrors)}`);
    }
    this.warningsAsErrors = props.warningsAsErrors ?? process.env.CDK8S_ISTIO_WARNINGS_AS_ERRORS === 'true';
    if (given.external !== undefined && (typeof given.external !== 'object' || given.external === null || Array.isArray(given.external))) {
      throw new Error(`IstioValidation: property external must be a map (hosts, gateways, namespaces, installedGateways), got ${formatValue(given.external)}`);
    }
    this.external = validExternal('IstioValidation', props.external);
  }

  /**
   * Reads the manifests, runs every check, reports each finding as a violation, and submits the
   * report: `failure` when there is an error.
   *
   * @param context the CLI's validation context
   */
  public async validate(context: IstioValidationContext): Promise<void> {
    const read = readManifests(context.manifests);
    const objects = read.objects;
    const report = settle([...read.findings, ...checkObjects(objects), ...checkMesh(objects, ALL_CHECKS, new MeshModel(objects, { external: this.external }))], { warningsAsErrors: this.warningsAsErrors, objects });

    const byFinding = objectIndex(objects);
    const names = new Map<string, number>();
    for (const o of objects) names.set(o.name, (names.get(o.name) ?? 0) + 1);
    for (const f of [...report.errors, ...report.warnings]) {
      const object = byFinding.get(findingKey(f.location?.file, f.path));
      const resourceName = !object ? f.path : (names.get(object.name) ?? 0) > 1 || !object.name ? `${object.kind} ${object.qualifiedName || '(unnamed)'}` : object.name;
      const value = f.value === undefined ? '' : ` = ${formatValue(f.value)}`;
      const where = f.location && !context.stdout ? ` (${f.location.file}:${f.location.line})` : '';
      context.report.addViolation({
        ruleName: [f.code, checkInfo(f.code)?.name, `(${f.severity})`].filter((part) => part).join(' '),
        recommendation: f.message + (f.counterpart ? ` [${f.counterpart}]` : ''),
        fix: f.fix,
        violatingResources: [{
          resourceName,
          locations: [`${f.field}${value}${where}`],
          manifestPath: object?.origin.location?.file ?? f.location?.file ?? '(none)',
        }],
      });
    }
    for (const f of report.suppressed) context.logger.log(`cdk8s-istio: suppressed ${f.code} [${f.path}] ${f.field}: ${f.message} (reason: ${f.reason})`);
    for (const note of read.notes) context.logger.log(`cdk8s-istio: ${note}`);
    context.report.submit(report.errors.length > 0 ? 'failure' : 'success', {
      objects: String(objects.length),
      errors: String(report.errors.length),
      warnings: String(report.warnings.length),
      suppressed: String(report.suppressed.length),
    });
  }
}

function findingKey(file: string | undefined, path: string): string {
  return `${file ?? ''}\0${path}`;
}

/** Objects by the file and path their findings carry (a YAML object's path is `Kind namespace/name`). */
function objectIndex(objects: readonly ManifestObject[]): Map<string, ManifestObject> {
  const out = new Map<string, ManifestObject>();
  for (const o of objects) out.set(findingKey(o.origin.location?.file, o.path), o);
  return out;
}
