import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { namespacePatternMatches, sourceValues } from './private/authorization';

/**
 * CI1090: an AuthorizationPolicy source names a namespace (`source.namespaces` or
 * `source.notNamespaces`, `*` prefix and suffix patterns included) that matches none the app
 * knows of (istioctl IST0101 ReferencedResourceNotFound of its AuthorizationPoliciesAnalyzer,
 * Kiali KIA0101).
 *
 * The namespaces known to exist are the app's Namespace objects, the namespaces declared
 * external, the namespaces its objects live in, and those of every cluster (`default`,
 * `kube-system`, `kube-public`, `kube-node-lease`, `istio-system`). A warning, not istioctl's
 * error: Istio accepts the policy (a source of a namespace that does not exist never matches),
 * and the app cannot know every namespace of the cluster it is applied to; a namespace it does
 * not manage is declared external to say it exists (Kiali rates it a warning too).
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0101/
 */
export const AuthorizationNamespaceNotFound = defineCheck({
  code: 'CI1090',
  name: 'AuthorizationNamespaceNotFound',
  severity: Severity.WARNING,
  counterpart: 'IST0101 ReferencedResourceNotFound (AuthorizationPoliciesAnalyzer) / KIA0101',
  catches: 'an AuthorizationPolicy source names a namespace the app neither defines, uses nor declares external',
  scope: 'mesh',
  evaluate({ model, report }) {
    const known = model.knownNamespaces;
    const matchesKnown = (pattern: string) => (pattern.includes('*') ? [...known].some((ns) => namespacePatternMatches(pattern, ns)) : known.has(pattern));
    for (const policy of model.authorizationPolicies) {
      for (const key of ['namespaces', 'notNamespaces']) {
        for (const { value, field } of sourceValues(policy, key)) {
          if (value === '' || matchesKnown(value)) continue;
          const what = value.includes('*') ? `source namespace pattern '${value}' matches none of the namespaces` : `source namespace '${value}' is none of the namespaces`;
          report(policy, {
            field,
            value,
            message: `${what} the app defines, uses or declares external; if it does not exist in the cluster, this ${key === 'namespaces' ? 'source never matches' : 'exclusion excludes nothing'}`,
            fix: `correct the name in ${key} (known namespaces: ${listed(known)}), or declare the namespace external if another app manages it (external.namespaces, or --external-namespace)`,
          });
        }
      }
    }
  },
});

/** The first known namespaces, sorted, for the fix. */
function listed(known: ReadonlySet<string>): string {
  const sorted = [...known].sort();
  return sorted.length > 8 ? `${sorted.slice(0, 8).join(', ')}, ...` : sorted.join(', ');
}
