import { asArray } from '../../manifest/read';
import { isWildcard, toFqdn } from '../../model/hosts';
import { gatewaysOf, MeshModel } from '../../model/mesh-model';
import { exportScope, isVisible } from '../../model/visibility';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { egressHostsOf, egressImports } from './private/egress';
import { isNamespaceDefault } from './private/sidecars';

/**
 * CI1072: a Sidecar's egress imports none of the hosts of a VirtualService that its own
 * namespace writes for the sidecars, so the workloads it configures bypass those routes
 * (warning).
 *
 * A workload's proxy only knows the services and VirtualServices its Sidecar's egress hosts
 * import (a VirtualService's destinations come along with it). A VirtualService of the
 * Sidecar's namespace, bound to the sidecars (`mesh`, or no gateways) and visible there, routes
 * that namespace's calls; when no egress host matches any of its hosts, calls from the workloads
 * under the Sidecar skip its routes (subsets, retries, faults), or fail under `REGISTRY_ONLY`.
 * Sidecars without `egress` import everything and are not checked.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
 */
export const SidecarEgressHidesRoutes = defineCheck({
  code: 'CI1072',
  name: 'SidecarEgressHidesRoutes',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'a Sidecar\'s egress hosts import no host of a VirtualService of its namespace, so its workloads bypass those routes (no istioctl/Kiali counterpart)',
  scope: 'mesh',
  evaluate({ model, report }) {
    const routesByNamespace = new Map<string, NamespaceRoutes>();
    for (const sidecar of model.sidecars) {
      const egress = egressHostsOf(sidecar);
      if (asArray(sidecar.manifest.spec?.egress).length === 0 || egress.length === 0) continue;
      const ns = sidecar.namespace;
      if (!routesByNamespace.has(ns)) routesByNamespace.set(ns, namespaceRoutes(model, ns));
      const routes = routesByNamespace.get(ns)!;
      // the egress entries that can import this namespace's VirtualServices
      const relevant = egress.filter((e) => e.namespace === '*' || e.namespace === ns);
      if (routes.all.length === 0 || relevant.some((e) => e.host === '*')) continue;
      const imported = new Set<Route>();
      for (const e of relevant) {
        for (const r of isWildcard(e.host) ? routes.bySuffix.get(e.host.slice(1)) ?? [] : routes.byHost.get(e.host) ?? []) imported.add(r);
        for (const r of routes.wildcard) if (r.hosts.some((h) => egressImports(e, ns, h))) imported.add(r);
      }
      if (imported.size === routes.all.length) continue;
      // one finding per Sidecar, naming what it hides
      const hidden: Route[] = [];
      for (const r of routes.all) {
        if (imported.has(r)) continue;
        hidden.push(r);
        if (hidden.length > 5) break;
      }
      const count = routes.all.length - imported.size;
      const workloads = isNamespaceDefault(sidecar) ? `the workloads of namespace '${ns}'`
        : `the workloads it selects (${model.selectedWorkloads(sidecar).map((p) => `${p.owner.kind} ${p.owner.name}`).join(', ') || 'none in the input'})`;
      const shown = hidden.slice(0, 5).map((r) => `'${r.name}' (${r.hosts.join(', ')})`).join(', ') + (count > 5 ? ` and ${count - 5} more` : '');
      report(sidecar, {
        field: 'spec.egress',
        value: hidden.slice(0, 5).flatMap((r) => r.hosts),
        message: `egress of Sidecar '${sidecar.qualifiedName}' (${egress.map((e) => e.written).join(', ')}) imports no host of VirtualService ${shown}: calls from ${workloads} to ${count === 1 ? 'it bypass its' : 'them bypass their'} routes`,
        fix: `add the hosts to spec.egress[].hosts, e.g. ./${hidden[0].hosts[0]} (or ./* for the whole namespace)`,
      });
    }
  },
});

/** A VirtualService for the sidecars: its name and fully qualified hosts. */
interface Route {
  readonly name: string;
  readonly hosts: readonly string[];
}

/** The VirtualServices a namespace writes for its sidecars, indexed by host and by host suffix. */
interface NamespaceRoutes {
  readonly all: readonly Route[];
  readonly byHost: Map<string, Route[]>;
  readonly bySuffix: Map<string, Route[]>;
  /** Those with a wildcard host, matched one by one. */
  readonly wildcard: readonly Route[];
}

function namespaceRoutes(model: MeshModel, namespace: string): NamespaceRoutes {
  const out: NamespaceRoutes = { all: [], byHost: new Map(), bySuffix: new Map(), wildcard: [] };
  for (const vs of model.policiesIn('VirtualService.networking.istio.io', namespace)) {
    if (!gatewaysOf(vs).some((g) => g.key === 'mesh') || !isVisible(exportScope(vs), namespace)) continue;
    const hosts = asArray(vs.manifest.spec?.hosts).filter((h): h is string => typeof h === 'string' && h !== '').map((h) => toFqdn(h, namespace));
    if (hosts.length === 0) continue;
    const route: Route = { name: vs.qualifiedName, hosts };
    (out.all as Route[]).push(route);
    if (hosts.some(isWildcard)) (out.wildcard as Route[]).push(route);
    for (const h of hosts.filter((x) => !isWildcard(x))) {
      add(out.byHost, h, route);
      for (let i = h.indexOf('.'); i >= 0; i = h.indexOf('.', i + 1)) add(out.bySuffix, h.slice(i), route);
    }
  }
  return out;
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
