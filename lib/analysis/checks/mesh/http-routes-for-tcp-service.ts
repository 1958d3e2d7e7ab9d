import { asArray, isRecord } from '../../manifest/read';
import { isWildcard } from '../../model/hosts';
import { gatewaysOf, ModelObject } from '../../model/mesh-model';
import { PortTraffic, protocolPorts, ProtocolPort } from '../../model/protocol';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** `5432 (tcp-db): TCP`, for messages. */
function describePort(p: ProtocolPort): string {
  return `${p.number}${p.name ? ` (${p.name})` : ''}: ${p.protocol}`;
}

/**
 * CI1021: a VirtualService for the sidecars has HTTP routes for a host whose Service (or
 * ServiceEntry) ports are all TCP (warning).
 *
 * Istio applies HTTP routes only on ports it treats as HTTP (HTTP, HTTP2, gRPC, named
 * `http-*`, or with an HTTP `appProtocol`, or sniffed when nothing names the protocol). When
 * every port of the host is declared TCP, TLS, HTTPS, Mongo, MySQL, Redis or UDP, the sidecars
 * send its traffic through TCP proxies and `spec.http` never applies: retries, timeouts, faults
 * and splits written there do nothing. Istio accepts it; a warning (no istioctl or Kiali
 * counterpart). Gateways are not checked (their servers choose the protocol).
 *
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/
 */
export const HttpRoutesForTcpService = defineCheck({
  code: 'CI1021',
  name: 'HttpRoutesForTcpService',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'a sidecar VirtualService has HTTP routes for a host whose ports are all TCP (or TLS, HTTPS, UDP), so they never apply',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const vs of model.virtualServices) {
      if (!asArray(vs.manifest.spec?.http).some(isRecord) || !gatewaysOf(vs).some((g) => g.key === 'mesh')) continue;
      asArray(vs.manifest.spec?.hosts).forEach((host: unknown, i: number) => {
        if (typeof host !== 'string' || host === '' || isWildcard(host)) return;
        const resolved = model.resolveHost(host, vs.namespace);
        const owners: readonly ModelObject[] = resolved.service ? [resolved.service] : resolved.serviceEntries;
        const ports = owners.flatMap(protocolPorts);
        if (ports.length === 0 || ports.some((p) => p.traffic === PortTraffic.HTTP || p.traffic === PortTraffic.SNIFFED)) return;
        const owner = owners.length === 1 ? `${owners[0].kind} '${owners[0].qualifiedName}'` : `ServiceEntries ${owners.map((o) => `'${o.qualifiedName}'`).join(', ')}`;
        report(vs, {
          field: `spec.hosts[${i}]`, value: host,
          message: `host '${host}' is ${owner}, whose ports are all non-HTTP (${ports.map(describePort).join(', ')}); Istio applies HTTP routes only to HTTP ports, so spec.http never applies to this host`,
          fix: `route the host with spec.tcp (or spec.tls) instead of spec.http, or, if it speaks HTTP, name its ports http-<name> or set appProtocol: http on ${owner}`,
        });
      });
    }
  },
});
