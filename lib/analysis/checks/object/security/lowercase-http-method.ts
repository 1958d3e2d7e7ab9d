import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { eachOperation, eachRule, eachString } from './private/authorization';
import { AUTHORIZATION_POLICY } from './private/kinds';

/**
 * CI0714: an AuthorizationPolicy operation method with lowercase letters. HTTP methods are
 * case-sensitive and Istio compares them exactly, so `get` matches no standard request. Istio
 * accepts it: a warning (stricter than Istio).
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Operation
 */
export const LowercaseHttpMethod = defineCheck({
  code: 'CI0714',
  name: 'LowercaseHttpMethod',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'an AuthorizationPolicy method with lowercase letters, which matches no standard HTTP method',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    eachRule(asRecord(object.manifest.spec), (rule, ruleField) => {
      eachOperation(rule, ruleField, (operation, operationField) => {
        for (const name of ['methods', 'notMethods']) {
          eachString(operation, name, operationField, (value, field) => {
            if (value === value.toUpperCase()) return;
            report({
              field, value,
              message: `method '${value}' has lowercase letters: HTTP methods are case-sensitive and Istio compares them exactly, so it matches no standard request (stricter than Istio, which accepts it)`,
              fix: `write '${value.toUpperCase()}' in ${name}`,
            });
          });
        }
      });
    });
  },
});
