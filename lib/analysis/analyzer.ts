import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { toFinding } from '../istio/base';
import { Finding, Severity } from './finding';
import { AnalyzedObject, MeshModel, ModelObject, Suppression } from './mesh-model';
import { MESH_RULES, MeshRule } from './rules';
import { _suppressionProblem, Suppressions } from './suppressions';

export type { AnalyzedObject, Suppression } from './mesh-model';

/**
 * Options of {@link analyze}.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface AnalysisOptions {
  /**
   * Report warnings (CI1008, CI1011, CI1012, CI1013, CI1015) as errors.
   * @default false
   */
  readonly warningsAsErrors?: boolean;
  /**
   * The rules to run.
   * @default MESH_RULES (every cross-resource check, CI1001-CI1015)
   */
  readonly rules?: readonly MeshRule[];
}

/**
 * A finding that a suppression with a reason accepted.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface SuppressedFinding extends Finding {
  /** The reason given to `Suppressions.add`. */
  readonly reason: string;
}

/**
 * What {@link analyze} found.
 *
 * `findings` are the live ones (errors and warnings, sorted by path, code and field);
 * `suppressed` are those a suppression accepted, kept for review and never errors.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface AnalysisResult {
  /** Unsuppressed findings, sorted by path, code, field. */
  readonly findings: Finding[];
  /** Suppressed findings with their reasons, sorted the same way. */
  readonly suppressed: SuppressedFinding[];
}

/**
 * Collects every `ApiObject` under the given scopes (Apps, Charts or any construct), rendered
 * with `toJson()`, in construct-tree order.
 *
 * Each object is reported on the construct users wrote: an `ApiObject` with id `Resource` whose
 * parent is not a Chart is the single child of an L2 or cdk8s-plus construct, so the parent's
 * path is used; any other `ApiObject` (an imported L1 class, a plain `ApiObject`) keeps its own.
 * The suppressions of the object and all its ancestors travel with it.
 *
 * @example
 * const result = analyze(collectObjects(app));
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function collectObjects(...scopes: IConstruct[]): AnalyzedObject[] {
  const seen = new Set<IConstruct>();
  const out: AnalyzedObject[] = [];
  for (const scope of scopes) {
    for (const c of scope.node.findAll()) {
      if (seen.has(c) || !ApiObject.isApiObject(c)) continue;
      seen.add(c);
      const parent = c.node.scope;
      const owner = c.node.id === 'Resource' && parent && !Chart.isChart(parent) ? parent : c;
      out.push({ path: owner.node.path, manifest: c.toJson(), suppressions: Suppressions.of(c) });
    }
  }
  return out;
}

/**
 * Runs the cross-resource checks over the rendered objects of a whole app, like
 * `istioctl analyze` but aware of the workloads the app deploys.
 *
 * Invalid suppressions (no reason, unknown code) are reported as `CI1016` errors and not
 * applied. Valid ones move matching findings (same path and code) to `suppressed`.
 *
 * What it does not model: `exportTo` visibility, Sidecar egress scoping, port-level TLS and mTLS
 * settings, and objects outside the app (a host, gateway or namespace configured elsewhere is
 * "not found"; suppress the finding with a reason).
 *
 * @example
 * const { findings, suppressed } = analyze(collectObjects(app), { warningsAsErrors: true });
 * const errors = findings.filter((f) => f.severity === Severity.ERROR);
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function analyze(objects: readonly AnalyzedObject[], options: AnalysisOptions = {}): AnalysisResult {
  const model = new MeshModel(objects);
  const raw: Finding[] = [];
  for (const rule of options.rules ?? MESH_RULES) {
    rule.evaluate({
      model,
      report: (object: ModelObject, field: string, value: unknown, message: string, fix: string, severity?: Severity) => {
        raw.push(toFinding(object.path, { code: rule.code, field, value, message, fix, severity }));
      },
    });
  }
  raw.push(...suppressionFindings(objects));
  const result = applySuppressions(raw, objects);
  const findings = options.warningsAsErrors
    ? result.findings.map((f) => (f.severity === Severity.WARNING ? { ...f, severity: Severity.ERROR } : f))
    : result.findings;
  return { findings, suppressed: result.suppressed };
}

/**
 * Splits findings (of this analysis or per-object ones) into live and suppressed, using the valid
 * suppressions carried by the objects with the same path. Both lists come back sorted.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function applySuppressions(findings: readonly Finding[], objects: readonly AnalyzedObject[]): AnalysisResult {
  const byPath = new Map<string, Suppression[]>();
  for (const o of objects) {
    const valid = (o.suppressions ?? []).filter((s) => !_suppressionProblem(s));
    byPath.set(o.path, [...(byPath.get(o.path) ?? []), ...valid]);
  }
  const live: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const s = byPath.get(f.path)?.find((x) => x.code === f.code);
    if (s) suppressed.push({ ...f, reason: s.reason });
    else live.push(f);
  }
  return { findings: sortFindings(live), suppressed: sortFindings(suppressed) };
}

/**
 * Findings in a stable order: path, code, field, then message.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  const key = (f: Finding) => [f.path, f.code, f.field, f.message];
  return [...findings].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    }
    return 0;
  });
}

/** One CI1016 per invalid suppression, on the construct it was added to. */
function suppressionFindings(objects: readonly AnalyzedObject[]): Finding[] {
  const out = new Map<string, Finding>();
  for (const o of objects) {
    for (const s of o.suppressions ?? []) {
      const problem = _suppressionProblem(s);
      if (!problem) continue;
      const path = s.scope ?? o.path;
      out.set(JSON.stringify([path, s.code, s.reason]), toFinding(path, {
        code: 'CI1016',
        field: `suppressions.${s.code}`,
        value: s.reason,
        message: `${problem}; it is not applied`,
        fix: 'pass a known check code (see CHECKS) and a non-empty reason to Suppressions.add',
      }));
    }
  }
  return [...out.values()];
}
