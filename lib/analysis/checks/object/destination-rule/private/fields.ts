/**
 * Small readers and reporters shared by the DestinationRule checks: durations as Istio's
 * `ValidateDuration` sees them, counts that must not be negative, strings that count as set.
 */
import { CheckReport } from '../../../../check';
import { joinField } from '../../../../finding';
import { durationProblem, parseDuration } from '../../../../values/duration';

/** Where a check reports. */
export type Report = (finding: CheckReport) => void;

/** Whether `value` is a non-empty string (Go reads a missing or empty string field as ""). */
export function isSet(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** `value` when it is a finite number, else `undefined` (other types are the CRD schema's concern). */
export function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Whether `value` is a non-empty array (Go reads an empty repeated field as nil). */
export function isNonEmptyArray(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/**
 * Reports `parent[key]` when it is set and Istio's `ValidateDuration` rejects it: not a duration,
 * below 1ms, or finer than a millisecond. With `zeroTurnsOff`, a duration that truncates to 0ms is
 * accepted, as the webhook does for a TCP idle timeout (0s turns the timeout off).
 */
export function reportDuration(report: Report, parent: Record<string, any>, parentField: string, key: string,
  options: { readonly zeroTurnsOff?: boolean } = {}): void {
  const value = parent[key];
  if (value === undefined || value === null) return;
  if (options.zeroTurnsOff) {
    const ms = parseDuration(value);
    if (ms !== undefined && Math.trunc(ms) === 0) return;
  }
  const problem = durationProblem(value);
  if (!problem) return;
  const field = joinField(parentField, key);
  report({
    field, value,
    message: `${key} ${problem}`,
    fix: `set ${field} to at least 1ms in whole milliseconds, such as '250ms' or '10s'${options.zeroTurnsOff ? ', or \'0s\' to turn it off' : ''} (in code: a cdk8s Duration such as Duration.millis(250))`,
  });
}

/** Reports `parent[key]` when it is a negative number (Istio's "... must be non-negative"). */
export function reportNegative(report: Report, parent: Record<string, any>, parentField: string, key: string): void {
  const value = numberOf(parent[key]);
  if (value === undefined || value >= 0) return;
  const field = joinField(parentField, key);
  report({ field, value, message: `${key} must be 0 or more, got ${value}`, fix: `set ${field} to a whole number of 0 or more, or remove it for Istio's default` });
}

/** Reports `parent[key]` when it is a number outside 0-100 (Istio's `ValidatePercent`). */
export function reportPercent(report: Report, parent: Record<string, any>, parentField: string, key: string): void {
  const value = numberOf(parent[key]);
  if (value === undefined || (value >= 0 && value <= 100)) return;
  const field = joinField(parentField, key);
  report({ field, value, message: `${key} must be a percentage from 0 to 100, got ${value}`, fix: `set ${field} to a whole number from 0 to 100` });
}
