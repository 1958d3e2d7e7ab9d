/**
 * The pods an app runs, from every workload kind, indexed by namespace and label so that a
 * selector is answered without scanning every pod.
 */
import { asRecord } from '../manifest/read';
import { ManifestObject } from '../manifest-object';

/**
 * A pod, or the pod template of a workload controller (Deployment, StatefulSet, DaemonSet,
 * ReplicaSet, Job, CronJob).
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates
 */
export interface PodTemplate {
  /** The workload object (or the Pod). */
  readonly owner: ModelObjectLike;
  /** The namespace the pods run in. */
  readonly namespace: string;
  /** The pod labels. */
  readonly labels: Readonly<Record<string, string>>;
  /** The pod annotations. */
  readonly annotations: Readonly<Record<string, string>>;
  /** The pod spec (containers, serviceAccountName, securityContext, ...), `{}` when missing. */
  readonly spec: any;
  /** The pods' service account (`default` when unset). */
  readonly serviceAccountName: string;
  /** Where the pod labels live in the manifest, e.g. `spec.template.metadata.labels`. */
  readonly labelsField: string;
  /** Where the pod spec lives in the manifest, e.g. `spec.template.spec` (`spec` for a Pod). */
  readonly specField: string;
}

/** The object shape the index needs (a ManifestObject). */
type ModelObjectLike = ManifestObject;

/**
 * Where each workload kind keeps its pod template (group/kind to path).
 *
 * @see https://kubernetes.io/docs/concepts/workloads/
 */
export const POD_TEMPLATE_PATHS: Readonly<Record<string, string>> = {
  'Pod': '',
  'Deployment.apps': 'spec.template',
  'StatefulSet.apps': 'spec.template',
  'DaemonSet.apps': 'spec.template',
  'ReplicaSet.apps': 'spec.template',
  'Job.batch': 'spec.template',
  'CronJob.batch': 'spec.jobTemplate.spec.template',
};

/**
 * The pod template of a workload object, or `undefined` for other kinds.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates
 */
export function podTemplateOf(object: ManifestObject): PodTemplate | undefined {
  const at = POD_TEMPLATE_PATHS[object.groupKind];
  if (at === undefined) return undefined;
  let template: any = object.manifest;
  for (const key of at ? at.split('.') : []) template = template?.[key];
  const metadata = asRecord(template?.metadata);
  const spec = asRecord(template?.spec);
  return {
    owner: object,
    namespace: object.namespace,
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    spec,
    serviceAccountName: typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '' ? spec.serviceAccountName
      : typeof spec.serviceAccount === 'string' && spec.serviceAccount !== '' ? spec.serviceAccount : 'default',
    labelsField: at ? `${at}.metadata.labels` : 'metadata.labels',
    specField: at ? `${at}.spec` : 'spec',
  };
}

/**
 * Pod templates indexed by namespace and by `key=value` label, so that a label selector costs the
 * size of its smallest label's list, not the number of pods.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
 */
export class PodIndex {
  /** Every pod template, in input order. */
  public readonly all: readonly PodTemplate[];
  private readonly byNamespace = new Map<string, PodTemplate[]>();
  private readonly byLabel = new Map<string, PodTemplate[]>();
  private readonly byLabelAll = new Map<string, PodTemplate[]>();

  constructor(pods: readonly PodTemplate[]) {
    this.all = pods;
    for (const pod of pods) {
      push(this.byNamespace, pod.namespace, pod);
      for (const [k, v] of Object.entries(pod.labels)) {
        push(this.byLabel, labelKey(pod.namespace, k, v), pod);
        push(this.byLabelAll, labelKey('', k, v), pod);
      }
    }
  }

  /** The pod templates of a namespace. */
  public inNamespace(namespace: string): readonly PodTemplate[] {
    return this.byNamespace.get(namespace) ?? [];
  }

  /**
   * The pod templates in `namespace` whose labels hold every label of `selector` (an empty
   * selector selects every pod of the namespace).
   */
  public select(namespace: string, selector: Readonly<Record<string, unknown>>): PodTemplate[] {
    const entries = Object.entries(selector);
    if (entries.length === 0) return [...this.inNamespace(namespace)];
    let smallest: readonly PodTemplate[] | undefined;
    for (const [k, v] of entries) {
      const list = this.byLabel.get(labelKey(namespace, k, String(v))) ?? [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    return (smallest ?? []).filter((pod) => entries.every(([k, v]) => pod.labels[k] === String(v)));
  }

  /**
   * The pod templates of every namespace whose labels hold every label of `selector` (an empty
   * selector selects every pod), for selectors that reach the whole mesh (a policy in the root
   * namespace).
   */
  public selectAll(selector: Readonly<Record<string, unknown>>): PodTemplate[] {
    const entries = Object.entries(selector);
    if (entries.length === 0) return [...this.all];
    let smallest: readonly PodTemplate[] | undefined;
    for (const [k, v] of entries) {
      const list = this.byLabelAll.get(labelKey('', k, String(v))) ?? [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    return (smallest ?? []).filter((pod) => entries.every(([k, v]) => pod.labels[k] === String(v)));
  }

  /** Whether any pod template in `namespace` carries `key` (with any value). */
  public hasLabelKey(namespace: string, key: string): boolean {
    return this.inNamespace(namespace).some((p) => key in p.labels);
  }
}

/**
 * Whether a workload is managed by another object (`metadata.ownerReferences`): the Pods of a
 * ReplicaSet, the ReplicaSets of a Deployment, as read from a cluster. Checks about a workload's
 * pod template report it on the controller the user wrote, not on every object it owns.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/owners-dependents/
 */
export function isOwned(pod: PodTemplate): boolean {
  const refs = pod.owner.manifest.metadata?.ownerReferences;
  return Array.isArray(refs) && refs.length > 0;
}

function labelKey(namespace: string, key: string, value: string): string {
  return `${namespace}\0${key}\0${value}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(value))) {
    if (v !== null && v !== undefined && typeof v !== 'object') out[k] = String(v);
  }
  return out;
}
