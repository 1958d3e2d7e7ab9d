import { Duration } from 'cdk8s';

/**
 * Renders a cdk8s Duration the way Istio's protobuf Duration fields expect it: `'<n>s'` when
 * the value is a whole number of seconds, `'<n>ms'` otherwise.
 *
 * Returns `undefined` for values Istio rejects (below 1ms or fractional milliseconds); callers
 * report that through their validation with {@link durationProblem}.
 */
export function renderDuration(d: Duration): string {
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
