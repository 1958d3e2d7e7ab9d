import { Check, CheckInfo, CheckReport, MeshCheck, ObjectCheck } from './check';
import { Finding, Severity, sortFindings, SuppressedFinding } from './finding';
import { ManifestObject, Suppression } from './manifest-object';
import { ExternalDeclarations } from './model/external';
import { MeshModel } from './model/mesh-model';
import { addTime, profiled, PROFILING } from './private/profile';
import { ALL_CHECKS, checkInfo } from './registry';

/**
 * Options of {@link runChecks}.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface RunChecksOptions {
  /**
   * The checks to run.
   * @default ALL_CHECKS
   */
  readonly checks?: readonly Check[];
  /**
   * Report unsuppressed warnings as errors.
   * @default false
   */
  readonly warningsAsErrors?: boolean;
  /**
   * What lives outside `objects` (hosts, Gateways, namespaces), so that the mesh checks do not
   * report it missing. Used by {@link runChecks}; {@link checkMesh} takes it through its model.
   * @default - nothing: every reference must resolve in `objects`
   */
  readonly external?: ExternalDeclarations;
}

/**
 * Options of {@link settle}.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface SettleOptions extends RunChecksOptions {
  /**
   * Every object of the input, so that invalid suppressions are reported even on objects
   * without findings.
   * @default - the objects the findings are about
   */
  readonly objects?: readonly ManifestObject[];
}

/**
 * Everything the checks found, split by what it means for a synthesis.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface AnalysisReport {
  /** Findings that fail: errors, and warnings under `warningsAsErrors`. Sorted. */
  readonly errors: Finding[];
  /** Findings that are printed but do not fail. Sorted. */
  readonly warnings: Finding[];
  /** Findings a suppression accepted, with its reason. Sorted. */
  readonly suppressed: SuppressedFinding[];
}

/**
 * A finding before suppressions are applied: the finding, and the object it is about (whose
 * suppressions apply to it).
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export interface RawFinding {
  /** The finding. */
  readonly finding: Finding;
  /**
   * The object it is about.
   * @default - no object (a construct that did not render, or a problem of the input)
   */
  readonly object?: ManifestObject;
  /**
   * Whether the finding may be dropped when another check reports the same field of the same
   * object (the generic CRD checks defer to the specific ones).
   * @default false
   */
  readonly defers?: boolean;
}

/**
 * Runs every object check and every mesh check over `objects`, applies suppressions, and sorts
 * the findings. Never throws: a check that fails on an input is reported as a warning of that
 * check.
 *
 * @example
 * const { objects, findings } = readManifests(['dist/']);
 * const report = runChecks(objects, { inputFindings: findings, external: { hosts: ['*.example.com'] } });
 * for (const f of report.errors) console.log(formatFinding(f));
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function runChecks(objects: readonly ManifestObject[], options: RunChecksOptions & RunChecksInput = {}): AnalysisReport {
  const checks = options.checks ?? ALL_CHECKS;
  const model = new MeshModel(objects, { external: options.external });
  return settle([...(options.inputFindings ?? []), ...checkObjects(objects, checks), ...checkMesh(objects, checks, model)], { ...options, objects });
}

/**
 * What {@link runChecks} settles together with the findings of the checks.
 *
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/
 */
export interface RunChecksInput {
  /**
   * Findings about the input itself, such as the YAML reader's CI0026 (a file that is not YAML).
   * @default - none
   */
  readonly inputFindings?: readonly RawFinding[];
}

/**
 * Runs the object checks among `checks` over every object (each object against the checks of
 * its kind only).
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function checkObjects(objects: readonly ManifestObject[], checks: readonly Check[] = ALL_CHECKS): RawFinding[] {
  const byKind = indexObjectChecks(checks);
  const out: RawFinding[] = [];
  for (const object of objects) {
    const applicable = [
      ...(byKind.get(object.groupKind) ?? []),
      ...(object.group.endsWith('.istio.io') ? byKind.get('istio') ?? [] : []),
      ...(byKind.get('*') ?? []),
    ];
    for (const check of applicable) {
      const report = (r: CheckReport) => out.push({ finding: toFinding(check, object, r), object, defers: check.defers });
      if (!PROFILING) {
        guard(check, object, report, () => check.evaluate({ object, report }));
        continue;
      }
      const start = performance.now();
      guard(check, object, report, () => check.evaluate({ object, report }));
      addTime(`check ${check.code} ${check.name}`, performance.now() - start);
    }
  }
  return out;
}

/**
 * Runs the mesh checks among `checks` over the model of `objects` (pass a model built with
 * external declarations, `new MeshModel(objects, { external })`, to check part of a cluster).
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function checkMesh(objects: readonly ManifestObject[], checks: readonly Check[] = ALL_CHECKS, model?: MeshModel): RawFinding[] {
  const meshModel = model ?? profiled('mesh model', () => new MeshModel(objects));
  const out: RawFinding[] = [];
  for (const check of checks) {
    if (check.scope !== 'mesh') continue;
    const report = (object: ManifestObject, r: CheckReport) => out.push({ finding: toFinding(check, object, r), object });
    profiled(`check ${check.code} ${check.name}`, () =>
      guard(check, undefined, (r) => out.push({ finding: { ...toFinding(check, undefined, r), path: '(mesh)' } }), () => check.evaluate({ model: meshModel, report })));
  }
  return out;
}

/**
 * Applies suppressions to raw findings (reporting invalid ones as CI1016), drops the generic
 * findings that a specific check already reports on the same field, drops duplicates, applies
 * `warningsAsErrors`, and sorts.
 *
 * A suppression applies to warnings of any check and to errors of mesh checks. Errors of object
 * checks are what Istio itself rejects at apply time: suppressing one would only move the
 * failure to the cluster, so such a suppression is reported (CI1016) and the error stays.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function settle(raw: readonly RawFinding[], options: SettleOptions = {}): AnalysisReport {
  const given = new Map<string, CheckInfo & { readonly scope: Check['scope'] }>((options.checks ?? ALL_CHECKS).map((c) => [c.code, c]));
  const checks = { get: (code: string) => given.get(code) ?? checkInfo(code), has: (code: string) => given.has(code) || checkInfo(code) !== undefined };
  const all = [...dropDeferred(raw)];
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const seen = new Set<string>();

  // invalid suppressions, once per object and suppression
  const objects = new Set<ManifestObject>(options.objects ?? []);
  for (const r of raw) if (r.object) objects.add(r.object);
  for (const object of objects) {
    for (const s of object.suppressions) {
      const problem = suppressionProblem(s, checks);
      if (problem) all.push({ finding: suppressionFinding(object, s, `${problem}; it is not applied`, 'give a known check code and a non-empty reason') });
    }
  }

  for (const { finding, object } of all) {
    const key = `${finding.location?.file}\0${finding.location?.line}\0${finding.path}\0${finding.code}\0${finding.field}\0${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const check = checks.get(finding.code);
    const suppression = object?.suppressions.find((s) => s.code === finding.code && !suppressionProblem(s, checks));
    if (suppression && check) {
      if (check.scope === 'object' && finding.severity === Severity.ERROR) {
        const note = suppressionFinding(object!, suppression,
          `suppression of ${finding.code} cannot hide an error that Istio rejects at apply time (${finding.field})`, `fix ${finding.field} instead`);
        const noteKey = `${note.path}\0${note.code}\0${note.field}\0${note.message}`;
        if (!seen.has(noteKey)) {
          seen.add(noteKey);
          errors.push(note);
        }
      } else {
        suppressed.push({ ...finding, reason: suppression.reason });
        continue;
      }
    }
    if (finding.severity === Severity.ERROR || options.warningsAsErrors) errors.push({ ...finding, severity: Severity.ERROR });
    else warnings.push(finding);
  }
  return { errors: sortFindings(errors), warnings: sortFindings(warnings), suppressed: sortFindings(suppressed) };
}

/**
 * A finding of `check` on `object` (or on no object), with the check's severity and counterpart,
 * and the location of the field for objects read from YAML.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function toFinding(check: Check, object: ManifestObject | undefined, r: CheckReport): Finding {
  return {
    code: check.code,
    path: object?.path ?? '(input)',
    field: r.field,
    value: r.value,
    message: r.message,
    fix: r.fix,
    severity: r.severity ?? check.severity,
    counterpart: check.counterpart === 'none' ? undefined : check.counterpart,
    location: object?.locate(r.field),
  };
}

function indexObjectChecks(checks: readonly Check[]): Map<string, ObjectCheck[]> {
  const byKind = new Map<string, ObjectCheck[]>();
  for (const check of checks) {
    if (check.scope !== 'object') continue;
    for (const kind of check.kinds ?? ['*']) {
      byKind.set(kind, [...(byKind.get(kind) ?? []), check]);
    }
  }
  return byKind;
}

/** Runs `fn`; if it throws, reports the failure as a warning of `check` instead of crashing. */
function guard(check: ObjectCheck | MeshCheck, object: ManifestObject | undefined, report: (r: CheckReport) => void, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    report({
      field: '(check)',
      message: `check ${check.code} ${check.name} failed${object ? ' on this object' : ''}: ${(e as Error)?.message ?? String(e)}; this is a bug in cdk8s-istio`,
      fix: 'report it at the project\'s issue tracker with the manifest; suppress this code with a reason meanwhile',
      severity: Severity.WARNING,
    });
  }
}

/**
 * A generic finding (`defers`: the CRD schema, CEL rules, list keys) is dropped when a specific
 * check reports an error on the same object at the same field or inside it: Istio's webhook
 * repeats almost every CRD rule with a more precise field, message and fix, and a CRD rule is often
 * declared on a parent (`spec`) of the field it is about. A specific warning never hides a
 * generic error.
 */
function dropDeferred(raw: readonly RawFinding[]): RawFinding[] {
  const specific = new Map<string, string[]>();
  for (const r of raw) {
    if (r.defers || r.finding.severity !== Severity.ERROR) continue;
    const fields = specific.get(r.finding.path);
    if (fields) fields.push(r.finding.field);
    else specific.set(r.finding.path, [r.finding.field]);
  }
  const covered = (r: RawFinding) => (specific.get(r.finding.path) ?? []).some((f) => f === r.finding.field || isInside(f, r.finding.field));
  return raw.filter((r) => !r.defers || !covered(r));
}

/** Whether `field` is a descendant of `parent` (`spec.ports[1].name` of `spec.ports`, `spec`). */
function isInside(field: string, parent: string): boolean {
  return parent === '' || field.startsWith(`${parent}.`) || field.startsWith(`${parent}[`);
}

function suppressionProblem(s: Suppression, checks: { has(code: string): boolean }): string | undefined {
  if (!checks.has(s.code)) return `suppression of unknown check '${s.code}'`;
  if (s.code === 'CI1016') return 'suppressions of CI1016 (invalid suppression) are not allowed';
  if (typeof s.reason !== 'string' || s.reason.trim().length === 0) return `suppression of ${s.code} has no reason`;
  return undefined;
}

function suppressionFinding(object: ManifestObject, s: Suppression, message: string, fix: string): Finding {
  const field = s.scope?.startsWith('metadata.annotations') ? s.scope : `suppressions.${s.code}`;
  const fromConstruct = s.scope !== undefined && !s.scope.startsWith('metadata.');
  return {
    code: 'CI1016',
    path: fromConstruct ? s.scope! : object.path,
    field,
    value: s.reason,
    message,
    fix,
    severity: Severity.ERROR,
    location: fromConstruct ? undefined : object.locate(field),
  };
}
