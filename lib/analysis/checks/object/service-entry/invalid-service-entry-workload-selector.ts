import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { isRecord } from '../../../manifest/read';
import { serviceEntryView } from './private/service-entry';

/**
 * CI0409: a ServiceEntry `workloadSelector` together with resolution NONE (the default), which
 * Istio's webhook warns about: NONE forwards to the address the client connected to, so the
 * selected workloads are never used. The selector's labels themselves are checked for every kind
 * by CI0024 (InvalidWorkloadSelector).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry
 */
export const ServiceEntrySelectorIgnored = defineCheck({
  code: 'CI0409',
  name: 'ServiceEntrySelectorIgnored',
  severity: Severity.WARNING,
  counterpart: 'webhook',
  catches: 'a ServiceEntry workloadSelector with resolution NONE, where Istio ignores the selected workloads',
  scope: 'object',
  kinds: ['ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const se = serviceEntryView(object.manifest);
    if (!se.hasWorkloadSelector || !isRecord(se.spec.workloadSelector) || se.resolution !== 'NONE') return;
    report({
      field: 'spec.workloadSelector', value: se.spec.workloadSelector,
      message: `workloadSelector should not be set with resolution ${se.spec.resolution === undefined ? 'NONE (the default)' : 'NONE'} (Istio's webhook warns): NONE forwards to the address the client connected to`,
      fix: 'set resolution to STATIC to send traffic to the selected workloads, or remove spec.workloadSelector',
    });
  },
});
