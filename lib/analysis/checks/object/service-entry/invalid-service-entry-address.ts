import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { ipSubnetProblem } from '../workload-entry/private/istio-formats';
import { serviceEntryView } from './private/service-entry';

/**
 * CI0402: the addresses (virtual IPs) of a ServiceEntry, as Istio's webhook checks them: each an
 * IP address or a CIDR block, and CIDR blocks only with resolution NONE or STATIC.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry
 */
export const InvalidServiceEntryAddress = defineCheck({
  code: 'CI0402',
  name: 'InvalidServiceEntryAddress',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a ServiceEntry address is not an IP address or CIDR block, or is a CIDR block with a resolution other than NONE or STATIC',
  scope: 'object',
  kinds: ['ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const se = serviceEntryView(object.manifest);
    let cidr: number | undefined;
    se.addresses.forEach((address, i) => {
      if (typeof address !== 'string') return;
      if (cidr === undefined && address.includes('/')) cidr = i;
      const p = ipSubnetProblem(address);
      if (p) {
        report({ field: `spec.addresses[${i}]`, value: address, message: `address ${formatValue(address)} ${p}`, fix: 'use an IP address such as 240.0.0.1 or a CIDR block such as 10.0.0.0/16 in spec.addresses' });
      }
    });
    if (cidr !== undefined && se.resolution !== 'NONE' && se.resolution !== 'STATIC') {
      report({
        field: `spec.addresses[${cidr}]`, value: se.addresses[cidr],
        message: `CIDR address ${formatValue(se.addresses[cidr])} is allowed only with resolution NONE or STATIC, not ${se.resolution}`,
        fix: 'use single IP addresses in spec.addresses, or set resolution to NONE or STATIC',
      });
    }
  },
});
