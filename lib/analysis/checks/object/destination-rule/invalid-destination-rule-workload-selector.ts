import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, isRecord, keyField } from '../../../manifest/read';
import { labelKeyProblem, labelValueProblem } from '../../../values/validate';
import { DESTINATION_RULE_KINDS } from './private/kinds';

/**
 * CI0205: `spec.workloadSelector` of a DestinationRule selects by an empty label key or with a
 * wildcard (`*`) in a key or value, which Istio's webhook rejects (selectors match labels exactly);
 * or it has no labels at all, which the webhook accepts with a warning. A key or value that is not
 * Kubernetes label syntax matches no pod: a warning (stricter than Istio).
 *
 * @see https://istio.io/latest/docs/reference/config/type/workload-selector/
 */
export const InvalidDestinationRuleWorkloadSelector = defineCheck({
  code: 'CI0205',
  name: 'InvalidDestinationRuleWorkloadSelector',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a DestinationRule workloadSelector with an empty key or a wildcard; a warning when it has no labels or labels no pod can carry',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    const selector = asRecord(object.manifest.spec).workloadSelector;
    if (!isRecord(selector)) return;
    const at = 'spec.workloadSelector.matchLabels';
    const labels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
    const fix = `select the client pods by their exact labels in ${at}, such as app: productpage`;
    if (Object.keys(labels).length === 0) {
      report({
        field: at, value: selector.matchLabels, severity: Severity.WARNING,
        message: 'workload selector has no labels, so the rule applies to every workload in its namespace',
        fix: `give ${at} at least one label, or remove spec.workloadSelector to apply the rule to every client on purpose`,
      });
      return;
    }
    for (const [key, value] of Object.entries(labels)) {
      // key problems on the map (where the CRD's rules for keys are), value problems on the entry
      if (key === '') {
        report({ field: at, value: key, message: 'workload selector has an empty label key', fix });
      } else if (key.includes('*')) {
        report({ field: at, value: key, message: `workload selector key ${formatValue(key)} has a wildcard '*'; selectors match labels exactly`, fix });
      } else if (labelKeyProblem(key)) {
        report({ field: at, value: key, severity: Severity.WARNING, message: `workload selector key ${formatValue(key)} ${labelKeyProblem(key)}, so no pod carries it and the rule applies to no workload (stricter than Istio, which accepts it)`, fix });
      }
      if (typeof value !== 'string') continue; // the CRD schema reports the type
      const field = keyField(at, key);
      if (value.includes('*')) {
        report({ field, value, message: `workload selector value ${formatValue(value)} of ${formatValue(key)} has a wildcard '*'; selectors match labels exactly`, fix });
      } else if (labelValueProblem(value)) {
        report({ field, value, severity: Severity.WARNING, message: `workload selector value ${formatValue(value)} of ${formatValue(key)} ${labelValueProblem(value)}, so no pod carries it and the rule applies to no workload (stricter than Istio, which accepts it)`, fix });
      }
    }
  },
});
