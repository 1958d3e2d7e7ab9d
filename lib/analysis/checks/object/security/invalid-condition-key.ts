import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray, asRecord, isRecord } from '../../../manifest/read';
import { eachRule } from './private/authorization';
import { attributeOf } from './private/attributes';
import { AUTHORIZATION_POLICY, CONDITIONS_REFERENCE } from './private/kinds';

/**
 * CI0710: an AuthorizationPolicy condition (`rules[].when[]`) whose key Istio's webhook rejects
 * (`ValidateAttribute`): no key (or a `null` condition), an attribute Istio does not know, one it
 * replaced (`destination.namespace`, `destination.labels[...]`) or only supported in v1alpha1
 * (`destination.name`, `destination.user`), or a map attribute not written `name[key]`.
 * `source.trustDomain` is a known attribute.
 *
 * @see https://istio.io/latest/docs/reference/config/security/conditions/
 */
export const InvalidConditionKey = defineCheck({
  code: 'CI0710',
  name: 'InvalidConditionKey',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an AuthorizationPolicy condition without key, with an unknown, replaced or v1alpha1-only attribute, or a map attribute not written name[key]',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    eachRule(asRecord(object.manifest.spec), (rule, ruleField) => {
      asArray(rule.when).forEach((condition, k) => {
        const field = `${ruleField}.when[${k}].key`;
        if (condition !== null && !isRecord(condition)) return;
        const key = condition?.key;
        if (key === undefined || key === null || key === '') {
          report({
            field, value: key, message: 'a condition needs a key, the attribute it matches',
            fix: `set key to an attribute such as request.headers[x-token], source.ip or request.auth.claims[groups] (see ${CONDITIONS_REFERENCE})`,
          });
          return;
        }
        if (typeof key !== 'string') return;
        const attribute = attributeOf(key);
        if ('problem' in attribute) {
          report({
            field, value: key, message: `condition key '${key}' ${attribute.problem}`,
            fix: `use a supported attribute such as source.ip, source.namespace, request.headers[<name>] or request.auth.claims[<claim>] (see ${CONDITIONS_REFERENCE})`,
          });
        }
      });
    });
  },
});
