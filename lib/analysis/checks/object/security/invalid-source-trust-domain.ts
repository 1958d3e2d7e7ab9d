import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { eachRule, eachSource, eachString } from './private/authorization';
import { AUTHORIZATION_POLICY } from './private/kinds';
import { wildcardPositionProblem } from './private/values';

/**
 * CI0707: an AuthorizationPolicy source `trustDomains` or `notTrustDomains` entry that Istio's
 * webhook rejects (`CheckTrustDomainValues`): more than one `*`, a `*` neither at the start nor at
 * the end, or a `/` (a trust domain is the first part of a SPIFFE identity, without path).
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 */
export const InvalidSourceTrustDomain = defineCheck({
  code: 'CI0707',
  name: 'InvalidSourceTrustDomain',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an AuthorizationPolicy source trust domain with a misplaced or second \'*\', or with a \'/\'',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    eachRule(asRecord(object.manifest.spec), (rule, ruleField) => {
      eachSource(rule, ruleField, (source, sourceField) => {
        for (const name of ['trustDomains', 'notTrustDomains']) {
          eachString(source, name, sourceField, (value, field) => {
            if (value === '') return;
            const problem = wildcardPositionProblem(value) ?? (value.includes('/') ? 'contains \'/\', which a trust domain cannot' : undefined);
            if (problem) {
              report({
                field, value, message: `trust domain '${value}' ${problem}`,
                fix: `write a trust domain such as 'cluster.local', a prefix 'corp-*', a suffix '*.example.com' or '*' in ${name}`,
              });
            }
          });
        }
      });
    });
  },
});
