/**
 * Small shared helpers for the traffic-policy value objects, the DestinationRule and the Gateway:
 * rendering that never throws, whatever a plain-JavaScript caller passed, and the checks that
 * `ConnectionPool._validate` still runs for the Sidecar. Everything here is internal: do not
 * re-export this module from `lib/index.ts`.
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
 * Records CI0004 when `d` is a Duration Istio would reject (below 1ms, or not whole
 * milliseconds); a value that is not a Duration renders as given and is left to the checks of the
 * manifest. `field` is relative to `problems`; its last segment names the field in the message.
 * @internal
 */
export function checkDuration(problems: ProblemCollector, field: string, d: Duration | undefined): void {
  if (!isDuration(d)) return;
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

/**
 * Renders a duration (`'10s'`, `'250ms'`), or `undefined` when unset. A value that is not a cdk8s
 * Duration (a string such as `'10s'` from plain JavaScript) renders as given, for the checks of
 * the manifest to judge.
 * @internal
 */
export function optionalDuration(d: Duration | undefined): string | undefined {
  if (d === undefined || d === null) return undefined;
  return isDuration(d) ? renderDuration(d) : d as unknown as string;
}

/**
 * Renders a value object through its `_toIstio()`; anything else (a plain object from plain
 * JavaScript) renders as given, for the checks of the manifest to judge.
 * @internal
 */
export function renderValue<T>(value: { _toIstio(): T } | undefined): T | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof (value as any)._toIstio === 'function' ? value._toIstio() : value as unknown as T;
}

/** Whether a string option is set to something other than the empty string. @internal */
export function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/** Copies an array; `undefined` when unset; anything else as given. @internal */
export function copyArray<T>(values: readonly T[] | undefined): T[] | undefined {
  if (values === undefined || values === null) return undefined;
  return Array.isArray(values) ? [...values] : values as unknown as T[];
}

/** Whether `d` is a cdk8s Duration (by shape, so that any copy of cdk8s works). @internal */
export function isDuration(d: unknown): d is Duration {
  return d instanceof Duration || (d !== null && typeof d === 'object' && typeof (d as any).toMilliseconds === 'function');
}

function lastSegment(field: string): string {
  const withoutIndex = field.replace(/\[\d+\]$/, '');
  const i = withoutIndex.lastIndexOf('.');
  return i < 0 ? withoutIndex : withoutIndex.slice(i + 1);
}
