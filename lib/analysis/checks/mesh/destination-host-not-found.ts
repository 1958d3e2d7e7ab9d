import { serviceFqdn, toFqdn } from '../../model/hosts';
import { describeScope, exportScope } from '../../model/visibility';
import { destinationsOf, listOrNone, MeshModel, ModelObject } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1002: a route, mirror or mirrors destination host matches no Service or ServiceEntry in the app.
 *
 * As Istio reads hosts: a short host (no dot) is expanded in the VirtualService's namespace (not
 * the Service's); every other host is taken as written, so `name.ns` and `name.ns.svc` are not the
 * Service `name` of `ns` (only `name.ns.svc.cluster.local` is). The host must be a Service or
 * ServiceEntry host (wildcards included) exported to the VirtualService's namespace, or be
 * declared external (`external.hosts`, or a Service host in one of `external.namespaces`).
 *
 * A VirtualService with an `exportTo` list applies to the proxies of those namespaces (`.` is its
 * own), so the host must be visible in at least one of them, as istioctl reads it: a
 * VirtualService exported only to `bogus` that routes to a Service exported to its own namespace
 * routes nowhere. Without `exportTo` (or with `*`) its own namespace counts.
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
        const applies = appliesIn(vs);
        if (applies === undefined) {
          if (resolved.service || resolved.serviceEntries.length > 0 || resolved.external) continue;
          report(vs, { field: `${field}.host`, value: host, ...explain(model, host, resolved.fqdn, vs.namespace) });
          continue;
        }
        // short names expand in the VirtualService's namespace; visibility is that of the namespaces it applies in
        if (applies.length === 0 || applies.some((ns) => isFound(model, resolved.fqdn, ns))) continue;
        if (!resolved.service && resolved.serviceEntries.length === 0 && !resolved.external) {
          report(vs, { field: `${field}.host`, value: host, ...explain(model, host, resolved.fqdn, vs.namespace) });
          continue;
        }
        const owner = resolved.entries[0]?.object;
        report(vs, {
          field: `${field}.host`, value: host,
          message: `destination host '${host}' is not visible in ${describeList(applies)}, where this VirtualService applies (its exportTo)${owner ? `: ${owner.kind} '${owner.qualifiedName}' is exported to ${describeScope(exportScope(owner))}` : ''}`,
          fix: `export the VirtualService (spec.exportTo) to a namespace that sees the host, e.g. '.'${owner ? `, or add ${applies.map((ns) => `'${ns}'`).join(', ')} to the exportTo of ${owner.kind} '${owner.qualifiedName}'` : ''}`,
        });
      }
    }
  },
});

/**
 * The namespaces a VirtualService's `exportTo` list names (`.` resolved), or `undefined` when it
 * has none or exports to every namespace: then its own namespace is the one that counts.
 */
function appliesIn(vs: ModelObject): string[] | undefined {
  const scope = exportScope(vs);
  return scope === '*' ? undefined : [...scope].sort();
}

/** Whether `fqdn` is a Service or ServiceEntry host visible in `namespace`, or declared external. */
function isFound(model: MeshModel, fqdn: string, namespace: string): boolean {
  const resolved = model.resolveHost(toFqdn(fqdn, namespace), namespace);
  return resolved.service !== undefined || resolved.serviceEntries.length > 0 || resolved.external !== undefined;
}

/** `namespace 'a'` or `namespaces 'a', 'b'`. */
function describeList(namespaces: readonly string[]): string {
  return `namespace${namespaces.length > 1 ? 's' : ''} ${namespaces.map((ns) => `'${ns}'`).join(', ')}`;
}

/** Why `host` resolves to nothing, and the fix: a Service or ServiceEntry hidden by exportTo, a `name.ns` form Istio does not expand, or nothing at all. */
function explain(model: MeshModel, host: string, fqdn: string, namespace: string): { message: string; fix: string } {
  const hidden = model.hiddenHostEntries(host, namespace);
  if (hidden.length > 0) {
    const owner = hidden[0].object;
    return {
      message: `destination host '${host}' is ${owner.kind} '${owner.qualifiedName}', which is not exported to namespace '${namespace}' (it is exported to ${describeScope(exportScope(owner))})`,
      fix: `add '${namespace}' to the exportTo of ${owner.kind} '${owner.qualifiedName}'${owner.kind === 'Service' ? ' (annotation networking.istio.io/exportTo)' : ''}, or route to a host exported to '${namespace}'`,
    };
  }
  const parts = host.split('.');
  const service = parts.length === 2 || (parts.length === 3 && parts[2] === 'svc') ? model.service(parts[1], parts[0]) : undefined;
  if (service) {
    const full = serviceFqdn(service.name, service.namespace);
    return {
      message: `destination host '${host}' is taken as written, not as Service '${service.qualifiedName}': Istio expands only short names without a dot`,
      fix: `write the Service's full name '${full}'`,
    };
  }
  const nearby = model.servicesIn(namespace).map((s) => s.name).sort();
  return {
    message: `destination host '${host}' (${fqdn}) matches no Service or ServiceEntry in the app; services in namespace '${namespace}': ${listOrNone(nearby)}`,
    fix: 'use the name of a Service in the app (its short name in the same namespace, else <name>.<namespace>.svc.cluster.local), add a ServiceEntry for the host, or declare it external',
  };
}
