import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray, asRecord } from '../../../manifest/read';
import { eachRule, eachSource, eachString, hasItems, isSet } from './private/authorization';
import { AUTHORIZATION_POLICY } from './private/kinds';
import { serviceAccountProblem } from './private/values';

const ACCOUNT_FIELDS = ['serviceAccounts', 'notServiceAccounts'];
const IDENTITY_FIELDS = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces'];

/**
 * CI0706: AuthorizationPolicy source `serviceAccounts` or `notServiceAccounts` that Istio
 * rejects: together with principals or namespaces in one source (the CRD rule "Cannot set
 * serviceAccounts with namespaces or principals", and the webhook), more than 16 entries, or an
 * entry that is not `<name>` or `<namespace>/<name>`, has a wildcard or is longer than 320
 * characters (`CheckServiceAccount`).
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 */
export const InvalidSourceServiceAccount = defineCheck({
  code: 'CI0706',
  name: 'InvalidSourceServiceAccount',
  severity: Severity.ERROR,
  counterpart: 'webhook / CRD rule',
  catches: 'AuthorizationPolicy source service accounts with principals or namespaces, more than 16 of them, or one not written as name or namespace/name',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    eachRule(asRecord(object.manifest.spec), (rule, ruleField) => {
      eachSource(rule, ruleField, (source, sourceField) => {
        const accounts = ACCOUNT_FIELDS.filter((f) => isSet(source[f]));
        const identities = IDENTITY_FIELDS.filter((f) => isSet(source[f]));
        if (accounts.length > 0 && identities.length > 0) {
          report({
            field: sourceField, value: source,
            message: `one source sets ${accounts.join(' and ')} together with ${identities.join(' and ')}, which Istio rejects`,
            fix: 'split them into two from entries (from: [{ source: { serviceAccounts: [...] } }, { source: { principals: [...] } }]), which match either',
          });
        }
        for (const name of ACCOUNT_FIELDS) {
          if (hasItems(source[name]) && asArray(source[name]).length > 16) {
            report({
              field: `${sourceField}.${name}`, value: source[name],
              message: `${name} has ${asArray(source[name]).length} entries; Istio allows at most 16 in one source`,
              fix: `split ${name} over several from entries of at most 16 each`,
            });
          }
          eachString(source, name, sourceField, (value, field) => {
            const problem = value === '' ? undefined : serviceAccountProblem(value);
            if (problem) {
              report({ field, value, message: `service account '${value}' ${problem}`, fix: `write each ${name} entry as <name> (in the policy's namespace) or <namespace>/<name>, without '*'` });
            }
          });
        }
      });
    });
  },
});
