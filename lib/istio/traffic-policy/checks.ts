/**
 * Small shared helpers for the traffic-policy value objects, the DestinationRule and the Gateway:
 * rendering that never throws, whatever a plain-JavaScript caller passed. Everything here is
 * internal: do not
 * re-export this module from `lib/index.ts`.
 *
 * @internal
 * @module
 */
import { Duration } from 'cdk8s';
import { renderDuration } from '../private/duration';


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
