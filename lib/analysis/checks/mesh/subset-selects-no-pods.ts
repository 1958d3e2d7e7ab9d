import { asArray, asRecord, isRecord } from '../../manifest/read';
import { ManifestObject } from '../../manifest-object';
import { formatLabels, listOrNone, MeshModel, PodTemplate } from '../../model/mesh-model';
import { workloadSelectorOf } from '../../model/selectors';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** Node labels Istio copies onto every endpoint of the node's pods (pilot's `AugmentLabels`). */
const REGION = 'topology.kubernetes.io/region';
const ZONE = 'topology.kubernetes.io/zone';
const SUBZONE = 'topology.istio.io/subzone';
const HOSTNAME = 'kubernetes.io/hostname';
/** Labels Istio adds to endpoints from where they run, not from the pod template. */
const LOCALITY_LABELS = [REGION, ZONE, SUBZONE, HOSTNAME, 'topology.istio.io/cluster', 'topology.istio.io/network'];

/** An endpoint a subset could select: its labels, and the locality labels only a cluster knows. */
interface Candidate {
  /** For messages: `Deployment reviews-v1 {app=reviews, version=v1}`. */
  readonly label: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Locality labels whose value is decided where the pod runs (a node the input does not hold). */
  readonly unknown: ReadonlySet<string>;
}

/**
 * CI1009: a DestinationRule subset's labels select no endpoint of its host (error).
 *
 * A subset selects the endpoints of the host that also carry the subset labels; with none,
 * routes to the subset get no endpoints and fail with 503 UH (istioctl IST0173, Kiali KIA0203).
 * For a Service, its endpoints are the pods it selects (same namespace, every selector label;
 * every workload kind: Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob); for
 * a ServiceEntry, the pods and WorkloadEntries its `workloadSelector` selects, or its
 * `endpoints`. The check runs whether or not the input holds any pod: a Service of the input
 * whose pods are deployed elsewhere lives in a namespace to declare external.
 *
 * Like Istio, the node locality labels (`topology.kubernetes.io/region` and `zone`,
 * `topology.istio.io/subzone`, `kubernetes.io/hostname`, `topology.istio.io/cluster` and
 * `network`) are the node's, not the pod template's: they are read from the Node the pod runs on
 * when the input holds it (`spec.nodeName`), and are otherwise taken to be satisfiable where the
 * pods will run (an empty value never is: Istio only adds labels that have a value). Services
 * without selector (endpoints managed by hand), ServiceEntries with neither selector nor
 * endpoints, and namespaces declared external are not judged.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0173/
 */
export const SubsetSelectsNoPods = defineCheck({
  code: 'CI1009',
  name: 'SubsetSelectsNoPods',
  severity: Severity.ERROR,
  counterpart: 'IST0173 DestinationRuleSubsetNotSelectPods / KIA0203',
  catches: 'a DestinationRule subset selects no pod (or endpoint) of its host',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const dr of model.destinationRules) {
      const host = dr.manifest.spec?.host;
      if (typeof host !== 'string') continue;
      const subsets = asArray(dr.manifest.spec?.subsets).map((subset: any, i: number) => ({ subset, i, labels: stringLabels(subset?.labels) }))
        .filter((s) => Object.keys(s.labels).length > 0);
      if (subsets.length === 0) continue;
      const endpoints = endpointsOf(model, host, dr.namespace);
      if (!endpoints) continue;
      for (const { subset, i, labels } of subsets) {
        if (endpoints.candidates.some((c) => subsetSelects(labels, c))) continue;
        const locality = Object.keys(labels).filter((k) => LOCALITY_LABELS.includes(k));
        const note = locality.length > 0 ? ` (${locality.join(', ')} ${locality.length > 1 ? 'are' : 'is'} read from the pods' Node, and Istio never sets an empty value)` : '';
        report(dr, {
          field: `spec.subsets[${i}].labels`,
          value: labels,
          message: `subset '${subset?.name}' labels ${formatLabels(labels)} select no ${endpoints.what}; its ${endpoints.noun}: ${listOrNone(endpoints.candidates.map((c) => c.label))}${note}`,
          fix: `use labels that a workload behind the host has in its pod template (Subset.fromWorkload derives them), or add that workload; when the workloads are deployed elsewhere, declare namespace '${endpoints.namespace}' external (--external-namespace ${endpoints.namespace}, or external.namespaces)`,
        });
      }
    }
  },
});

/** The endpoints a DestinationRule host resolves to, or `undefined` when they cannot be judged. */
function endpointsOf(model: MeshModel, host: string, fromNamespace: string): { what: string; noun: string; namespace: string; candidates: Candidate[] } | undefined {
  const resolved = model.resolveHost(host, fromNamespace);
  const service = resolved.service;
  if (service) {
    if (Object.keys(asRecord(service.manifest.spec?.selector)).length === 0 || model.isExternalNamespace(service.namespace)) return undefined;
    return { what: `pod of Service '${service.qualifiedName}'`, noun: 'pods', namespace: service.namespace, candidates: model.podsOf(service).map((p) => podCandidate(model, p)) };
  }
  const entries = resolved.serviceEntries;
  if (entries.length === 0) return undefined;
  const candidates: Candidate[] = [];
  let judged = false;
  for (const se of entries) {
    if (model.isExternalNamespace(se.namespace)) return undefined;
    const selector = workloadSelectorOf(se)?.labels ?? {};
    if (Object.keys(selector).length > 0) {
      judged = true;
      candidates.push(...model.pods.select(se.namespace, selector).map((p) => podCandidate(model, p)));
      for (const we of model.policiesIn('WorkloadEntry.networking.istio.io', se.namespace)) {
        const labels = stringLabels(we.manifest.spec?.labels);
        if (Object.entries(selector).every(([k, v]) => labels[k] === v)) candidates.push({ label: `WorkloadEntry ${we.name} ${formatLabels(labels)}`, labels, unknown: new Set() });
      }
    } else if (asArray(se.manifest.spec?.endpoints).length > 0) {
      judged = true;
      asArray(se.manifest.spec?.endpoints).forEach((e: any, k: number) => {
        const labels = stringLabels(isRecord(e) ? e.labels : undefined);
        candidates.push({ label: `endpoint ${isRecord(e) && typeof e.address === 'string' ? e.address : k} ${formatLabels(labels)}`, labels, unknown: new Set() });
      });
    }
  }
  if (!judged) return undefined;
  const names = entries.map((se: ManifestObject) => `'${se.qualifiedName}'`).join(', ');
  return { what: `workload of ServiceEntry ${names}`, noun: 'workloads', namespace: entries[0].namespace, candidates };
}

/** A pod template as an endpoint: its labels with the locality labels of its Node, when known. */
function podCandidate(model: MeshModel, pod: PodTemplate): Candidate {
  const labels: Record<string, string> = { ...pod.labels };
  const unknown = new Set(LOCALITY_LABELS.filter((k) => !(k in pod.labels)));
  const nodeName = typeof pod.spec.nodeName === 'string' && pod.spec.nodeName !== '' ? pod.spec.nodeName : undefined;
  if (nodeName) {
    labels[HOSTNAME] = nodeName;
    unknown.delete(HOSTNAME);
    const node = model.node(nodeName);
    if (node) {
      // pilot builds region/zone/subzone from the node and drops empty parts; a subzone needs a zone
      const nodeLabels = stringLabels(node.manifest.metadata?.labels);
      for (const k of [REGION, ZONE, SUBZONE]) {
        unknown.delete(k);
        delete labels[k];
      }
      if (nodeLabels[REGION]) labels[REGION] = nodeLabels[REGION];
      if (nodeLabels[ZONE]) labels[ZONE] = nodeLabels[ZONE];
      if (nodeLabels[ZONE] && nodeLabels[SUBZONE]) labels[SUBZONE] = nodeLabels[SUBZONE];
    }
  }
  return { label: `${pod.owner.kind} ${pod.owner.name} ${formatLabels(pod.labels)}`, labels, unknown };
}

/** Whether every subset label is on the endpoint, or is a locality label the endpoint's node decides. */
function subsetSelects(subset: Readonly<Record<string, string>>, candidate: Candidate): boolean {
  return Object.entries(subset).every(([k, v]) => (k in candidate.labels ? candidate.labels[k] === v : candidate.unknown.has(k) && v !== ''));
}

function stringLabels(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(value))) if (v !== null && v !== undefined && typeof v !== 'object') out[k] = String(v);
  return out;
}
