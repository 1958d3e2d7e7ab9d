import { defineCheck } from '../../../check';
import { validationRuleOutcomes } from '../../../crd/validation-rules';
import { Severity } from '../../../finding';
import { crdMessage, crdRuleFix, describeRuleValue } from './private/crd-rule-text';

/**
 * CI0021: a value breaks a CEL validation rule (`x-kubernetes-validations`) of the Istio 1.30.3
 * CRD of its kind and version, which the Kubernetes API server evaluates on every create: port
 * ranges, durations of at least 1ms, selectors without wildcards, at most one of
 * `selector`/`targetRef`/`targetRefs`, ServiceEntry resolution and endpoint rules, `unix://`
 * addresses, URL schemes, ... An evaluation error (`int('abc')`, a missing field the rule reads)
 * fails the rule as it does in the API server. The message is the CRD's own.
 *
 * Its findings give way to a webhook check's on the same field (`defers`), which say more.
 *
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules
 */
export const CrdValidationRule = defineCheck({
  code: 'CI0021',
  name: 'CrdValidationRule',
  severity: Severity.ERROR,
  counterpart: 'CRD rule',
  catches: 'a value breaks a CEL validation rule (x-kubernetes-validations) of the Istio 1.30.3 CRD of its kind and version',
  scope: 'object',
  kinds: ['istio'],
  defers: true,
  evaluate({ object, report }) {
    for (const o of validationRuleOutcomes(object.manifest)) {
      const rule = o.rule.rule.replace(/\s+/g, ' ').trim();
      if (o.outcome === 'uncompiled') {
        report({
          field: o.field, severity: Severity.WARNING,
          message: `the CRD rule \`${rule}\` could not be evaluated (${o.error}); this is a bug in cdk8s-istio`,
          fix: 'report it at the project\'s issue tracker with the manifest; the API server still evaluates the rule',
        });
        continue;
      }
      const value = o.value !== null && typeof o.value === 'object' ? undefined : o.value;
      const error = o.outcome === 'error' ? ` (evaluation error: ${o.error})` : '';
      report({ field: o.field, value, message: `${crdMessage(o.message)}, got ${describeRuleValue(o.value, rule)}${error}`, fix: crdRuleFix(rule) });
    }
  },
});
