import { isWildcard, toFqdn } from '../../model/hosts';
import { listOrNone } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1015: a DestinationRule host matches no Service or ServiceEntry visible to the rule
 * (warning).
 *
 * Istio applies the rule to no traffic (istioctl IST0174 UnknownDestinationRuleHost, Kiali
 * KIA0202). As Istio reads it: a short host is expanded in the DestinationRule's namespace, a
 * host with a dot is taken as written (`reviews.shop` is not the Service `reviews` of `shop`),
 * and only Services and ServiceEntries exported to the rule's namespace count. A wildcard host
 * (`*.shop.svc.cluster.local`, `*.local`) is a policy for many services: it is reported only when
 * it covers none at all (istioctl reports every wildcard host no ServiceEntry wildcard covers).
 * Hosts and namespaces declared external count as found.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#DestinationRule
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0174/
 */
export const DestinationRuleHostNotFound = defineCheck({
  code: 'CI1015',
  name: 'DestinationRuleHostNotFound',
  severity: Severity.WARNING,
  counterpart: 'IST0174 UnknownDestinationRuleHost / KIA0202',
  catches: 'a DestinationRule host matches no Service or ServiceEntry visible to the rule',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const dr of model.destinationRules) {
      const host = dr.manifest.spec?.host;
      // a wildcard anywhere but in front is rejected by Istio (CI0201)
      if (typeof host !== 'string' || host.length === 0 || host.slice(1).includes('*')) continue;
      const fqdn = toFqdn(host, dr.namespace);
      const nearby = () => model.servicesIn(dr.namespace).map((s) => s.name).sort();
      if (isWildcard(fqdn)) {
        if (model.hostEntriesUnder(fqdn, dr.namespace).length > 0 || model.externalHost(fqdn) !== undefined) continue;
        report(dr, {
          field: 'spec.host',
          value: host,
          message: `wildcard host '${host}' covers no Service or ServiceEntry visible in namespace '${dr.namespace}', so the rule applies to nothing; services in namespace '${dr.namespace}': ${listOrNone(nearby())}`,
          fix: 'use a wildcard that covers the services it is meant for (*.<namespace>.svc.cluster.local for a namespace, *.local for the mesh), or add them',
        });
        continue;
      }
      const resolved = model.resolveHost(host, dr.namespace);
      if (resolved.service || resolved.serviceEntries.length > 0 || resolved.external) continue;
      const hidden = model.hiddenHostEntries(host, dr.namespace).map((e) => `${e.object.kind} '${e.object.qualifiedName}'`);
      const why = hidden.length > 0 ? `; ${listOrNone(hidden)} has it but is not exported to namespace '${dr.namespace}'` : `; services in namespace '${dr.namespace}': ${listOrNone(nearby())}`;
      report(dr, {
        field: 'spec.host',
        value: host,
        message: `host '${host}' (${resolved.fqdn}) matches no Service or ServiceEntry in the app${why}`,
        fix: hidden.length > 0
          ? `export the Service or ServiceEntry to namespace '${dr.namespace}' (spec.exportTo, or the Service annotation networking.istio.io/exportTo), or move the DestinationRule to its namespace`
          : 'use the name of a Service in the app (short name in the same namespace, else <name>.<namespace>.svc.cluster.local) or add a ServiceEntry for the host',
      });
    }
  },
});
