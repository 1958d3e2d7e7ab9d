import { asArray, gatewaysOf, hostsIntersect, listOrNone, ModelObject } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * The hosts of a Gateway's servers that a VirtualService in `vsNamespace` may bind to.
 *
 * A server host is `[namespace/]dnsName`: `*` or no namespace part admits every namespace, `.`
 * only the Gateway's own namespace, `~` none, and a name only that namespace.
 */
function visibleHosts(gateway: ModelObject, vsNamespace: string): { visible: string[]; all: string[] } {
  const visible: string[] = [];
  const all: string[] = [];
  for (const server of asArray(gateway.manifest.spec?.servers)) {
    for (const written of asArray<string>((server as any)?.hosts)) {
      if (typeof written !== 'string') continue;
      all.push(written);
      const slash = written.indexOf('/');
      const ns = slash >= 0 ? written.slice(0, slash) : '*';
      const host = slash >= 0 ? written.slice(slash + 1) : written;
      if (ns === '*' || ns === vsNamespace || (ns === '.' && gateway.namespace === vsNamespace)) visible.push(host);
    }
  }
  return { visible, all };
}

/**
 * CI1006: a VirtualService host is not served by any server of a Gateway it binds to.
 *
 * The gateway then has no virtual host for it and the routes are silently ignored there
 * (istioctl IST0132). Servers restricted to other namespaces (`other-ns/host`, `./host` of a
 * Gateway in another namespace) do not count.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export const GatewayHostNotServed = defineCheck({
  code: 'CI1006',
  name: 'GatewayHostNotServed',
  severity: Severity.ERROR,
  counterpart: 'IST0132 VirtualServiceHostNotFoundInGateway',
  catches: 'a VirtualService host is not served by any server of the Gateway it binds to',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const vs of model.virtualServices) {
      const hosts = asArray<string>(vs.manifest.spec?.hosts);
      for (const ref of gatewaysOf(vs)) {
        if (ref.key === 'mesh') continue;
        const gateway = model.gateway(ref.namespace!, ref.name);
        if (!gateway) continue; // CI1001
        const { visible, all } = visibleHosts(gateway, vs.namespace);
        hosts.forEach((host, i) => {
          if (typeof host !== 'string') return;
          const fqdn = host.includes('.') || host === '*' ? host : `${host}.${vs.namespace}.svc.cluster.local`;
          if (visible.some((g) => hostsIntersect(g, host) || hostsIntersect(g, fqdn))) return;
          report(vs, { field: `spec.hosts[${i}]`, value: host, message: `host '${host}' is not served by gateway '${ref.key}' for namespace '${vs.namespace}'; gateway hosts: ${listOrNone(all)}`, fix: `add '${host}' (or '${vs.namespace}/${host}') to a server of gateway '${ref.key}', or remove the host or the gateway from this VirtualService` });
        });
      }
    }
  },
});
