import { ManifestObject } from '../../manifest-object';
import { formatLabels, MeshMode, MeshModel, PodTemplate, ROOT_NAMESPACE } from '../../model/mesh-model';
import { hasTargetRefs, selectorText, workloadSelectorOf } from '../../model/selectors';
import { labelKeyProblem, labelValueProblem } from '../../values/validate';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** The kinds whose workload selector is checked, and how istioctl rates a selector that selects nothing. */
const KINDS: Readonly<Record<string, Severity>> = {
  'Sidecar.networking.istio.io': Severity.ERROR,
  'AuthorizationPolicy.security.istio.io': Severity.WARNING,
  'PeerAuthentication.security.istio.io': Severity.WARNING,
  'RequestAuthentication.security.istio.io': Severity.WARNING,
};

/**
 * CI1067: the workload selector of a Sidecar, AuthorizationPolicy, PeerAuthentication or
 * RequestAuthentication selects no workload of the input, so the object has no effect: an error
 * for a Sidecar (istioctl IST0101), a warning for the policies (IST0127 NoMatchingWorkloadsFound,
 * Kiali KIA0004).
 *
 * A selector selects the pods (of every workload kind) of the object's namespace that carry all
 * its labels; in the root namespace (`istio-system`), an AuthorizationPolicy's or
 * RequestAuthentication's selector selects pods of every namespace, and a PeerAuthentication's is
 * ignored by Istio. Policies count only workloads in the mesh (a sidecar or ambient; unknown
 * namespaces count), as istioctl; a Sidecar counts every pod. As istioctl, an
 * AuthorizationPolicy without selector in a namespace with no workload in the mesh is reported
 * too. Policies with `targetRef(s)` (for Gateways and waypoints), selectors with a label Istio
 * rejects (CI0024) and namespaces declared external are not checked. A Gateway's selector is checked with the gateways.
 *
 * @see https://istio.io/latest/docs/reference/config/type/workload-selector/
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0127/
 */
export const SelectorMatchesNoWorkload = defineCheck({
  code: 'CI1067',
  name: 'SelectorMatchesNoWorkload',
  severity: Severity.WARNING,
  counterpart: 'IST0101 ReferencedResourceNotFound (Sidecar) / IST0127 NoMatchingWorkloadsFound / KIA0004',
  catches: 'the workload selector of a Sidecar, AuthorizationPolicy, PeerAuthentication or RequestAuthentication selects no workload',
  scope: 'mesh',
  evaluate({ model, report }) {
    // namespaces with a workload in the mesh, computed once per namespace asked about
    const meshed = new Map<string, boolean>();
    const hasMeshedWorkload = (ns: string) => {
      if (!meshed.has(ns)) meshed.set(ns, model.pods.inNamespace(ns).some((p) => inMesh(model, p)));
      return meshed.get(ns)!;
    };
    for (const [groupKind, severity] of Object.entries(KINDS)) {
      for (const policy of model.ofKind(groupKind)) {
        const selector = workloadSelectorOf(policy);
        if (!selector || hasTargetRefs(policy) || model.isExternalNamespace(policy.namespace)) continue;
        // a label Istio rejects (a wildcard, say) is CI0024's: the object never applies
        if (Object.entries(selector.labels).some(([k, v]) => labelKeyProblem(k) || labelValueProblem(v))) continue;
        const empty = Object.keys(selector.labels).length === 0;
        const isSidecar = policy.kind === 'Sidecar';
        const counts = (p: PodTemplate) => isSidecar || inMesh(model, p);
        if (empty) {
          // as istioctl: a namespace-wide AuthorizationPolicy over a namespace without workloads
          if (policy.kind !== 'AuthorizationPolicy' || policy.namespace === ROOT_NAMESPACE) continue;
          if (hasMeshedWorkload(policy.namespace)) continue;
          report(policy, {
            field: 'spec',
            value: undefined,
            severity,
            message: `AuthorizationPolicy '${policy.qualifiedName}' applies to every workload of namespace '${policy.namespace}', which has none in the mesh`,
            fix: `deploy the workloads this policy protects in namespace '${policy.namespace}' (with sidecar injection or ambient), or remove the policy`,
          });
          continue;
        }
        if (policy.kind === 'PeerAuthentication' && policy.namespace === ROOT_NAMESPACE) {
          report(policy, {
            field: selector.field,
            value: selector.labels,
            severity,
            message: `PeerAuthentication '${policy.qualifiedName}' has a selector in the root namespace '${ROOT_NAMESPACE}', where Istio ignores workload-level policies: it applies to no workload`,
            fix: 'move the PeerAuthentication to the namespace of the workloads it selects, or remove the selector to make it the mesh-wide policy',
          });
          continue;
        }
        if (model.selectedWorkloads(policy).some(counts)) continue;
        report(policy, {
          field: selector.field,
          value: selector.labels,
          severity,
          message: `${policy.kind} '${policy.qualifiedName}' selector ${selectorText(selector.labels)} selects no workload${isSidecar ? '' : ' in the mesh'} ${scopeOf(policy)}; ${nearby(model, policy, isSidecar ? () => true : (p) => inMesh(model, p))}`,
          fix: 'use the labels of the pod template of the workloads it is meant for (podMetadata labels), or add those workloads',
        });
      }
    }
  },
});

/** Where a selector looks for workloads, for messages. */
function scopeOf(policy: ManifestObject): string {
  const meshWide = policy.namespace === ROOT_NAMESPACE && policy.kind !== 'Sidecar';
  return meshWide ? 'in any namespace' : `in namespace '${policy.namespace}'`;
}

/** The workloads the selector could have meant, for messages (the first five, and whether there are more). */
function nearby(model: MeshModel, policy: ManifestObject, counts: (p: PodTemplate) => boolean): string {
  const all = policy.namespace === ROOT_NAMESPACE && policy.kind !== 'Sidecar' ? model.podTemplates : model.pods.inNamespace(policy.namespace);
  const pods: PodTemplate[] = [];
  for (const p of all) {
    if (!counts(p)) continue;
    pods.push(p);
    if (pods.length > 5) break;
  }
  if (pods.length === 0) return 'there are none';
  const shown = pods.slice(0, 5).map((p) => `${p.owner.kind} ${p.owner.name} ${formatLabels(p.labels)}`);
  return `workloads: ${shown.join(', ')}${pods.length > 5 ? ' and more' : ''}`;
}

/** Whether a workload is in the mesh (sidecar or ambient), or its namespace is unknown. */
function inMesh(model: MeshModel, pod: PodTemplate): boolean {
  const mode = model.podMeshMode(pod);
  return mode === undefined || mode !== MeshMode.NONE;
}
