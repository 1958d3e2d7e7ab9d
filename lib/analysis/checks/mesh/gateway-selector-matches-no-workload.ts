import { formatLabels } from '../../model/mesh-model';
import { labelKeyProblem, labelValueProblem } from '../../values/validate';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { gatewaySelector, GatewayWorkloads } from './private/gateway-workloads';

/**
 * CI1040: a Gateway's selector picks no gateway workload, so no proxy serves its servers (an
 * error, as istioctl IST0101 ReferencedResourceNotFound; Kiali KIA0302 warns).
 *
 * A Gateway selects gateway pods by label in every namespace (Istio's default,
 * `PILOT_SCOPE_GATEWAY_TO_NAMESPACE` off). The check needs to know the installation: Istio's
 * ingress gateway is usually installed apart from the app, with labels the app does not show.
 * So it judges only when the installation is declared (`external.installedGateways`, the `check`
 * command's `--istio-default-gateways`, `ISTIO_DEFAULT_GATEWAYS` for what `istioctl analyze`
 * assumes): then the input's pods (of every workload kind) and the declared gateways are all the
 * gateway workloads there are. Without the declaration (the default, and a cdk8s app's case) a
 * Gateway that selects no pod of the input is not reported: a valid app never fails on it.
 * Gateways without selector (every gateway workload) and selectors with a label Istio rejects
 * (CI0024) are not judged.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Gateway
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0101/
 */
export const GatewaySelectorMatchesNoWorkload = defineCheck({
  code: 'CI1040',
  name: 'GatewaySelectorMatchesNoWorkload',
  severity: Severity.ERROR,
  counterpart: 'IST0101 ReferencedResourceNotFound (Gateway selector) / KIA0302',
  catches: 'a Gateway\'s selector picks no gateway workload of the input or of the declared installation',
  scope: 'mesh',
  evaluate({ model, report }) {
    if (model.installedGateways === undefined || model.gateways.length === 0) return;
    const workloads = new GatewayWorkloads(model);
    for (const gateway of model.gateways) {
      const selector = gatewaySelector(gateway);
      if (!selector) continue;
      if (Object.entries(selector).some(([k, v]) => labelKeyProblem(k) || labelValueProblem(v))) continue;
      if (workloads.select(selector).length > 0) continue;
      const installed = model.installedGateways.map((g) => `${g.namespace}/${g.name} ${formatLabels(g.labels)}`);
      report(gateway, {
        field: 'spec.selector',
        value: selector,
        message: `Gateway '${gateway.qualifiedName}' selector ${formatLabels(selector)} picks no gateway workload: no pod of the input carries these labels, `
          + `nor does an installed gateway (${installed.length > 0 ? installed.join(', ') : 'none declared'}), so no proxy serves its servers`,
        fix: 'set spec.selector to the pod labels of a gateway deployment (istio: ingressgateway for Istio\'s default ingress gateway), '
          + 'or declare the gateway installed outside the input (external.installedGateways)',
      });
    }
  },
});
