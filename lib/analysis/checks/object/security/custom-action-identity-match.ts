import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { actionOf, eachCondition, eachRule, eachSource, hasItems } from './private/authorization';
import { AUTHORIZATION_POLICY } from './private/kinds';

/** The source fields Istio's webhook does not support under action CUSTOM. */
const UNSUPPORTED_SOURCE_FIELDS = [
  'namespaces', 'notNamespaces', 'serviceAccounts', 'notServiceAccounts', 'trustDomains', 'notTrustDomains',
  'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals',
];

/** The condition keys Istio's webhook does not support under action CUSTOM (and every `request.auth.` key). */
const UNSUPPORTED_KEYS = new Set(['source.namespace', 'source.serviceAccount', 'source.trustDomain', 'source.principal']);

/**
 * CI0702: a `CUSTOM` AuthorizationPolicy that matches on identities, which Istio's webhook rejects
 * ("... is currently not supported with CUSTOM action"): sources by namespace, service account,
 * trust domain, principal or request principal, and the conditions `source.namespace`,
 * `source.serviceAccount`, `source.trustDomain`, `source.principal` and `request.auth.*`.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#AuthorizationPolicy-Action
 */
export const CustomActionIdentityMatch = defineCheck({
  code: 'CI0702',
  name: 'CustomActionIdentityMatch',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a CUSTOM AuthorizationPolicy matching on namespaces, service accounts, trust domains, principals or request.auth conditions',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    const spec = asRecord(object.manifest.spec);
    if (actionOf(spec) !== 'CUSTOM') return;
    const fix = 'match on ipBlocks, remoteIpBlocks or request attributes (paths, methods, hosts, headers) in a CUSTOM policy; '
      + 'check identities in the ext-authz provider itself or in an ALLOW/DENY policy';
    eachRule(spec, (rule, ruleField) => {
      eachSource(rule, ruleField, (source, field) => {
        for (const name of UNSUPPORTED_SOURCE_FIELDS) {
          if (hasItems(source[name])) {
            report({ field: `${field}.${name}`, value: source[name], message: `source ${name} is not supported with action CUSTOM`, fix });
          }
        }
      });
      eachCondition(rule, ruleField, (condition, field) => {
        const key = condition.key;
        if (typeof key === 'string' && (UNSUPPORTED_KEYS.has(key) || key.startsWith('request.auth.'))) {
          report({ field: `${field}.key`, value: key, message: `condition key '${key}' is not supported with action CUSTOM`, fix });
        }
      });
    });
  },
});
