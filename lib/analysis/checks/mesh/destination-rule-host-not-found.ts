import { listOrNone } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1015: a DestinationRule host matches no Service or ServiceEntry in the app (warning).
 *
 * Istio ignores the rule (Kiali KIA0202, istioctl UnknownDestinationRuleHost). A short host is
 * read in the DestinationRule's namespace; hosts declared external are found. Wildcard hosts
 * (`*.local`, `*.ns.svc.cluster.local`) are policies for many services and are not checked.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#DestinationRule
 */
export const DestinationRuleHostNotFound = defineCheck({
  code: 'CI1015',
  name: 'DestinationRuleHostNotFound',
  severity: Severity.WARNING,
  counterpart: 'UnknownDestinationRuleHost / KIA0202',
  catches: 'a DestinationRule host matches no Service or ServiceEntry in the app',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const dr of model.destinationRules) {
      const host = dr.manifest.spec?.host;
      if (typeof host !== 'string' || host.length === 0 || host.includes('*')) continue;
      const resolved = model.resolveHost(host, dr.namespace);
      if (resolved.service || resolved.serviceEntries.length > 0 || resolved.external) continue;
      const nearby = model.services.filter((s) => s.namespace === dr.namespace).map((s) => s.name).sort();
      report(dr, { field: 'spec.host', value: host, message: `host '${host}' (${resolved.fqdn}) matches no Service or ServiceEntry in the app; services in namespace '${dr.namespace}': ${listOrNone(nearby)}`, fix: 'use the name of a Service in the app (short name in the same namespace, else <name>.<namespace>.svc.cluster.local) or add a ServiceEntry for the host' });
    }
  },
});
