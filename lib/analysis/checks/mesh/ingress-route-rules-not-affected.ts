import { toFqdn } from '../../model/hosts';
import { asArray, destinationsOf, gatewaysOf, listOrNone, MeshModel, ModelObject, qualifiedName, selects } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** A VirtualService for the sidecars that routes its own host by subsets. */
interface SubsetRouting {
  readonly vs: ModelObject;
  readonly subsets: string[];
}

/**
 * Whether routing `fqdn` by these subsets changes nothing: the host is a Service whose pods are
 * in the app, and each subset (as the rules applied in `namespace` define it) selects every pod.
 */
function selectsEveryPod(model: MeshModel, fqdn: string, namespace: string, subsets: readonly string[]): boolean {
  const service = model.resolveHost(fqdn, namespace).service;
  if (!service) return false;
  const pods = model.podsOf(service);
  const applied = model.destinationRulesApplied(fqdn, namespace, service.namespace);
  if (pods.length === 0 || !applied) return false;
  const definitions = applied.rules.flatMap((dr) => asArray(dr.manifest.spec?.subsets));
  return subsets.every((name) => {
    const labels = definitions.find((d: any) => d?.name === name)?.labels;
    return labels !== undefined && pods.every((p) => selects(labels ?? {}, p.labels));
  });
}

/** For every host, the sidecar VirtualServices that route that host (their own) by subsets that tell pods apart. */
function subsetRoutingByHost(model: MeshModel, virtualServices: readonly ModelObject[]): Map<string, SubsetRouting[]> {
  const out = new Map<string, SubsetRouting[]>();
  for (const vs of virtualServices) {
    if (!gatewaysOf(vs).some((g) => g.key === 'mesh')) continue;
    const own = new Set(asArray(vs.manifest.spec?.hosts).filter((h): h is string => typeof h === 'string').map((h) => toFqdn(h, vs.namespace)));
    const byHost = new Map<string, Set<string>>();
    for (const d of destinationsOf(vs)) {
      if (d.route !== 'http' || d.mirror || typeof d.destination.host !== 'string' || typeof d.destination.subset !== 'string' || d.destination.subset === '') continue;
      const fqdn = toFqdn(d.destination.host, vs.namespace);
      if (own.has(fqdn)) byHost.set(fqdn, (byHost.get(fqdn) ?? new Set()).add(d.destination.subset));
    }
    for (const [fqdn, subsets] of byHost) {
      // one version only (every subset selects every pod): the gateway reaches the same pods
      if (selectsEveryPod(model, fqdn, vs.namespace, [...subsets])) continue;
      out.set(fqdn, [...out.get(fqdn) ?? [], { vs, subsets: [...subsets].sort() }]);
    }
  }
  return out;
}

/**
 * CI1018: a VirtualService on a gateway routes to a host without a subset, while a VirtualService
 * for the sidecars routes that host by subsets (warning, as istioctl IST0140).
 *
 * A gateway applies only the routes of the VirtualServices bound to it; the sidecar
 * VirtualService of the destination host does not apply to requests the gateway forwards, so
 * they reach every version of the service instead of the subsets the sidecar rules choose (for
 * example a canary that only internal traffic should see). Only HTTP routes are checked, and only
 * VirtualServices bound to a gateway other than `mesh`. Unlike istioctl, a host whose pods are in
 * the app and all selected by each routed subset (one version deployed) is not reported: the
 * gateway reaches the same pods either way.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0140/
 */
export const IngressRouteRulesNotAffected = defineCheck({
  code: 'CI1018',
  name: 'IngressRouteRulesNotAffected',
  severity: Severity.WARNING,
  counterpart: 'IST0140 IngressRouteRulesNotAffected',
  catches: 'a gateway VirtualService routes to a host without subset while a sidecar VirtualService routes that host by subsets, which the gateway does not apply',
  scope: 'mesh',
  evaluate({ model, report }) {
    const routing = subsetRoutingByHost(model, model.virtualServices);
    if (routing.size === 0) return;
    for (const vs of model.virtualServices) {
      const gateways = gatewaysOf(vs).filter((g) => g.key !== 'mesh').map((g) => g.key);
      if (gateways.length === 0) continue;
      for (const { field, destination, route, mirror } of destinationsOf(vs)) {
        if (route !== 'http' || mirror || typeof destination.host !== 'string' || destination.host === '') continue;
        if (typeof destination.subset === 'string' && destination.subset !== '') continue;
        const rules = routing.get(toFqdn(destination.host, vs.namespace));
        if (!rules) continue;
        const names = rules.map((r) => `${qualifiedName(r.vs)} (subsets ${r.subsets.join(', ')})`).join(', ');
        report(vs, {
          field: `${field}.host`, value: destination.host,
          message: `requests from gateway ${listOrNone(gateways.map((g) => `'${g}'`))} to '${destination.host}' go to every version of it: the subset routing of VirtualService ${names} applies to sidecars only, not to traffic this gateway forwards`,
          fix: `choose the subset in this route (destination.subset, with weights for a split), as VirtualService ${qualifiedName(rules[0].vs)} does for the sidecars`,
        });
      }
    }
  },
});
