import { IServiceLike, IWorkloadLike } from '../kube-objects';

/** The pod label cdk8s-plus adds for its own selectors (an implementation detail, not a stable identity). */
export const CDK8S_ADDR_LABEL = 'cdk8s.io/metadata.addr';

/**
 * The labels of a workload's pod template, excluding the `cdk8s.io/metadata.addr` label that
 * cdk8s-plus adds for its own selectors (it is an implementation detail, not a stable identity).
 *
 * These are the labels Istio sees on the pods, so subsets and workload selectors derived from
 * them select exactly this workload's pods.
 */
export function podTemplateLabels(workload: IWorkloadLike): Record<string, string> {
  return withoutAddrLabel(workload.podMetadata.toJson()?.labels ?? {});
}

/** `labels` without the cdk8s address label, keys sorted. */
export function withoutAddrLabel(labels: { readonly [key: string]: string }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(labels).sort()) {
    if (key !== CDK8S_ADDR_LABEL) out[key] = labels[key];
  }
  return out;
}

/** Whether every `selector` label is present with the same value in `labels`. */
export function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/**
 * Whether `x` is a workload (duck-typed: a plain-JavaScript caller may pass anything, and any
 * copy and version of cdk8s-plus works).
 */
export function isWorkload(x: unknown): x is IWorkloadLike {
  return typeof (x as any)?.podMetadata?.toJson === 'function' && typeof (x as any)?.node?.path === 'string';
}

/** Whether `x` is a Service (duck-typed, as {@link isWorkload}). */
export function isService(x: unknown): x is IServiceLike {
  return x !== null && typeof x === 'object' && typeof (x as any).name === 'string'
    && typeof (x as any).node?.path === 'string' && Array.isArray((x as any).ports);
}

/**
 * The pod selector of a Service (`spec.selector`, a copy), as it renders: `{}` when it cannot
 * render yet (cdk8s-plus reports a Service without ports itself) or is not a cdk8s-plus Service.
 */
export function serviceSelector(service: IServiceLike): Record<string, string> {
  try {
    // cdk8s-plus 27 to 33 all render a Service's spec with _toKube(); the selector has no public getter
    const spec = (service as any)._toKube?.();
    return { ...(spec?.selector ?? {}) };
  } catch {
    return {};
  }
}
