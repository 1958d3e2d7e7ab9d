import { asArray } from '../../manifest/read';
import { toFqdn } from '../../model/hosts';
import { listOrNone } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { egressHostsOf, egressImports } from './private/egress';

/**
 * CI1071: a Sidecar egress host names a host that no Service, ServiceEntry or VirtualService of
 * its namespace part has (warning).
 *
 * An egress host `namespace/dnsName` imports the services and VirtualServices of that namespace
 * (`*`: of any namespace) whose host matches `dnsName`, as Istio writes them: fully qualified
 * (`reviews.shop.svc.cluster.local`; a short name is rejected, CI0511). An entry that imports
 * nothing leaves the workloads without the destination it meant to allow (Kiali
 * KIA1004). Entries with a wildcard DNS name (`./*`, `*.example.com`) and `~/...` are not
 * checked, nor are namespaces the input does not define (no object in them) and hosts or
 * namespaces declared external.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
 */
export const SidecarEgressHostNotFound = defineCheck({
  code: 'CI1071',
  name: 'SidecarEgressHostNotFound',
  severity: Severity.WARNING,
  counterpart: 'KIA1004',
  catches: 'a Sidecar egress host matches no Service, ServiceEntry or VirtualService of its namespace',
  scope: 'mesh',
  evaluate({ model, report }) {
    if (model.sidecars.length === 0) return;
    // VirtualService hosts (FQDN) -> the namespaces of the VirtualServices that claim them
    const vsHosts = new Map<string, Set<string>>();
    const objectNamespaces = new Set(model.objects.map((o) => o.namespace));
    for (const vs of model.virtualServices) {
      for (const h of asArray(vs.manifest.spec?.hosts)) {
        if (typeof h !== 'string') continue;
        const fqdn = toFqdn(h, vs.namespace);
        if (!vsHosts.has(fqdn)) vsHosts.set(fqdn, new Set());
        vsHosts.get(fqdn)!.add(vs.namespace);
      }
    }
    for (const sidecar of model.sidecars) {
      for (const entry of egressHostsOf(sidecar)) {
        // an entry without namespace, or with a short name, is rejected by Istio (CI0511)
        if (!entry.written.includes('/') || !entry.host.includes('.') || entry.host.includes('*') || entry.namespace === '~') continue;
        if (entry.namespace !== '*' && (!objectNamespaces.has(entry.namespace) || model.isExternalNamespace(entry.namespace))) continue;
        const found = model.hostEntries(entry.host, sidecar.namespace).some((e) => egressImports(entry, e.object.namespace, entry.host))
          || [...vsHosts.get(entry.host) ?? []].some((ns) => entry.namespace === '*' || entry.namespace === ns)
          || model.externalHost(entry.host) !== undefined;
        if (found) continue;
        const where = entry.namespace === '*' ? 'any namespace' : `namespace '${entry.namespace}'`;
        const services = entry.namespace === '*' ? [] : model.servicesIn(entry.namespace);
        const there = services.slice(0, 10).map((s) => `${s.name}.${s.namespace}.svc.cluster.local`).concat(services.length > 10 ? ['...'] : []);
        report(sidecar, {
          field: entry.field,
          value: entry.written,
          message: `egress host '${entry.written}' imports nothing: no Service, ServiceEntry or VirtualService of ${where} has host '${entry.host}'${entry.namespace === '*' ? '' : `; Services there: ${listOrNone(there)}`}`,
          fix: 'name a host of that namespace fully qualified (<namespace>/<name>.<namespace>.svc.cluster.local, or a ServiceEntry host), or add the Service or ServiceEntry it means',
        });
      }
    }
  },
});
