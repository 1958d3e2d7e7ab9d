import { asArray, gatewaysOf, ModelObject, qualifiedName } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1007: two VirtualServices claim the same host for the same gateway (`mesh` included).
 *
 * For the sidecars (`mesh`) Istio keeps only one of them: an error (istioctl IST0109). On a real
 * gateway it merges their routes, in an order that depends on creation time, so a route of one
 * can shadow a route of the other: a warning (Kiali KIA1106); splitting on purpose is fine when
 * the routes do not overlap (suppress it with the reason). Short hosts are expanded in each
 * VirtualService's namespace, so `reviews` in two namespaces does not clash.
 *
 * @see https://istio.io/latest/docs/ops/best-practices/traffic-management/#split-virtual-services
 */
export const ConflictingVirtualServices = defineCheck({
  code: 'CI1007',
  name: 'ConflictingVirtualServices',
  severity: Severity.ERROR,
  counterpart: 'IST0109 ConflictingMeshGatewayVirtualServiceHosts / KIA1106',
  catches: 'two VirtualServices claim the same host for the same gateway',
  scope: 'mesh',
  evaluate({ model, report }) {
    const claims = new Map<string, { vs: ModelObject; field: string; host: string; gateway: string }[]>();
    for (const vs of model.virtualServices) {
      const gateways = gatewaysOf(vs);
      asArray<string>(vs.manifest.spec?.hosts).forEach((host, i) => {
        if (typeof host !== 'string') return;
        const fqdn = model.resolveHost(host, vs.namespace).fqdn;
        for (const g of gateways) {
          const key = `${g.key} ${fqdn}`;
          const list = claims.get(key) ?? [];
          if (!list.some((c) => c.vs === vs)) list.push({ vs, field: `spec.hosts[${i}]`, host, gateway: g.key });
          claims.set(key, list);
        }
      });
    }
    for (const list of claims.values()) {
      if (list.length < 2) continue;
      for (const claim of list) {
        const others = list.filter((c) => c !== claim).map((c) => qualifiedName(c.vs));
        const mesh = claim.gateway === 'mesh';
        report(claim.vs, { field: claim.field, value: claim.host, message: mesh
            ? `host '${claim.host}' for the sidecars (mesh) is also claimed by VirtualService ${others.join(', ')}; Istio uses only one of them`
            : `host '${claim.host}' on gateway '${claim.gateway}' is also claimed by VirtualService ${others.join(', ')}; Istio merges their routes in creation order`, fix: 'merge the routes into one VirtualService per host and gateway, or use delegate VirtualServices', severity: mesh ? Severity.ERROR : Severity.WARNING });
      }
    }
  },
});
