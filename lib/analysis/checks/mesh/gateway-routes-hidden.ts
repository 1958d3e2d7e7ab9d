import { asArray, asRecord, isRecord } from '../../manifest/read';
import { hostsMatch, hostSubsetOf, isWildcard, toFqdn } from '../../model/hosts';
import { gatewaysOf, MeshModel, ModelObject, qualifiedName } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { isCatchAll } from './unreachable-route';

/** One host a VirtualService claims on one gateway, with the gateway ports that admit it. */
interface Claim {
  readonly vs: ModelObject;
  readonly index: number;
  readonly host: string;
  readonly fqdn: string;
  readonly ports: ReadonlySet<number>;
}

/** The ports of the gateway's servers that admit `host` for a VirtualService of `namespace`. */
function admittingPorts(model: MeshModel, gateway: ModelObject, namespace: string, host: string): Set<number> {
  const fqdn = toFqdn(host, namespace);
  const servers = asArray(gateway.manifest.spec?.servers);
  const out = new Set<number>();
  for (const h of model.admittedHosts(gateway, namespace)) {
    if (!hostsMatch(h.host, host) && !hostsMatch(h.host, fqdn)) continue;
    const port = Number(asRecord(asRecord(servers[h.server]).port).number);
    if (Number.isFinite(port)) out.add(port);
  }
  return out;
}

/** A uri match of `match` when it restricts nothing else (`name` and `ignoreUriCase` aside). */
function uriOnly(match: unknown): Record<string, unknown> | undefined {
  if (!isRecord(match)) return undefined;
  const conditions = Object.keys(match).filter((k) => !['name', 'ignoreUriCase', 'statPrefix'].includes(k) && match[k] !== undefined);
  return conditions.length === 1 && conditions[0] === 'uri' && isRecord(match.uri) ? match.uri : undefined;
}

/** Whether some route of `routes` matches every request that `match` matches (only uri prefixes are compared). */
function handled(routes: readonly unknown[], match: unknown): boolean {
  const uri = isRecord(match) && isRecord(match.uri) ? match.uri : undefined;
  const path = typeof uri?.prefix === 'string' ? uri.prefix : typeof uri?.exact === 'string' ? uri.exact : undefined;
  if (path === undefined) return false;
  return routes.some((r) => isRecord(r) && asArray(r.match).some((m) => {
    const covering = uriOnly(m);
    return covering !== undefined && ((typeof covering.prefix === 'string' && path.startsWith(covering.prefix)) || covering.regex === '.*');
  }));
}

/** A request of `match` for `host`, for messages: `shop.example.com/legacy`, or a description. */
function example(host: string, match: unknown): string {
  const uri = isRecord(match) && isRecord(match.uri) ? match.uri : undefined;
  if (typeof uri?.prefix === 'string') return `${host}${uri.prefix}`;
  if (typeof uri?.exact === 'string') return `${host}${uri.exact}`;
  return `${host} requests matching ${JSON.stringify(match)}`;
}

/** The requests of `wildcard`'s HTTP routes that `specific`'s routes do not handle, as examples, with the hidden routes. */
function hiddenRequests(wildcard: ModelObject, specific: ModelObject, host: string): { examples: string[]; routes: number[] } {
  const own = asArray(specific.manifest.spec?.http);
  const examples: string[] = [];
  const routes: number[] = [];
  if (own.some((r) => isRecord(r) && isCatchAll(r))) return { examples, routes };
  asArray(wildcard.manifest.spec?.http).forEach((route: unknown, j: number) => {
    if (!isRecord(route)) return;
    const matches = asArray(route.match);
    const open = matches.length === 0 ? [`${host} (any path ${qualifiedName(specific)} does not route)`]
      : matches.filter((m) => !handled(own, m)).map((m) => example(host, m));
    if (open.length === 0) return;
    routes.push(j);
    examples.push(...open);
  });
  return { examples: [...new Set(examples)], routes };
}

/**
 * CI1023: on a gateway, a VirtualService for a wildcard host (`*`, `*.example.com`) has routes
 * that never apply to a host another VirtualService of the same gateway claims more specifically
 * (warning).
 *
 * A gateway builds one virtual host per VirtualService host, and Envoy picks the most specific
 * one for each request: `shop.example.com` wins over `*`, so requests for `shop.example.com` see
 * only the routes of the VirtualService that claims it. A request that only the wildcard
 * VirtualService routes (`shop.example.com/legacy` to `legacy-routes` for `*`) gets a 404 in
 * production. Reported on the wildcard VirtualService, with example requests, when both hosts are
 * admitted on a common port of the gateway and the specific VirtualService has no catch-all route;
 * only uri prefixes and exact paths are compared (a route of the specific VirtualService with
 * other conditions is not taken to cover anything). Istio accepts it; no istioctl or Kiali
 * counterpart. The same for the sidecars is CI1007's.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 * @see https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/route/v3/route_components.proto#config-route-v3-virtualhost
 */
export const GatewayRoutesHidden = defineCheck({
  code: 'CI1023',
  name: 'GatewayRoutesHidden',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'on a gateway, a wildcard-host VirtualService has routes that a more specific host of another VirtualService hides (404s for that host)',
  scope: 'mesh',
  evaluate({ model, report }) {
    const byGateway = new Map<string, { gateway: ModelObject; claims: Claim[] }>();
    for (const vs of model.virtualServices) {
      for (const ref of gatewaysOf(vs)) {
        if (ref.key === 'mesh') continue;
        const gateway = model.gateway(ref.namespace!, ref.name);
        if (!gateway) continue;
        const entry = byGateway.get(ref.key) ?? { gateway, claims: [] };
        asArray(vs.manifest.spec?.hosts).forEach((host: unknown, index: number) => {
          if (typeof host !== 'string' || host === '') return;
          const ports = admittingPorts(model, gateway, vs.namespace, host);
          if (ports.size > 0) entry.claims.push({ vs, index, host, fqdn: toFqdn(host, vs.namespace), ports });
        });
        byGateway.set(ref.key, entry);
      }
    }
    for (const [key, { claims }] of byGateway) {
      const wildcards = new Map<string, Claim[]>();
      for (const c of claims) if (isWildcard(c.fqdn)) wildcards.set(c.fqdn.slice(1), [...wildcards.get(c.fqdn.slice(1)) ?? [], c]);
      if (wildcards.size === 0) continue;
      for (const specific of claims) {
        const name = isWildcard(specific.fqdn) ? specific.fqdn.slice(1) : specific.fqdn;
        const suffixes = [''];
        for (let i = name.indexOf('.'); i >= 0; i = name.indexOf('.', i + 1)) suffixes.push(name.slice(i));
        for (const suffix of suffixes) {
          for (const wildcard of wildcards.get(suffix) ?? []) {
            if (wildcard.vs === specific.vs || wildcard.fqdn === specific.fqdn || !hostSubsetOf(specific.fqdn, wildcard.fqdn)) continue;
            if (![...wildcard.ports].some((p) => specific.ports.has(p))) continue;
            const { examples, routes } = hiddenRequests(wildcard.vs, specific.vs, specific.host);
            if (routes.length === 0) continue;
            const shown = examples.slice(0, 3).join(', ') + (examples.length > 3 ? `, and ${examples.length - 3} more` : '');
            report(wildcard.vs, {
              field: `spec.hosts[${wildcard.index}]`, value: wildcard.host,
              message: `on gateway '${key}', requests for '${specific.host}' never reach this VirtualService: VirtualService ${qualifiedName(specific.vs)} claims that host, so the gateway routes it by that VirtualService's routes only, and none matches ${shown} (route${routes.length > 1 ? 's' : ''} ${routes.map((j) => `http[${j}]`).join(', ')} here); such requests get a 404`,
              fix: `add the routes for '${specific.host}' to VirtualService ${qualifiedName(specific.vs)} (or a catch-all route that forwards the rest), or serve '${specific.host}' from this VirtualService only`,
            });
          }
        }
      }
    }
  },
});
