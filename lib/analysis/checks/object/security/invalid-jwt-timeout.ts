import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { durationProblem } from '../../../values/duration';
import { eachJwtRule } from './private/jwt-rules';
import { REQUEST_AUTHENTICATION } from './private/kinds';

/**
 * CI0817: a RequestAuthentication JWT rule `timeout` (for fetching the JWKS) that is not a
 * duration of at least 1ms, as the CRD rule and Istio's webhook (`ValidateDuration`, which also
 * requires whole milliseconds) reject it.
 *
 * @see https://istio.io/latest/docs/reference/config/security/jwt/#JWTRule
 */
export const InvalidJwtTimeout = defineCheck({
  code: 'CI0817',
  name: 'InvalidJwtTimeout',
  severity: Severity.ERROR,
  counterpart: 'webhook / CRD rule',
  catches: 'a RequestAuthentication JWT rule timeout that is not a duration of at least 1ms in whole milliseconds',
  scope: 'object',
  kinds: [REQUEST_AUTHENTICATION],
  evaluate({ object, report }) {
    eachJwtRule(object.manifest, (rule, ruleField) => {
      if (rule.timeout === undefined || rule.timeout === null) return;
      const problem = durationProblem(rule.timeout);
      if (problem) {
        report({ field: `${ruleField}.timeout`, value: rule.timeout, message: `timeout ${problem}`, fix: 'write a duration such as \'5s\' or \'500ms\' (at least 1ms, whole milliseconds)' });
      }
    });
  },
});
