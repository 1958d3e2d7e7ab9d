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
 * One problem with one field of one object, before it is tied to a construct path.
 *
 * Value objects and L2 constructs describe their own problems with this; the synthesizer
 * attaches the construct path and turns them into {@link Finding}s.
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
  /** How to fix it. */
  readonly fix: string;
  /**
   * Severity of the problem.
   * @default Severity.ERROR
   */
  readonly severity?: Severity;
}

/**
 * A problem tied to the construct that caused it.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export interface Finding extends Problem {
  /** The construct path, e.g. `bookinfo-ingress/bookinfo`. */
  readonly path: string;
  /** The severity after the catalog default (and any per-problem override) is applied. */
  readonly severity: Severity;
  /**
   * The `istioctl analyze` or Kiali check this one mirrors, if any (e.g. `IST0101`, `KIA1101`).
   * @default - no counterpart
   */
  readonly mirrors?: string;
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
    return new ProblemCollector(this.join(field), this.sink);
  }

  /** Records a problem of `field` (relative to this collector's prefix). */
  public add(code: string, field: string, value: unknown, message: string, fix: string, severity: Severity = Severity.ERROR): void {
    this.sink.push({ code, field: this.join(field), value, message, fix, severity });
  }

  /** Records problems that were described relative to this collector. */
  public addAll(problems: readonly Problem[]): void {
    for (const p of problems) {
      this.sink.push({ ...p, field: this.join(p.field) });
    }
  }

  /** Everything recorded so far through this collector or any collector derived from it. */
  public get problems(): Problem[] {
    return [...this.sink];
  }

  private join(field: string): string {
    if (!this.prefix) return field;
    if (!field) return this.prefix;
    return field.startsWith('[') ? `${this.prefix}${field}` : `${this.prefix}.${field}`;
  }
}

/**
 * Formats a value for a message: strings in single quotes, everything else as JSON.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === undefined) return '(unset)';
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * Formats a finding as one line: `error CI0003 [path] field = value: message (fix: ...)`.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function formatFinding(f: Finding): string {
  const value = f.value === undefined ? '' : ` = ${formatValue(f.value)}`;
  const mirrors = f.mirrors ? ` [mirrors ${f.mirrors}]` : '';
  return `${f.severity} ${f.code} [${f.path}] ${f.field}${value}: ${f.message} (fix: ${f.fix})${mirrors}`;
}
