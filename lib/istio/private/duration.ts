import { Duration } from 'cdk8s';

/**
 * Renders a cdk8s Duration the way Istio's protobuf Duration fields expect it: `'<n>s'` when
 * the value is a whole number of seconds, `'<n>ms'` otherwise.
 *
 * Values Istio rejects (below 1ms, fractional milliseconds) render as they are, for the checks to
 * report. A value that is not a Duration (a `'10s'` string from plain JavaScript or a cast) renders
 * as given, for the same reason: rendering never throws.
 */
export function renderDuration(d: Duration): string {
  if (typeof (d as unknown as { toMilliseconds?: unknown })?.toMilliseconds !== 'function') return d as unknown as string;
  const ms = d.toMilliseconds({ integral: false });
  if (ms % 1000 === 0) {
    return `${ms / 1000}s`;
  }
  return `${ms}ms`;
}

/**
 * Why Istio would reject this duration, or `undefined` when it is fine.
 *
 * The CRDs' CEL rule is `duration(self) >= duration('1ms')`, and the proxy works in whole
 * milliseconds.
 */
export function durationProblem(d: Duration): string | undefined {
  const ms = d.toMilliseconds({ integral: false });
  if (!Number.isFinite(ms) || ms < 1) {
    return `must be at least 1ms, got ${ms}ms; use Duration.millis(1) or more`;
  }
  if (!Number.isInteger(ms)) {
    return `must be a whole number of milliseconds, got ${ms}ms; round it to a whole millisecond`;
  }
  return undefined;
}
