import { destinationsOf, listOrNone } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1002: a route, mirror or mirrors destination host matches no Service or ServiceEntry in the app.
 *
 * A short host is read in the VirtualService's namespace (not the Service's); `name.ns`,
 * `name.ns.svc` and `name.ns.svc.cluster.local` name the Service `name` in `ns`; any other host
 * must be covered by a ServiceEntry host (wildcards included), or declared external
 * (`external.hosts`, or a Service host in one of `external.namespaces`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
 */
export const DestinationHostNotFound = defineCheck({
  code: 'CI1002',
  name: 'DestinationHostNotFound',
  severity: Severity.ERROR,
  counterpart: 'IST0101 ReferencedResourceNotFound / KIA1101',
  catches: 'a route or mirror destination host matches no Service or ServiceEntry in the app',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const vs of model.virtualServices) {
      for (const { field, destination } of destinationsOf(vs)) {
        const host = destination.host;
        if (typeof host !== 'string' || host.length === 0) continue; // CI0015 reports missing hosts
        const resolved = model.resolveHost(host, vs.namespace);
        if (resolved.service || resolved.serviceEntries.length > 0 || resolved.external) continue;
        const nearby = model.services.filter((s) => s.namespace === vs.namespace).map((s) => s.name).sort();
        report(vs, { field: `${field}.host`, value: host, message: `destination host '${host}' (${resolved.fqdn}) matches no Service or ServiceEntry in the app; services in namespace '${vs.namespace}': ${listOrNone(nearby)}`, fix: 'use the name of a Service in the app (short name in the same namespace, else <name>.<namespace>.svc.cluster.local) or add a ServiceEntry for the host' });
      }
    }
  },
});
