/**
 * How serious a finding is.
 *
 * @see https://istio.io/latest/docs/reference/config/istio.analysis.v1alpha1/#AnalysisMessageBase-Level
 */
export enum Severity {
  /** Fails synthesis: Istio would reject the object, or the mesh would not do what was written. */
  ERROR = 'error',
  /** Printed at synthesis; becomes an error with `warningsAsErrors`. */
  WARNING = 'warning',
}

/**
 * Where an object (or one of its fields) was written, for objects read from YAML files.
 *
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/sarif-v2.1.0-os.html#_Toc34317670
 */
export interface SourceLocation {
  /** The file, as it was given (relative paths stay relative). */
  readonly file: string;
  /** The line, 1-based. */
  readonly line: number;
  /**
   * The column, 1-based.
   * @default - the start of the line
   */
  readonly column?: number;
}

/**
 * One problem with one field of one object, before it is tied to an object.
 *
 * Value objects and L2 constructs describe construct-level problems with this; checks report
 * theirs with the same shape.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export interface Problem {
  /** Stable code of the check, for example `CI0003` (see README "Checks"). */
  readonly code: string;
  /** The field, as a path into the rendered manifest where possible, e.g. `spec.http[0].timeout`. */
  readonly field: string;
  /**
   * The offending value, as the user gave it.
   * @default - no single value (for example a missing field)
   */
  readonly value?: unknown;
  /** What is wrong, lowercase, no final period. */
  readonly message: string;
  /** How to fix it: an action, not a repetition of the message. */
  readonly fix: string;
  /**
   * Severity of the problem.
   * @default - the check's severity
   */
  readonly severity?: Severity;
}

/**
 * A problem tied to the object (and construct, or file and line) that caused it.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export interface Finding extends Problem {
  /**
   * Who the finding is about: the construct path (`bookinfo-ingress/bookinfo`) for objects of a
   * cdk8s app, else the object as `Kind namespace/name`.
   */
  readonly path: string;
  /** The severity after the check's default (and any per-finding override) is applied. */
  readonly severity: Severity;
  /**
   * The Istio or Kiali counterpart of the check (`IST0101`, `KIA1101`, `webhook`, `CRD rule`).
   * @default - no counterpart
   */
  readonly counterpart?: string;
  /**
   * Where the field (or else the object) was written, for objects read from YAML.
   * @default - no file: the object was rendered by a cdk8s app
   */
  readonly location?: SourceLocation;
}

/**
 * A finding that a suppression with a reason accepted.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface SuppressedFinding extends Finding {
  /** The reason the suppression gives. */
  readonly reason: string;
}

/**
 * Collects problems with a shared field prefix, so that a value object can describe its own
 * fields and the construct that holds it can place them in the manifest.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export class ProblemCollector {
  private readonly sink: Problem[];

  constructor(private readonly prefix: string = '', sink?: Problem[]) {
    this.sink = sink ?? [];
  }

  /** A collector whose fields are relative to `field` (joined with `.`, or appended when it starts with `[`). */
  public at(field: string): ProblemCollector {
    return new ProblemCollector(joinField(this.prefix, field), this.sink);
  }

  /** Records a problem of `field` (relative to this collector's prefix). */
  public add(code: string, field: string, value: unknown, message: string, fix: string, severity?: Severity): void {
    this.sink.push({ code, field: joinField(this.prefix, field), value, message, fix, severity });
  }

  /** Everything recorded so far through this collector or any collector derived from it. */
  public get problems(): Problem[] {
    return [...this.sink];
  }
}

/**
 * Joins a field path and a relative field: with `.`, or directly when the relative part starts
 * with `[` (`spec.http` + `[0]` is `spec.http[0]`).
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function joinField(prefix: string, field: string): string {
  if (!prefix) return field;
  if (!field) return prefix;
  return field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`;
}

/**
 * Formats a value for a message: strings in single quotes, everything else as JSON.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === undefined) return '(unset)';
  if (typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Formats a finding as one line:
 * `error CI0003 file:line [path] field = value: message; fix: ... [IST0101]`. Without the path
 * (`{ path: false }`) where the caller already names the construct, as cdk8s's validation does.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function formatFinding(f: Finding, options: { readonly path?: boolean } = {}): string {
  const where = (f.location ? `${f.location.file}:${f.location.line} ` : '') + (options.path === false ? '' : `[${f.path}] `);
  const value = f.value === undefined ? '' : ` = ${formatValue(f.value)}`;
  const counterpart = f.counterpart ? ` [${f.counterpart}]` : '';
  return `${f.severity} ${f.code} ${where}${f.field}${value}: ${f.message}; fix: ${f.fix}${counterpart}`;
}

/**
 * Findings in a stable order: file and line (for objects read from YAML), path, code, field, then
 * message.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...findings].sort((a, b) =>
    cmp(a.location?.file ?? '', b.location?.file ?? '') || cmp(a.location?.line ?? 0, b.location?.line ?? 0)
    || cmp(a.path, b.path) || cmp(a.code, b.code) || cmp(a.field, b.field) || cmp(a.message, b.message));
}
