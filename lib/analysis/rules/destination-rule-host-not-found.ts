import { listOrNone } from '../mesh-model';
import { MeshRule } from './rule';

/**
 * CI1015: a DestinationRule host matches no Service or ServiceEntry in the app (warning).
 *
 * Istio ignores the rule (Kiali KIA0202, istioctl UnknownDestinationRuleHost). A short host is
 * read in the DestinationRule's namespace. Wildcard hosts (`*.local`, `*.ns.svc.cluster.local`)
 * are policies for many services and are not checked.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#DestinationRule
 */
export const DestinationRuleHostNotFound: MeshRule = {
  code: 'CI1015',
  evaluate({ model, report }) {
    for (const dr of model.destinationRules) {
      const host = dr.manifest.spec?.host;
      if (typeof host !== 'string' || host.length === 0 || host.includes('*')) continue;
      const resolved = model.resolveHost(host, dr.namespace);
      if (resolved.service || resolved.serviceEntries.length > 0) continue;
      const nearby = model.services.filter((s) => s.namespace === dr.namespace).map((s) => s.name).sort();
      report(dr, 'spec.host', host,
        `host '${host}' (${resolved.fqdn}) matches no Service or ServiceEntry in the app; services in namespace '${dr.namespace}': ${listOrNone(nearby)}`,
        'use the name of a Service in the app (short name in the same namespace, else <name>.<namespace>.svc.cluster.local) or add a ServiceEntry for the host');
    }
  },
};
