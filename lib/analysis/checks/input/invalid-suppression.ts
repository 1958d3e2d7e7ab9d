import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1016: a suppression that is not applied: it has no reason, names an unknown check or CI1016
 * itself, or tries to hide an error that Istio rejects at apply time (an error of an object
 * check: suppressing it would only move the failure to the cluster).
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export const InvalidSuppression = defineCheck({
  code: 'CI1016',
  name: 'InvalidSuppression',
  severity: Severity.ERROR,
  counterpart: 'none',
  catches: 'a suppression without a reason, of an unknown check or of CI1016, or of an error Istio rejects at apply time',
  scope: 'input',
});
