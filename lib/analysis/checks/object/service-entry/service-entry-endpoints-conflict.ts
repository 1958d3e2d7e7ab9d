import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { serviceEntryView } from './private/service-entry';

/**
 * CI0407: the endpoints of a ServiceEntry do not fit its other fields, as Istio's webhook checks
 * it: `endpoints` together with a `workloadSelector`, endpoints with resolution NONE (the
 * default), or more than one endpoint with resolution DNS_ROUND_ROBIN.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry-Resolution
 */
export const ServiceEntryEndpointsConflict = defineCheck({
  code: 'CI0407',
  name: 'ServiceEntryEndpointsConflict',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a ServiceEntry has both endpoints and a workloadSelector, endpoints with resolution NONE, or several endpoints with DNS_ROUND_ROBIN',
  scope: 'object',
  kinds: ['ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const se = serviceEntryView(object.manifest);
    const n = se.endpoints.length;
    if (n === 0) return;
    if (se.hasWorkloadSelector) {
      report({
        field: 'spec.workloadSelector', value: se.spec.workloadSelector, message: 'a service entry cannot have both endpoints and a workloadSelector',
        fix: 'keep either spec.endpoints (fixed addresses) or spec.workloadSelector (pods and WorkloadEntries by label)',
      });
    }
    if (se.resolution === 'NONE') {
      report({
        field: 'spec.endpoints', value: n, message: `resolution ${se.spec.resolution === undefined ? 'NONE (the default)' : 'NONE'} cannot have endpoints`,
        fix: 'set resolution to STATIC (IP endpoints) or DNS (DNS-name endpoints), or remove spec.endpoints',
      });
    }
    if (se.resolution === 'DNS_ROUND_ROBIN' && n > 1) {
      report({ field: 'spec.endpoints', value: n, message: `resolution DNS_ROUND_ROBIN allows at most one endpoint, got ${n}`, fix: 'set resolution to DNS for several endpoints, or keep one endpoint' });
    }
  },
});
