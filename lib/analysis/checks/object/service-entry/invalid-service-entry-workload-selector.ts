import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, eachEntry, isRecord } from '../../../manifest/read';
import { labelKeyProblem, labelValueProblem } from '../../../values/validate';
import { serviceEntryView } from './private/service-entry';

/**
 * CI0409: the `workloadSelector` of a ServiceEntry, as Istio's webhook checks it: no empty label
 * key and no `*` in keys or values (errors); no labels at all, or resolution NONE, draw the
 * webhook's warnings. A key or value that is not Kubernetes label syntax can never match a pod or
 * WorkloadEntry: Istio accepts it, this check warns (stricter than Istio).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry
 */
export const InvalidServiceEntryWorkloadSelector = defineCheck({
  code: 'CI0409',
  name: 'InvalidServiceEntryWorkloadSelector',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a ServiceEntry workloadSelector has an empty key or a wildcard, no labels (warning), resolution NONE (warning), or labels that can never match (warning)',
  scope: 'object',
  kinds: ['ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const se = serviceEntryView(object.manifest);
    if (!se.hasWorkloadSelector || !isRecord(se.spec.workloadSelector)) return;
    const labels = asRecord(se.spec.workloadSelector.labels);
    if (Object.keys(labels).length === 0) {
      report({
        field: 'spec.workloadSelector.labels', value: se.spec.workloadSelector.labels, severity: Severity.WARNING,
        message: 'workload selector has no labels, so it selects every workload in the namespace (Istio\'s webhook warns)',
        fix: 'add the labels of the pods or WorkloadEntries to select in spec.workloadSelector.labels, e.g. app: my-vm',
      });
    }
    eachEntry(labels, 'spec.workloadSelector.labels', (key, value, field) => {
      const text = typeof value === 'string' ? value : '';
      if (key === '' || key.includes('*') || text.includes('*')) {
        report({
          field, value: `${key}=${text}`, message: key === '' ? 'selector label key is empty' : `selector label ${formatValue(`${key}=${text}`)} has a wildcard, which selectors do not support`,
          fix: 'select by exact label keys and values, e.g. app: my-vm',
        });
        return;
      }
      if (typeof value !== 'string' || value.length > 63) return; // the CRD schema reports these
      const problem = labelKeyProblem(key) ? `key ${formatValue(key)} ${labelKeyProblem(key)}` : labelValueProblem(value) ? `value ${formatValue(value)} ${labelValueProblem(value)}` : undefined;
      if (problem) {
        report({
          field, value, severity: Severity.WARNING, message: `stricter than Istio: selector label ${problem}, so it can never match a workload's label`,
          fix: 'use the exact label key and value of the pods or WorkloadEntries to select',
        });
      }
    });
    if (se.resolution === 'NONE') {
      report({
        field: 'spec.workloadSelector', value: se.spec.workloadSelector, severity: Severity.WARNING,
        message: `workloadSelector should not be set with resolution ${se.spec.resolution === undefined ? 'NONE (the default)' : 'NONE'} (Istio's webhook warns): NONE forwards to the address the client connected to`,
        fix: 'set resolution to STATIC to send traffic to the selected workloads, or remove spec.workloadSelector',
      });
    }
  },
});
