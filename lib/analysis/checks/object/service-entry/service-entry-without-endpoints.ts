import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { serviceEntryView } from './private/service-entry';

/**
 * CI0411: a ServiceEntry with resolution STATIC has neither `endpoints` nor a `workloadSelector`,
 * so nothing gives it endpoints and requests to its hosts fail. Istio accepts it; this check is
 * stricter and warns.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry-Resolution
 */
export const ServiceEntryWithoutEndpoints = defineCheck({
  code: 'CI0411',
  name: 'ServiceEntryWithoutEndpoints',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'a STATIC ServiceEntry has neither endpoints nor a workloadSelector',
  scope: 'object',
  kinds: ['ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const se = serviceEntryView(object.manifest);
    if (se.resolution !== 'STATIC' || se.endpoints.length > 0 || se.hasWorkloadSelector) return;
    report({
      field: 'spec.endpoints', message: 'stricter than Istio: resolution STATIC without endpoints or a workloadSelector gives the service no endpoints, so requests to it fail',
      fix: 'list the IP addresses in spec.endpoints, or select pods and WorkloadEntries with spec.workloadSelector',
    });
  },
});
