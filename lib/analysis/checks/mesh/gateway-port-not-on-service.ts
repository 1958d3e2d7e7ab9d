import { asArray, isRecord } from '../../manifest/read';
import { formatLabels } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { gatewaySelector, GatewayWorkloads } from './private/gateway-workloads';

/**
 * CI1041: a Gateway server listens on a port that no Service in front of its gateway workloads
 * exposes, so clients cannot reach that server through the gateway's Service (a warning, as
 * istioctl IST0162 GatewayPortNotDefinedOnService).
 *
 * The gateway workloads are the pods (of every workload kind) the Gateway's selector picks in any
 * namespace, and the installed gateways declared in `external.installedGateways`. A server port
 * is reachable when a TCP port of a Service that selects those pods is that port or forwards to
 * it (`targetPort`, a name resolved through the pod's container ports), as istioctl accepts
 * either. When the selector picks none of the known workloads, the check does not judge (CI1040
 * reports it when the installation is declared): Istio's ingress gateway is usually installed
 * apart from the app, and its Service ports are then unknown. Servers without a port are CI0304's.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0162/
 */
export const GatewayPortNotOnService = defineCheck({
  code: 'CI1041',
  name: 'GatewayPortNotOnService',
  severity: Severity.WARNING,
  counterpart: 'IST0162 GatewayPortNotDefinedOnService',
  catches: 'a Gateway server listens on a port that no Service in front of its gateway workloads exposes',
  scope: 'mesh',
  evaluate({ model, report }) {
    if (model.gateways.length === 0) return;
    const workloads = new GatewayWorkloads(model);
    for (const gateway of model.gateways) {
      const selector = gatewaySelector(gateway);
      if (!selector) continue;
      const selected = workloads.select(selector);
      if (selected.length === 0) continue;
      const reach = workloads.reach(selected);
      asArray(gateway.manifest.spec?.servers).forEach((server: unknown, i: number) => {
        const port = isRecord(server) && isRecord(server.port) ? server.port.number : undefined;
        if (typeof port !== 'number' || reach?.ports.has(port)) return;
        const shown = selected.slice(0, 3).map((w) => w.label).join(', ') + (selected.length > 3 ? ' and more' : '');
        report(gateway, {
          field: `spec.servers[${i}].port.number`,
          value: port,
          message: `Gateway '${gateway.qualifiedName}' listens on port ${port} of the workloads its selector ${formatLabels(selector)} picks (${shown}), `
            + (reach ? `but no Service in front of them exposes it (${reach.services.join('; ')})` : 'but no Service selects them')
            + ', so the server cannot be reached through the gateway\'s Service',
          fix: `add port ${port} (or a port with targetPort ${port}) to the gateway workload's Service, or use a port the Service exposes in spec.servers[${i}].port.number`,
        });
      });
    }
  },
});
