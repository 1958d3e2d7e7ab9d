import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { labelProblems } from './private/workload-entry';

/**
 * CI0603: a label of a WorkloadEntry (`spec.labels`, what selectors and subsets match) has a key
 * or value Istio's webhook rejects (`labels.Instance.Validate`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/workload-entry/#WorkloadEntry
 */
export const InvalidWorkloadEntryLabels = defineCheck({
  code: 'CI0603',
  name: 'InvalidWorkloadEntryLabels',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a WorkloadEntry label key or value is not valid label syntax',
  scope: 'object',
  kinds: ['WorkloadEntry.networking.istio.io'],
  evaluate({ object, report }) {
    for (const p of labelProblems(asRecord(object.manifest.spec).labels, 'spec.labels')) report(p);
  },
});
