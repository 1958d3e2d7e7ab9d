/**
 * Where a synthesis spends its time, for `npm run bench -- --scale` and for anyone who sets
 * `CDK8S_ISTIO_PROFILE=1`: the phases (construct, render, checks, YAML, write) and each check,
 * summed in milliseconds. The variable is read once, when this module loads; when it is unset,
 * `profiled` is a direct call and `PROFILING` guards the per-check timers, so it costs nothing.
 * With `CDK8S_ISTIO_PROFILE=1` the totals are printed on standard error when the process exits.
 */
export const PROFILING = process.env.CDK8S_ISTIO_PROFILE === '1' || process.env.CDK8S_ISTIO_PROFILE === 'true';

const totals = new Map<string, number>();

/** Adds `ms` to the total of `label`. */
export function addTime(label: string, ms: number): void {
  totals.set(label, (totals.get(label) ?? 0) + ms);
}

/** Runs `fn`, adding its time to `label` when profiling. */
export function profiled<T>(label: string, fn: () => T): T {
  if (!PROFILING) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    addTime(label, performance.now() - start);
  }
}

/** The totals so far, in milliseconds, by label. */
export function profile(): Record<string, number> {
  return Object.fromEntries([...totals].map(([k, v]) => [k, Math.round(v * 10) / 10]));
}

if (PROFILING && process.env.CDK8S_ISTIO_PROFILE_QUIET !== '1') {
  process.on('exit', () => {
    const rows = [...totals].sort((a, b) => b[1] - a[1]).map(([k, v]) => `  ${v.toFixed(1).padStart(9)} ms  ${k}`);
    process.stderr.write(`cdk8s-istio profile (CDK8S_ISTIO_PROFILE):\n${rows.join('\n')}\n`);
  });
}
