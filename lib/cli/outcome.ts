import { AnalysisReport } from '../analysis/engine';

/**
 * What one run of `cdk8s-istio check` found: the report, how much input it read, and the notes
 * about skipped documents. Every output format renders this.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface CheckOutcome {
  /** The findings: errors (after `--warnings-as-errors`), warnings and suppressed findings. */
  readonly report: AnalysisReport;
  /** How many Kubernetes objects were read. */
  readonly objects: number;
  /** How many files were read (`-`, standard input, counts as one). */
  readonly files: number;
  /** One line per document that is not a Kubernetes object (skipped, not an error). */
  readonly notes: readonly string[];
}

/**
 * The one-line summary printed on standard error at the end of a check:
 * `cdk8s-istio check: 42 objects in 6 files; 1 error, 0 warnings, 2 suppressed`.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function summaryLine(outcome: CheckOutcome): string {
  const { errors, warnings, suppressed } = outcome.report;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return `cdk8s-istio check: ${count(outcome.objects, 'object')} in ${count(outcome.files, 'file')}; `
    + `${count(errors.length, 'error')}, ${count(warnings.length, 'warning')}, ${suppressed.length} suppressed`;
}
