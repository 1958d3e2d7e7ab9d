/**
 * Workload selectors as Istio reads them: which field of each kind selects workloads, and label
 * selectors as Kubernetes matches them (webhooks use `matchExpressions` too).
 */
import { asArray, asRecord, isRecord } from '../manifest/read';
import { ManifestObject } from '../manifest-object';

/**
 * The workload selector of an Istio object: its labels and where they are written.
 *
 * @see https://istio.io/latest/docs/reference/config/type/workload-selector/
 */
export interface WorkloadSelector {
  /** The labels every selected workload carries (empty: the selector is absent or empty). */
  readonly labels: Readonly<Record<string, string>>;
  /** Where the labels are written, e.g. `spec.workloadSelector.labels` or `spec.selector.matchLabels`. */
  readonly field: string;
}

/** Where each kind writes its workload selector's labels. */
const SELECTOR_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'Sidecar.networking.istio.io': ['workloadSelector', 'labels'],
  'DestinationRule.networking.istio.io': ['workloadSelector', 'matchLabels'],
  'Gateway.networking.istio.io': ['selector'],
  'ServiceEntry.networking.istio.io': ['workloadSelector', 'labels'],
  'EnvoyFilter.networking.istio.io': ['workloadSelector', 'labels'],
  'AuthorizationPolicy.security.istio.io': ['selector', 'matchLabels'],
  'PeerAuthentication.security.istio.io': ['selector', 'matchLabels'],
  'RequestAuthentication.security.istio.io': ['selector', 'matchLabels'],
};

/**
 * The workload selector of a Sidecar, DestinationRule, Gateway, ServiceEntry, EnvoyFilter,
 * AuthorizationPolicy, PeerAuthentication or RequestAuthentication (labels as strings), or
 * `undefined` for another kind.
 *
 * @example
 * workloadSelectorOf(sidecar); // { labels: { app: 'reviews' }, field: 'spec.workloadSelector.labels' }
 * @see https://istio.io/latest/docs/reference/config/type/workload-selector/
 */
export function workloadSelectorOf(object: ManifestObject): WorkloadSelector | undefined {
  const path = SELECTOR_FIELDS[object.groupKind];
  if (!path) return undefined;
  let node: unknown = object.manifest.spec;
  for (const key of path) node = asRecord(node)[key];
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(node))) {
    if (v !== null && v !== undefined && typeof v !== 'object') labels[k] = String(v);
  }
  return { labels, field: `spec.${path.join('.')}` };
}

/**
 * Whether an Istio policy names `targetRef` or `targetRefs`: it then attaches to Gateways,
 * waypoints or Services, never to sidecar workloads through its selector.
 *
 * @see https://istio.io/latest/docs/reference/config/type/workload-selector/#PolicyTargetReference
 */
export function hasTargetRefs(object: ManifestObject): boolean {
  const spec = asRecord(object.manifest.spec);
  return isRecord(spec.targetRef) || asArray(spec.targetRefs).length > 0;
}

/**
 * Whether a Kubernetes label selector (`matchLabels` and `matchExpressions`) matches `labels`;
 * an absent selector matches everything, and a selector that cannot be read matches nothing (as
 * Kubernetes, which rejects it).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
 */
export function labelSelectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (selector === undefined || selector === null) return true;
  if (!isRecord(selector)) return false;
  for (const [k, v] of Object.entries(asRecord(selector.matchLabels))) {
    if (labels[k] !== String(v)) return false;
  }
  for (const e of asArray(selector.matchExpressions)) {
    if (!isRecord(e) || typeof e.key !== 'string') return false;
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values = asArray(e.values).map(String);
    switch (e.operator) {
      case 'In': if (!has || !values.includes(labels[e.key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[e.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/**
 * `a=b,c=d` as Kubernetes prints a selector (sorted), for messages.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
 */
export function selectorText(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(',');
}
