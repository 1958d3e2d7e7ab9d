/**
 * Durations as manifests write them: Go duration strings (`10s`, `1.5s`, `500ms`, `1m30s`), which
 * the CRDs' CEL `duration()` parses and Istio's webhook then checks for millisecond precision.
 */

const UNIT_MS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * The duration in milliseconds (possibly fractional), or `undefined` when `value` is not a Go
 * duration string (`300ms`, `1.5s`, `2m`, `1h30m`, `-1s`).
 *
 * @see https://pkg.go.dev/time#ParseDuration
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  let rest = value;
  let sign = 1;
  if (rest[0] === '-' || rest[0] === '+') {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest.length === 0) return undefined;
  let total = 0;
  const re = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  while (rest.length > 0) {
    const m = re.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * UNIT_MS[m[2]];
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

/**
 * Why Istio rejects this duration, or `undefined` when it is fine: not a duration string, below
 * `min` (the CRDs' `duration(self) >= duration('1ms')`), or finer than a millisecond (the
 * webhook's "only durations to ms precision are supported").
 *
 * @param value the value of the field
 * @param min the smallest allowed value in milliseconds (default 1)
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRoute
 */
export function durationProblem(value: unknown, min = 1): string | undefined {
  const ms = parseDuration(value);
  if (ms === undefined) return `must be a duration such as '500ms', '10s' or '1m', got ${JSON.stringify(value)}`;
  if (ms < min) return `must be at least ${min}ms, got ${value}`;
  if (Math.abs(ms - Math.round(ms)) > 1e-9) return `must be a whole number of milliseconds, got ${value}`;
  return undefined;
}
