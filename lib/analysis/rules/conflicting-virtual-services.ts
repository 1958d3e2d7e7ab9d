import { asArray, gatewaysOf, ModelObject, qualifiedName } from '../mesh-model';
import { MeshRule } from './rule';

/**
 * CI1007: two VirtualServices claim the same host for the same gateway (`mesh` included).
 *
 * Istio keeps one of them for the sidecars (istioctl IST0109) and merges them in an undefined
 * order on gateways (Kiali KIA1106), so the routes that win depend on creation time. Short hosts
 * are expanded in each VirtualService's namespace, so `reviews` in two namespaces does not clash.
 *
 * @see https://istio.io/latest/docs/ops/best-practices/traffic-management/#split-virtual-services
 */
export const ConflictingVirtualServices: MeshRule = {
  code: 'CI1007',
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
        report(claim.vs, claim.field, claim.host,
          `host '${claim.host}' on gateway '${claim.gateway}' is also claimed by VirtualService ${others.join(', ')}`,
          'merge the routes into one VirtualService per host and gateway, or use delegate VirtualServices');
      }
    }
  },
};
