import { formatFinding, formatValue, sortFindings, SuppressedFinding } from '../analysis/finding';
import { CheckOutcome } from './outcome';

/**
 * The text output of `cdk8s-istio check`: one finding a line in file and line order (errors and
 * warnings as `npm run synth` prints them, `file:line` of the field first), then each suppressed
 * finding with its reason. Empty when there is nothing to report.
 *
 * @example
 * // error CI1003 mesh/reviews.yaml:14 [VirtualService shop/reviews] spec.http[0].route[0].destination.subset = 'v4': subset 'v4' ...; fix: ... [IST0101 ...]
 * formatText(outcome);
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function formatText(outcome: CheckOutcome): string {
  const { errors, warnings, suppressed } = outcome.report;
  const lines = [
    ...sortFindings([...errors, ...warnings]).map((f) => formatFinding(f)),
    ...suppressed.map(formatSuppressed),
  ];
  return lines.map((l) => `${l}\n`).join('');
}

function formatSuppressed(f: SuppressedFinding): string {
  const where = f.location ? `${f.location.file}:${f.location.line} ` : '';
  const value = f.value === undefined ? '' : ` = ${formatValue(f.value)}`;
  return `suppressed ${f.code} ${where}[${f.path}] ${f.field}${value}: ${f.message} (reason: ${f.reason})`;
}
