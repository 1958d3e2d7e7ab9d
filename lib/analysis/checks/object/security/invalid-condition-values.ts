import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray, asRecord } from '../../../manifest/read';
import { eachCondition, eachRule, eachString, hasItems } from './private/authorization';
import { attributeOf } from './private/attributes';
import { AUTHORIZATION_POLICY } from './private/kinds';
import { netipProblem, portStringProblem, serviceAccountProblem, wildcardPositionProblem } from './private/values';

/**
 * CI0711: an AuthorizationPolicy condition whose values Istio's webhook rejects: neither `values`
 * nor `notValues`, or values that do not fit the attribute (`ValidateAttribute`): IPs and CIDR
 * blocks for `source.ip`, `remote.ip` and `destination.ip`, port numbers up to 65535 for
 * `destination.port` (`0` is a warning: it never matches), `<name>` or `<namespace>/<name>` for
 * `source.serviceAccount` (at most 16), and at most one `*`, at the start or end, for
 * `source.trustDomain`.
 *
 * @see https://istio.io/latest/docs/reference/config/security/conditions/
 */
export const InvalidConditionValues = defineCheck({
  code: 'CI0711',
  name: 'InvalidConditionValues',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an AuthorizationPolicy condition without values and notValues, or with values that do not fit its attribute (IPs, ports, service accounts, trust domains)',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    eachRule(asRecord(object.manifest.spec), (rule, ruleField) => {
      eachCondition(rule, ruleField, (condition, conditionField) => {
        const key = condition.key;
        if (typeof key !== 'string' || key === '') return;
        if (!hasItems(condition.values) && !hasItems(condition.notValues)) {
          report({
            field: conditionField, value: condition,
            message: `condition '${key}' has neither values nor notValues; Istio rejects it`,
            fix: 'add the values to match under values, or the values to exclude under notValues',
          });
          return;
        }
        const attribute = attributeOf(key);
        if ('problem' in attribute) return;
        for (const list of ['values', 'notValues']) {
          if (attribute.values === 'service-account' && asArray(condition[list]).length > 16) {
            report({
              field: `${conditionField}.${list}`, value: condition[list],
              message: `condition '${key}' has ${asArray(condition[list]).length} ${list}; Istio allows at most 16 service accounts`,
              fix: 'split the condition over several rules of at most 16 service accounts each',
            });
          }
          eachString(condition, list, conditionField, (value, field) => {
            if (value === '') return;
            const bad = (problem: string, fix: string, severity?: Severity) =>
              report({ field, value, message: `'${value}' ${problem} (condition '${key}')`, fix, severity });
            switch (attribute.values) {
              case 'ip': {
                const problem = netipProblem(value);
                if (problem) bad(problem, `write an IP address such as 10.1.2.3 or a CIDR block such as 10.0.0.0/16 in ${list}`);
                break;
              }
              case 'port': {
                const problem = portStringProblem(value);
                if (problem) bad(`${problem}; Istio rejects it`, `write a port number (1-65535) such as '8080' in ${list}`);
                else if (Number(value) === 0) bad('never matches a connection (stricter than Istio, which accepts it)', `write the port the condition is meant for (1-65535) in ${list}`, Severity.WARNING);
                break;
              }
              case 'service-account': {
                const problem = serviceAccountProblem(value);
                if (problem) bad(problem, `write service accounts as <name> or <namespace>/<name>, without '*', in ${list}`);
                break;
              }
              case 'trust-domain': {
                const problem = wildcardPositionProblem(value);
                if (problem) bad(problem, `write a trust domain such as 'cluster.local', a prefix 'corp-*', a suffix '*.example.com' or '*' in ${list}`);
                break;
              }
              default:
                break;
            }
          });
        }
      });
    });
  },
});
