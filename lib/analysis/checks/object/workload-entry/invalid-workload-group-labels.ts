import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { labelProblems } from './private/workload-entry';

/**
 * CI0605: a label in a WorkloadGroup's `spec.metadata.labels` (the labels its auto-registered
 * WorkloadEntries get) has a key or value Istio's webhook rejects.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/workload-group/#ObjectMeta
 */
export const InvalidWorkloadGroupLabels = defineCheck({
  code: 'CI0605',
  name: 'InvalidWorkloadGroupLabels',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a WorkloadGroup metadata label key or value is not valid label syntax',
  scope: 'object',
  kinds: ['WorkloadGroup.networking.istio.io'],
  evaluate({ object, report }) {
    const metadata = asRecord(asRecord(object.manifest.spec).metadata);
    for (const p of labelProblems(metadata.labels, 'spec.metadata.labels')) report(p);
  },
});
