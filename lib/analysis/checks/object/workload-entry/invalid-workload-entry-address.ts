import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { addressProblems } from './private/workload-entry';

/**
 * CI0601: a WorkloadEntry's address, as Istio's webhook checks it (`validateWorkloadEntry`): it
 * is required unless `network` is set (then the webhook warns), a `unix://` address must be an
 * absolute path or an abstract socket and carry no ports, and any other address must be an IP
 * address or a DNS name.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/workload-entry/#WorkloadEntry
 */
export const InvalidWorkloadEntryAddress = defineCheck({
  code: 'CI0601',
  name: 'InvalidWorkloadEntryAddress',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a WorkloadEntry has no address (warning with a network), a bad unix socket address, a unix address with ports, or an address that is neither an IP nor a DNS name',
  scope: 'object',
  kinds: ['WorkloadEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const spec = asRecord(object.manifest.spec);
    for (const p of addressProblems(spec, 'spec', { allowFqdn: true, what: 'workload entry' }).problems) report(p);
  },
});
