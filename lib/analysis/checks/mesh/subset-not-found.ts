import { serviceOfFqdn } from '../../model/hosts';
import { describeScope, exportScope } from '../../model/visibility';
import { AppliedDestinationRules, asArray, destinationsOf, DestinationRuleSource, listOrNone, MeshModel, ModelObject, qualifiedName, ResolvedHost } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** The subset names a DestinationRule defines. */
function subsetsOf(dr: ModelObject): string[] {
  return asArray(dr.manifest.spec?.subsets).map((s: any) => s?.name).filter((n): n is string => typeof n === 'string');
}

/** Where the applied rules come from, for messages. */
function describeSource(applied: AppliedDestinationRules, proxyNamespace: string): string {
  const rules = applied.rules.map(qualifiedName).join(', ');
  switch (applied.source) {
    case DestinationRuleSource.PROXY_NAMESPACE: return `DestinationRule ${rules}, which Istio applies first in namespace '${proxyNamespace}'`;
    case DestinationRuleSource.SERVICE_NAMESPACE: return `DestinationRule ${rules} of the host's namespace '${applied.namespace}'`;
    default: return `DestinationRule ${rules} of the root namespace '${applied.namespace}'`;
  }
}

/** Why a DestinationRule that defines the subset does not count from `proxyNamespace`. */
function whyNotApplied(dr: ModelObject, applied: AppliedDestinationRules | undefined, proxyNamespace: string): string {
  const scope = exportScope(dr);
  if (dr.manifest.spec?.workloadSelector && dr.namespace !== proxyNamespace) return `DestinationRule ${dr.qualifiedName} defines it, but a rule with a workloadSelector applies only in its own namespace`;
  if (applied && applied.namespace === proxyNamespace && applied.source === DestinationRuleSource.PROXY_NAMESPACE && dr.namespace !== proxyNamespace) {
    return `DestinationRule ${dr.qualifiedName} defines it, but Istio uses the rules of namespace '${proxyNamespace}' first`;
  }
  if (scope !== '*' && !scope.has(proxyNamespace)) return `DestinationRule ${dr.qualifiedName} defines it, but is exported to ${describeScope(scope)} only`;
  return `DestinationRule ${dr.qualifiedName} defines it, but Istio applies only the most specific host of a namespace`;
}

/** The namespace of the Service or ServiceEntry behind a destination, as istiod looks up exported rules. */
function serviceNamespace(resolved: ResolvedHost): string | undefined {
  return resolved.service?.namespace ?? resolved.serviceEntries[0]?.namespace ?? serviceOfFqdn(resolved.fqdn)?.namespace;
}

/** The finding for `subset` of `host`, or `undefined` when the rules istiod applies define it (or the host is not this check's). */
function problem(model: MeshModel, host: string, subset: string, proxyNamespace: string): { message: string; fix: string } | undefined {
  const resolved = model.resolveHost(host, proxyNamespace);
  const fqdn = resolved.fqdn;
  const applied = model.destinationRulesApplied(fqdn, proxyNamespace, serviceNamespace(resolved));
  const defined = applied ? applied.rules.flatMap(subsetsOf) : [];
  if (defined.includes(subset)) return undefined;
  const known = resolved.service !== undefined || resolved.serviceEntries.length > 0;
  // a host the app does not define is CI1002's; a declared external host may have its rules elsewhere
  if (!applied && !known) return undefined;
  const elsewhere = model.destinationRulesFor(fqdn).filter((dr) => !applied?.rules.includes(dr) && subsetsOf(dr).includes(subset));
  const why = elsewhere.length > 0 ? `; ${whyNotApplied(elsewhere[0], applied, proxyNamespace)}` : '';
  const plainFix = `add subset '${subset}' to a DestinationRule for ${fqdn}, or route to one of the defined subsets`;
  const fix = !applied ? `add subset '${subset}' to a DestinationRule for ${fqdn} visible from namespace '${proxyNamespace}', or route to one of the defined subsets`
    : `add subset '${subset}' to DestinationRule ${applied.rules[0].qualifiedName}, or route to one of the defined subsets`;
  if (!applied) {
    const covering = model.destinationRulesFor(fqdn);
    const message = covering.length === 0
      ? `subset '${subset}' of host '${host}' is not defined by any DestinationRule; no DestinationRule in the app covers ${fqdn}`
      : `subset '${subset}' of host '${host}' is not defined by any DestinationRule that applies in namespace '${proxyNamespace}'${why || `; DestinationRule ${covering[0].qualifiedName} covers ${fqdn} but is exported to ${describeScope(exportScope(covering[0]))}`}`;
    return { message, fix };
  }
  const plain = applied.source !== DestinationRuleSource.PROXY_NAMESPACE || applied.namespace === serviceNamespace(resolved);
  if (plain && !why) {
    return { message: `subset '${subset}' of host '${host}' is not defined by any DestinationRule; defined: ${listOrNone(defined)} (in ${applied.rules.map(qualifiedName).join(', ')})`, fix: plainFix };
  }
  return { message: `subset '${subset}' of host '${host}' is not defined by ${describeSource(applied, proxyNamespace)}; defined: ${listOrNone(defined)}${why}`, fix };
}

/**
 * CI1003: a destination names a subset that the DestinationRules Istio applies to its host do
 * not define.
 *
 * Istio then has no cluster for the subset and the route returns 503s. The rules are picked as
 * istiod picks them for proxies of the VirtualService's namespace: the rules of that namespace
 * first (a rule there hides the rules of the host's namespace), then the rules the host's
 * namespace exports to it, then those of the root namespace `istio-system`; only the most
 * specific host counts, and `exportTo` and workload selectors are honoured. Destinations whose
 * host is not in the app and that no DestinationRule covers are left to CI1002.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset
 * @see https://istio.io/latest/docs/ops/best-practices/traffic-management/#cross-namespace-configuration
 */
export const SubsetNotFound = defineCheck({
  code: 'CI1003',
  name: 'SubsetNotFound',
  severity: Severity.ERROR,
  counterpart: 'IST0101 ReferencedResourceNotFound / KIA1107',
  catches: 'a route or mirror names a subset that the DestinationRules Istio applies to that host (from the VirtualService\'s namespace) do not define',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const vs of model.virtualServices) {
      for (const { field, destination } of destinationsOf(vs)) {
        const subset = destination.subset;
        if (typeof destination.host !== 'string' || destination.host === '' || typeof subset !== 'string' || subset === '') continue;
        const found = problem(model, destination.host, subset, vs.namespace);
        if (found) report(vs, { field: `${field}.subset`, value: subset, ...found });
      }
    }
  },
});
