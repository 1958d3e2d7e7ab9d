import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { eachCondition, eachOperation, eachRule, eachSource, eachString } from './private/authorization';
import { attributeOf } from './private/attributes';
import { AUTHORIZATION_POLICY } from './private/kinds';
import { hasLiteralWildcard, isPathTemplate } from './private/values';

const SOURCE_STRING_FIELDS = ['principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals'];
const OPERATION_STRING_FIELDS = ['hosts', 'notHosts', 'methods', 'notMethods', 'paths', 'notPaths'];

/**
 * CI0713: a `*` that Istio matches literally in an AuthorizationPolicy value: its string matchers
 * read only `*` alone, a leading `*` (suffix match) and a trailing `*` (prefix match) as
 * wildcards, so `cluster.local/ns/*\/sa/reviews` or `/api/*\/items` match only a value with a `*`
 * in it, never a real request. Istio accepts these values, so this is a warning (stricter than
 * Istio). Namespaces (where Istio reads every `*` as a wildcard), trust domains, service accounts
 * and path templates have their own rules.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 */
export const LiteralWildcardInMatch = defineCheck({
  code: 'CI0713',
  name: 'LiteralWildcardInMatch',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'a \'*\' in the middle of an AuthorizationPolicy principal, host, method, path or condition value, which Istio matches literally',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    const check = (list: string) => (value: string, field: string) => {
      if (!hasLiteralWildcard(value) || (list.endsWith('aths') && isPathTemplate(value))) return;
      report({
        field, value,
        message: `'${value}' in ${list} has a '*' that Istio matches literally (only a leading or trailing '*' is a wildcard), so it matches no real request (stricter than Istio, which accepts it)`,
        fix: 'keep \'*\' only at the start (suffix match) or the end (prefix match), or list the exact values'
          + (list.endsWith('aths') ? '; for a path segment use a template such as \'/api/{*}/items\'' : ''),
      });
    };
    eachRule(asRecord(object.manifest.spec), (rule, ruleField) => {
      eachSource(rule, ruleField, (source, field) => {
        for (const name of SOURCE_STRING_FIELDS) eachString(source, name, field, check(name));
      });
      eachOperation(rule, ruleField, (operation, field) => {
        for (const name of OPERATION_STRING_FIELDS) eachString(operation, name, field, check(name));
      });
      eachCondition(rule, ruleField, (condition, field) => {
        const key = condition.key;
        if (typeof key !== 'string') return;
        const attribute = attributeOf(key);
        if ('problem' in attribute || attribute.values !== 'string') return;
        for (const name of ['values', 'notValues']) eachString(condition, name, field, check(`the ${name} of condition '${key}'`));
      });
    });
  },
});
