/**
 * Small shared checks for the traffic-policy value objects, the DestinationRule and the Gateway.
 * Everything here is internal: do not re-export this module from `lib/index.ts`.
 *
 * @internal
 * @module
 */
import { Duration } from 'cdk8s';
import { ProblemCollector } from '../../analysis/finding';
import { durationProblem, renderDuration } from '../private/duration';
import { intRangeProblem } from '../../analysis/values/validate';

/** Largest value of a protobuf int32 field. @internal */
export const INT32_MAX = 2147483647;
/** Largest value of a protobuf uint32 field (also the CRD's `maximum`). @internal */
export const UINT32_MAX = 4294967295;

/**
 * Records CI0004 when `d` is set and Istio would reject it (below 1ms, or not whole milliseconds).
 * `field` is relative to `problems`; its last segment names the field in the message.
 * @internal
 */
export function checkDuration(problems: ProblemCollector, field: string, d: Duration | undefined): void {
  if (d === undefined) return;
  const problem = durationProblem(d);
  if (problem) {
    problems.add('CI0004', field, renderDuration(d), `${lastSegment(field)} ${problem}`,
      'pass a cdk8s Duration of at least Duration.millis(1), in whole milliseconds');
  }
}

/**
 * Records `code` (CI0017 unless given) when `value` is set and not an integer in `[min, max]`.
 * @internal
 */
export function checkInteger(problems: ProblemCollector, field: string, value: number | undefined, min: number, max: number, code = 'CI0017'): void {
  if (value === undefined) return;
  const problem = intRangeProblem(value, min, max);
  if (problem) {
    problems.add(code, field, value, `${lastSegment(field)} ${problem}, got ${value}`, `set ${lastSegment(field)} to a whole number from ${min} to ${max}`);
  }
}

/** Renders a duration, or `undefined` when unset. @internal */
export function optionalDuration(d: Duration | undefined): string | undefined {
  return d === undefined ? undefined : renderDuration(d);
}

/** Whether a string option is set to something other than the empty string. @internal */
export function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/** Copies a string array, or `undefined` when unset. @internal */
export function copyArray<T>(values: readonly T[] | undefined): T[] | undefined {
  return values === undefined ? undefined : [...values];
}

function lastSegment(field: string): string {
  const withoutIndex = field.replace(/\[\d+\]$/, '');
  const i = withoutIndex.lastIndexOf('.');
  return i < 0 ? withoutIndex : withoutIndex.slice(i + 1);
}
