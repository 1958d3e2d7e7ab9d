import { asArray } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** Protocols Istio reads from a port name prefix (case-insensitive); `grpc-web` parses as `grpc`. */
const PROTOCOLS = ['grpc', 'grpc-web', 'http', 'http2', 'https', 'http_proxy', 'mongo', 'mysql', 'redis', 'tcp', 'tls', 'udp'];

/**
 * Whether a Service port name tells Istio its protocol: `<protocol>` or `<protocol>-<suffix>`.
 *
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/#explicit-protocol-selection
 */
export function isProtocolPortName(name: string): boolean {
  const lower = name.toLowerCase();
  return PROTOCOLS.some((p) => lower === p || lower.startsWith(`${p}-`));
}

/**
 * CI1011: a Service port name does not follow Istio's `<protocol>[-<suffix>]` naming and the port
 * has no `appProtocol` (warning).
 *
 * Istio then falls back to protocol sniffing (or plain TCP for server-first protocols), so HTTP
 * routing, retries and metrics may not apply (istioctl IST0118, Kiali KIA0601). UDP and SCTP
 * ports and `kube-system` are skipped.
 *
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/
 */
export const PortNameNotProtocol = defineCheck({
  code: 'CI1011',
  name: 'PortNameNotProtocol',
  severity: Severity.WARNING,
  counterpart: 'IST0118 PortNameIsNotUnderNamingConvention / KIA0601',
  catches: 'a Service port name does not follow Istio protocol naming (`<protocol>[-suffix]`) and has no appProtocol',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const svc of model.services) {
      if (svc.namespace === 'kube-system') continue;
      asArray(svc.manifest.spec?.ports).forEach((port: any, i: number) => {
        if (!port || port.appProtocol) return;
        if (port.protocol === 'UDP' || port.protocol === 'SCTP') return;
        const name = port.name;
        if (typeof name === 'string' && isProtocolPortName(name)) return;
        const shown = typeof name === 'string' ? `'${name}'` : '(unnamed)';
        report(svc, { field: `spec.ports[${i}].name`, value: name, message: `port ${port.port} name ${shown} does not tell Istio its protocol; expected <protocol>[-<suffix>] with protocol one of ${PROTOCOLS.join(', ')}`, fix: `name the port like 'http' or 'http-${typeof name === 'string' && name ? name : 'web'}', or set appProtocol` });
      });
    }
  },
});
