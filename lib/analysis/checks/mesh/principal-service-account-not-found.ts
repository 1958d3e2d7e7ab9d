import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { parsePrincipal, sourceValues } from './private/authorization';

/**
 * CI1092: an AuthorizationPolicy source principal (`<trust domain>/ns/<namespace>/sa/<name>`)
 * names a service account the app does not define in a namespace it owns (warning; Kiali
 * KIA0106; istioctl has no counterpart).
 *
 * Only namespaces whose Namespace object the app holds (and does not declare external) are
 * checked: there, a service account exists when the app has its ServiceAccount object or runs a
 * workload as it, and `default` always exists. A warning, not Kiali's error: Istio accepts the
 * policy, and another tool may create the account; until one does, the principal never matches.
 * Principals with a wildcard in the namespace or account are not checked.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 * @see https://kubernetes.io/docs/concepts/security/service-accounts/
 */
export const PrincipalServiceAccountNotFound = defineCheck({
  code: 'CI1092',
  name: 'PrincipalServiceAccountNotFound',
  severity: Severity.WARNING,
  counterpart: 'KIA0106; no istioctl analyzer',
  catches: 'an AuthorizationPolicy principal names a service account the app does not define in a namespace it owns',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const policy of model.authorizationPolicies) {
      for (const key of ['principals', 'notPrincipals']) {
        for (const { value, field } of sourceValues(policy, key)) {
          const principal = parsePrincipal(value);
          if (!principal || !model.ownsNamespace(principal.namespace)) continue;
          const accounts = model.serviceAccountsIn(principal.namespace);
          if (accounts.has(principal.serviceAccount)) continue;
          report(policy, {
            field,
            value,
            message: `source ${key === 'principals' ? 'principal' : 'notPrincipals entry'} '${value}' names service account '${principal.serviceAccount}', which namespace '${principal.namespace}' does not define: no ServiceAccount of that name, and no workload runs as it (service accounts there: ${[...accounts].sort().join(', ')})`,
            fix: `correct the service account in the principal, or add the ServiceAccount '${principal.namespace}/${principal.serviceAccount}' and run the calling workloads as it (spec.serviceAccountName of their pod template)`,
          });
        }
      }
    }
  },
});
