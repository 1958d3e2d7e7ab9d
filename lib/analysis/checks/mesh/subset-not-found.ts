import { asArray, destinationsOf, listOrNone, qualifiedName } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1003: a destination names a subset that no DestinationRule for its host defines.
 *
 * Istio then has no cluster for the subset and the route returns 503s. Destinations whose host
 * is not in the app are left to CI1002.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset
 */
export const SubsetNotFound = defineCheck({
  code: 'CI1003',
  name: 'SubsetNotFound',
  severity: Severity.ERROR,
  counterpart: 'IST0101 ReferencedResourceNotFound / KIA1107',
  catches: 'a route or mirror names a subset that no DestinationRule for that host defines',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const vs of model.virtualServices) {
      for (const { field, destination } of destinationsOf(vs)) {
        const subset = destination.subset;
        if (typeof destination.host !== 'string' || subset === undefined || subset === null || subset === '') continue;
        const resolved = model.resolveHost(destination.host, vs.namespace);
        if (!resolved.service && resolved.serviceEntries.length === 0) continue;
        const rules = model.destinationRulesFor(resolved.fqdn);
        const defined = rules.flatMap((dr) => asArray(dr.manifest.spec?.subsets).map((s: any) => String(s?.name)));
        if (defined.includes(subset)) continue;
        const message = rules.length === 0
          ? `subset '${subset}' of host '${destination.host}' is not defined by any DestinationRule; no DestinationRule in the app covers ${resolved.fqdn}`
          : `subset '${subset}' of host '${destination.host}' is not defined by any DestinationRule; defined: ${listOrNone(defined)} (in ${rules.map(qualifiedName).join(', ')})`;
        report(vs, { field: `${field}.subset`, value: subset, message, fix: `add subset '${subset}' to a DestinationRule for ${resolved.fqdn}, or route to one of the defined subsets` });
      }
    }
  },
});
