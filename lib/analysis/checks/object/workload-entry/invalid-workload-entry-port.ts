import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { portProblems } from './private/workload-entry';

/**
 * CI0602: a port of a WorkloadEntry (`spec.ports`, keyed by the port names of the services that
 * select it) is not a DNS-1123 label or not in 1-65535, as Istio's webhook checks it.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/workload-entry/#WorkloadEntry
 */
export const InvalidWorkloadEntryPort = defineCheck({
  code: 'CI0602',
  name: 'InvalidWorkloadEntryPort',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a WorkloadEntry port name is not a DNS-1123 label, or its number is outside 1-65535',
  scope: 'object',
  kinds: ['WorkloadEntry.networking.istio.io'],
  evaluate({ object, report }) {
    for (const p of portProblems(asRecord(object.manifest.spec), 'spec')) report(p);
  },
});
