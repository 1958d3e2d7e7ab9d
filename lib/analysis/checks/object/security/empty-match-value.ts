import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { eachCondition, eachOperation, eachRule, eachSource, eachString, IP_BLOCK_FIELDS, OPERATION_FIELDS, SOURCE_FIELDS } from './private/authorization';
import { AUTHORIZATION_POLICY } from './private/kinds';

const IP_LISTS = new Set<string>([...IP_BLOCK_FIELDS, 'source.ip', 'remote.ip', 'destination.ip']);
const PORT_LISTS = new Set<string>(['ports', 'notPorts', 'destination.port']);
const ACCOUNT_LISTS = new Set<string>(['serviceAccounts', 'notServiceAccounts', 'source.serviceAccount']);

/** What to write instead of an empty string in the list `name` (a field name or a condition key). */
function instead(name: string): string {
  if (IP_LISTS.has(name)) return 'write an IP or a CIDR block such as 10.0.0.0/8 instead';
  if (PORT_LISTS.has(name)) return 'write a port number such as \'8080\' instead';
  if (ACCOUNT_LISTS.has(name)) return 'write a service account as <name> or <namespace>/<name> instead';
  return 'to match any non-empty value write \'*\', or remove the field to match anything';
}

/**
 * CI0704: an empty string in a list of an AuthorizationPolicy source, operation or condition,
 * which Istio's webhook rejects ("empty value not allowed, found in ...").
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 */
export const EmptyMatchValue = defineCheck({
  code: 'CI0704',
  name: 'EmptyMatchValue',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an empty string in a source, operation or condition value list of an AuthorizationPolicy',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    const empty = (list: string, name: string) => (value: string, field: string) => {
      if (value !== '') return;
      report({ field, value, message: `empty value in ${list}; Istio rejects empty strings in match lists`, fix: `remove the empty string; ${instead(name)}` });
    };
    eachRule(asRecord(object.manifest.spec), (rule, ruleField) => {
      eachSource(rule, ruleField, (source, field) => {
        for (const name of SOURCE_FIELDS) {
          eachString(source, name, field, empty(name, name));
        }
      });
      eachOperation(rule, ruleField, (operation, field) => {
        for (const name of OPERATION_FIELDS) {
          eachString(operation, name, field, empty(name, name));
        }
      });
      eachCondition(rule, ruleField, (condition, field) => {
        const key = typeof condition.key === 'string' ? condition.key : '';
        for (const name of ['values', 'notValues']) eachString(condition, name, field, empty(`the ${name} of condition '${key}'`, key));
      });
    });
  },
});
