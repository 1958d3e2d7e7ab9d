import { asRecord } from '../../manifest/read';
import { ManifestObject } from '../../manifest-object';
import { DATAPLANE_MODE_LABEL, IGNORED_NAMESPACES, INJECTION_LABEL, REVISION_LABEL } from '../../model/injection';
import { destinationsOf, ROOT_NAMESPACE } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1013: a Namespace of the input says nothing about the mesh: no `istio-injection` label, no
 * `istio.io/rev` and no `istio.io/dataplane-mode=ambient` (warning: istioctl's level is Info, and
 * there is no info level here).
 *
 * Its pods get no sidecar, so routes, subsets, mTLS and server-side policies do not apply to them
 * (istioctl IST0102). Reported once, on the Namespace, naming the VirtualServices that route to
 * its Services. `istio-injection=disabled` (or any other value) says the namespace stays out on
 * purpose and is not reported, nor are `istio-system` and Kubernetes' system namespaces. A
 * namespace without Namespace object in the input (declared external, or not declared) is not
 * judged.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0102/
 * @see https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/
 */
export const NamespaceNotInjected = defineCheck({
  code: 'CI1013',
  name: 'NamespaceNotInjected',
  severity: Severity.WARNING,
  counterpart: 'IST0102 NamespaceNotInjected',
  catches: 'a Namespace has no istio-injection, istio.io/rev or ambient label (and is not disabled on purpose)',
  scope: 'mesh',
  evaluate({ model, report }) {
    const unlabelled = model.namespaces.filter((ns) => !IGNORED_NAMESPACES.has(ns.name) && ns.name !== ROOT_NAMESPACE && !saysAnything(ns));
    if (unlabelled.length === 0) return;
    // the VirtualServices routing into each of them, for the message
    const wanted = new Set(unlabelled.map((ns) => ns.name));
    const routedBy = new Map<string, Set<string>>();
    for (const vs of model.virtualServices) {
      for (const { destination } of destinationsOf(vs)) {
        if (typeof destination?.host !== 'string') continue;
        const service = model.resolveHost(destination.host, vs.namespace).service;
        if (!service || !wanted.has(service.namespace)) continue;
        if (!routedBy.has(service.namespace)) routedBy.set(service.namespace, new Set());
        routedBy.get(service.namespace)!.add(`'${vs.qualifiedName}' (to Service '${service.qualifiedName}')`);
      }
    }
    for (const ns of unlabelled) {
      const routes = [...routedBy.get(ns.name) ?? []];
      const context = routes.length > 0 ? `; VirtualService ${routes.join(', ')} route${routes.length === 1 ? 's' : ''} to pods without a sidecar` : '';
      report(ns, {
        field: 'metadata.labels',
        value: undefined,
        message: `namespace '${ns.name}' is not enabled for Istio: no ${INJECTION_LABEL}, ${REVISION_LABEL} or ${DATAPLANE_MODE_LABEL}=ambient label, so its pods get no sidecar${context}`,
        fix: `label Namespace '${ns.name}' with ${INJECTION_LABEL}: enabled (or ${REVISION_LABEL}: <revision>, or ${DATAPLANE_MODE_LABEL}: ambient), or with ${INJECTION_LABEL}: disabled to keep it out of the mesh on purpose`,
      });
    }
  },
});

/** Whether a Namespace's labels say how it takes part in the mesh (istioctl: an injection label, a revision, or ambient). */
function saysAnything(ns: ManifestObject): boolean {
  const labels = asRecord(ns.manifest.metadata?.labels);
  const injection = labels[INJECTION_LABEL];
  return (injection !== undefined && injection !== null && injection !== '') || REVISION_LABEL in labels || labels[DATAPLANE_MODE_LABEL] === 'ambient';
}
