import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { eachOperation, eachRule, eachString } from './private/authorization';
import { AUTHORIZATION_POLICY } from './private/kinds';
import { portStringProblem } from './private/values';

/**
 * CI0708: an AuthorizationPolicy operation `ports` or `notPorts` entry that is not a decimal
 * port number up to 65535, which Istio's webhook rejects (`ValidatePorts`). Port `0` passes
 * Istio's check but never matches a connection: a warning (stricter than Istio).
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Operation
 */
export const InvalidOperationPort = defineCheck({
  code: 'CI0708',
  name: 'InvalidOperationPort',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an AuthorizationPolicy operation port that is not a number up to 65535; port 0 (a warning: it never matches)',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    eachRule(asRecord(object.manifest.spec), (rule, ruleField) => {
      eachOperation(rule, ruleField, (operation, operationField) => {
        for (const name of ['ports', 'notPorts']) {
          eachString(operation, name, operationField, (value, field) => {
            if (value === '') return;
            const problem = portStringProblem(value);
            if (problem) {
              report({ field, value, message: `port '${value}' ${problem}; Istio rejects it`, fix: `write ${name} entries as the workload's port numbers (1-65535), as strings such as '8080'` });
            } else if (Number(value) === 0) {
              report({
                field, value, severity: Severity.WARNING,
                message: `port '${value}' never matches a connection (stricter than Istio, which accepts it)`,
                fix: `write the workload port the rule is meant for (1-65535) in ${name}, or remove the entry`,
              });
            }
          });
        }
      });
    });
  },
});
