import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';

/**
 * CI0604: a WorkloadGroup has no `template`, the WorkloadEntry every auto-registered VM gets;
 * Istio's webhook (and the CRD) require it, even empty (`template: {}`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/workload-group/#WorkloadGroup
 */
export const MissingWorkloadGroupTemplate = defineCheck({
  code: 'CI0604',
  name: 'MissingWorkloadGroupTemplate',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a WorkloadGroup has no template',
  scope: 'object',
  kinds: ['WorkloadGroup.networking.istio.io'],
  evaluate({ object, report }) {
    const template = asRecord(object.manifest.spec).template;
    if (template === undefined || template === null) {
      report({
        field: 'spec.template', value: template, message: 'workload group has no template',
        fix: 'set spec.template to the WorkloadEntry fields its VMs share (serviceAccount, labels, ports, network), or to {}',
      });
    }
  },
});
