import * as kplus from 'cdk8s-plus-27';

/**
 * The labels of a workload's pod template, excluding the `cdk8s.io/metadata.addr` label that
 * cdk8s-plus adds for its own selectors (it is an implementation detail, not a stable identity).
 *
 * These are the labels Istio sees on the pods, so subsets and workload selectors derived from
 * them select exactly this workload's pods.
 */
export function podTemplateLabels(workload: kplus.AbstractPod): Record<string, string> {
  const labels = workload.podMetadata.toJson().labels ?? {};
  const out: Record<string, string> = {};
  for (const key of Object.keys(labels).sort()) {
    if (key === 'cdk8s.io/metadata.addr') continue;
    out[key] = labels[key];
  }
  return out;
}

/** Whether every `selector` label is present with the same value in `labels`. */
export function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Whether `x` is a cdk8s-plus workload (duck-typed: a plain-JavaScript caller may pass anything, and any copy of cdk8s-plus works). */
export function isWorkload(x: unknown): x is kplus.AbstractPod {
  return typeof (x as any)?.podMetadata?.toJson === 'function' && typeof (x as any)?.node?.path === 'string';
}
