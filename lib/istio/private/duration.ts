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
