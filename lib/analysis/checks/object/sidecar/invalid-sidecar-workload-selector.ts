import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, eachEntry, isRecord, keyField } from '../../../manifest/read';
import { labelKeyProblem, labelValueProblem } from '../../../values/validate';
import { SIDECAR_KINDS } from './private/listeners';

/**
 * CI0502: a Sidecar `workloadSelector` Istio rejects (an empty label key, or `*` in a key or
 * value: selectors match labels exactly; a value over 63 characters, the CRD's limit) or warns
 * about (no labels: the Sidecar then applies to every workload of the namespace). A label that is
 * not valid Kubernetes label syntax can match no pod; Istio accepts it, so that is a warning
 * (stricter than Istio).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#WorkloadSelector
 */
export const InvalidSidecarWorkloadSelector = defineCheck({
  code: 'CI0502',
  name: 'InvalidSidecarWorkloadSelector',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a Sidecar workloadSelector with an empty key, a wildcard or a value over 63 characters, without labels (a warning), or with labels no pod can carry (a warning)',
  scope: 'object',
  kinds: SIDECAR_KINDS,
  evaluate({ object, report }) {
    const selector = asRecord(object.manifest.spec).workloadSelector;
    if (!isRecord(selector)) return;
    // labels of the wrong type are the CRD schema's (CI0016)
    if (selector.labels !== undefined && selector.labels !== null && !isRecord(selector.labels)) return;
    const labels = asRecord(selector.labels);
    if (Object.keys(labels).length === 0) {
      report({
        field: 'spec.workloadSelector.labels', value: selector.labels, severity: Severity.WARNING,
        message: 'workload selector has no labels, so the Sidecar applies to every workload in the namespace',
        fix: 'give workloadSelector.labels at least one label of the pods, or remove workloadSelector to target the whole namespace on purpose',
      });
      return;
    }
    eachEntry(labels, 'spec.workloadSelector.labels', (key, value, field) => {
      const shown = `${key}=${typeof value === 'string' ? value : formatValue(value)}`;
      if (key === '') {
        report({ field: keyField('spec.workloadSelector.labels', key), value: key, message: `selector label '${shown}' has an empty key`, fix: 'use the label key of the pods, e.g. app' });
        return;
      }
      if (key.includes('*') || (typeof value === 'string' && value.includes('*'))) {
        report({
          field, value: key.includes('*') ? key : value,
          message: `selector label '${shown}' has a wildcard; selectors match labels exactly`,
          fix: 'use the exact label key and value of the pods, e.g. app: reviews',
        });
        return;
      }
      if (typeof value === 'string' && value.length > 63) {
        report({
          field, value,
          message: `selector label '${key}' has a value of ${value.length} characters; the CRD allows at most 63`,
          fix: 'use the label value the pods carry (label values have at most 63 characters)',
        });
        return;
      }
      const problem = labelKeyProblem(key) ? `key ${labelKeyProblem(key)}` : typeof value === 'string' && labelValueProblem(value) ? `value ${labelValueProblem(value)}` : undefined;
      if (problem) {
        report({
          field, value, severity: Severity.WARNING,
          message: `selector label '${shown}' can match no pod: its ${problem} (stricter than Istio, which accepts it)`,
          fix: 'use the label key and value the pods carry, e.g. app: reviews',
        });
      }
    });
  },
});
