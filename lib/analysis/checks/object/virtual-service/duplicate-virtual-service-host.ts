import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { hostsMatch } from '../../../model/hosts';
import { vsHostProblem } from './private/hosts';
import { VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0102: two hosts of one VirtualService are the same, or one is covered by a wildcard of the
 * other (`*.example.com` and `a.example.com`, `*.com` and `*.foo.com`), which Istio's webhook rejects
 * ("duplicate hosts in virtual service"). Like Istio, it compares only when every host is valid.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export const DuplicateVirtualServiceHost = defineCheck({
  code: 'CI0102',
  name: 'DuplicateVirtualServiceHost',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a VirtualService lists a host twice, or a host that a wildcard host of it already covers',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const ctx = vsContext(object.manifest);
    const hosts: unknown[] = Array.isArray(ctx.spec.hosts) ? ctx.spec.hosts : [];
    if (hosts.some((h) => typeof h !== 'string' || vsHostProblem(ctx, h))) return;
    for (let j = 1; j < hosts.length; j++) {
      for (let i = 0; i < j; i++) {
        if (!hostsMatch(hosts[i] as string, hosts[j] as string)) continue;
        report({
          field: `spec.hosts[${j}]`, value: hosts[j],
          message: `host ${formatValue(hosts[j])} duplicates or overlaps host ${formatValue(hosts[i])} (spec.hosts[${i}])`,
          fix: 'list each host once in spec.hosts, and leave out hosts that a wildcard host already covers',
        });
        break;
      }
    }
  },
});
