import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord, eachEntry } from '../../../manifest/read';
import { labelKeyProblem, labelValueProblem } from '../../../values/validate';
import { GATEWAY_KINDS } from './private/servers';

/**
 * CI0312: a Gateway selector label that no pod can carry (not valid Kubernetes label syntax), so
 * the Gateway configures no gateway proxy. Istio does not check the selector; this check is
 * stricter than Istio, so it warns.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Gateway
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
 */
export const InvalidGatewaySelector = defineCheck({
  code: 'CI0312',
  name: 'InvalidGatewaySelector',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'a Gateway selector label key or value that is not valid label syntax, so it selects no gateway pod (stricter than Istio)',
  scope: 'object',
  kinds: GATEWAY_KINDS,
  evaluate({ object, report }) {
    eachEntry(asRecord(object.manifest.spec).selector, 'spec.selector', (key, value, field) => {
      const keyProblem = key === '' ? 'must not be empty' : labelKeyProblem(key);
      if (keyProblem) {
        report({
          field, value: key,
          message: `selector label key '${key}' ${keyProblem}, so no gateway pod can match it (stricter than Istio, which accepts it)`,
          fix: 'use the label key of the gateway pods, e.g. istio (selector: { istio: ingressgateway })',
        });
      }
      if (typeof value !== 'string') return;
      const valueProblem = labelValueProblem(value);
      if (valueProblem) {
        report({
          field, value,
          message: `selector label value '${value}' of '${key}' ${valueProblem}, so no gateway pod can match it (stricter than Istio, which accepts it)`,
          fix: 'use the label value of the gateway pods, e.g. ingressgateway (or ingress for a Helm-installed gateway)',
        });
      }
    });
  },
});
