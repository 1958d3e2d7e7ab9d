import { Finding, sortFindings, SuppressedFinding } from '../analysis/finding';
import { checkInfo } from '../analysis/registry';
import { CheckOutcome } from './outcome';
import { packageInfo } from './package-info';

/**
 * One finding in the JSON output of `cdk8s-istio check --format json`.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface JsonFinding {
  /** `error` or `warning` (after `--warnings-as-errors`). */
  readonly severity: string;
  /** The check code, e.g. `CI1003`. */
  readonly code: string;
  /** The check name, e.g. `SubsetNotFound`. */
  readonly check: string;
  /** The file as given on the command line (`-` for standard input), or `null` for a finding on no file. */
  readonly file: string | null;
  /** The 1-based line of the field (else of the object), or `null`. */
  readonly line: number | null;
  /** The 1-based column of the field, or `null`. */
  readonly column: number | null;
  /** The object, as `Kind namespace/name` (the file for CI0026). */
  readonly object: string;
  /** The field, as a manifest path: `spec.http[0].route[0].destination.subset`. */
  readonly field: string;
  /**
   * The offending value, as written.
   * @default - absent when there is no single value (a missing field)
   */
  readonly value?: unknown;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /** The Istio or Kiali counterpart (`IST0101`, `webhook`, `CRD schema`), or `null`. */
  readonly counterpart: string | null;
}

/**
 * A suppressed finding in the JSON output: the finding and the suppression's reason.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface JsonSuppressedFinding extends JsonFinding {
  /** The reason of the `suppress.cdk8s-istio.io/<CODE>` annotation. */
  readonly reason: string;
}

/**
 * The JSON output of `cdk8s-istio check --format json`. Its shape is stable: fields are only
 * added, never renamed or removed, while `schemaVersion` stays 1.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface JsonReport {
  /** The version of this shape: 1. */
  readonly schemaVersion: 1;
  /** The tool: `{ name: 'cdk8s-istio', version }`. */
  readonly tool: { readonly name: string; readonly version: string };
  /** Counts, and whether the check passed (no errors: exit code 0). */
  readonly summary: {
    readonly objects: number;
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly suppressed: number;
    readonly passed: boolean;
  };
  /** Errors and warnings, in file and line order. */
  readonly findings: JsonFinding[];
  /** Findings that a suppression annotation accepted, with its reason. */
  readonly suppressed: JsonSuppressedFinding[];
  /** Documents that are not Kubernetes objects (skipped). */
  readonly notes: readonly string[];
}

/**
 * The JSON output as an object (see {@link JsonReport}).
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function toJsonReport(outcome: CheckOutcome): JsonReport {
  const { errors, warnings, suppressed } = outcome.report;
  const pkg = packageInfo();
  return {
    schemaVersion: 1,
    tool: { name: pkg.name, version: pkg.version },
    summary: { objects: outcome.objects, files: outcome.files, errors: errors.length, warnings: warnings.length, suppressed: suppressed.length, passed: errors.length === 0 },
    findings: sortFindings([...errors, ...warnings]).map(jsonFinding),
    suppressed: suppressed.map((f: SuppressedFinding) => ({ ...jsonFinding(f), reason: f.reason })),
    notes: outcome.notes,
  };
}

/**
 * The JSON output as text: {@link toJsonReport}, indented, with a final newline.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function formatJson(outcome: CheckOutcome): string {
  return `${JSON.stringify(toJsonReport(outcome), null, 2)}\n`;
}

function jsonFinding(f: Finding): JsonFinding {
  return {
    severity: f.severity,
    code: f.code,
    check: checkInfo(f.code)?.name ?? f.code,
    file: f.location?.file ?? null,
    line: f.location?.line ?? null,
    column: f.location?.column ?? null,
    object: f.path,
    field: f.field,
    ...(f.value === undefined ? {} : { value: f.value }),
    message: f.message,
    fix: f.fix,
    counterpart: f.counterpart ?? null,
  };
}
