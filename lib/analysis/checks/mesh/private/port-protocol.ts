import { asRecord } from '../../../manifest/read';
import { ManifestObject } from '../../../manifest-object';
import { IGNORED_NAMESPACES, isIstioControlPlane } from '../../../model/injection';

/** Protocols Istio reads from a port name prefix or appProtocol (case-insensitive). */
export const PROTOCOL_PREFIXES = ['grpc', 'grpc-web', 'http', 'http2', 'https', 'http_proxy', 'mongo', 'mysql', 'redis', 'tcp', 'tls', 'udp'];

/** Ports Istio treats as TCP whatever their name: SMTP, DNS, MySQL and MongoDB (never sniffed). */
const WELL_KNOWN_TCP_PORTS = new Set([25, 53, 3306, 27017]);

/** The appProtocol values Kubernetes defines. */
const KUBERNETES_APP_PROTOCOLS: Readonly<Record<string, string>> = { 'kubernetes.io/h2c': 'HTTP2', 'kubernetes.io/ws': 'HTTP', 'kubernetes.io/wss': 'HTTPS' };

/**
 * The protocol Istio gives a Service port (`ConvertProtocol`): UDP for UDP ports, else the
 * `appProtocol` or, without one, the port name, read as `<protocol>[-<suffix>]`; TCP for the
 * well-known server-first ports; `undefined` when the name tells nothing (Istio sniffs).
 */
export function serviceProtocol(port: any): string | undefined {
  if (port?.protocol === 'UDP') return 'UDP';
  let name: string = typeof port?.appProtocol === 'string' ? port.appProtocol : typeof port?.name === 'string' ? port.name : '';
  if (typeof port?.appProtocol === 'string' && KUBERNETES_APP_PROTOCOLS[name]) return KUBERNETES_APP_PROTOCOLS[name];
  if (name.toLowerCase().startsWith('grpc-web')) return 'GRPC-WEB';
  const dash = name.indexOf('-');
  if (dash >= 0) name = name.slice(0, dash);
  const lower = name.toLowerCase();
  if (PROTOCOL_PREFIXES.includes(lower)) return lower.toUpperCase();
  return WELL_KNOWN_TCP_PORTS.has(Number(port?.port)) ? 'TCP' : undefined;
}

/** The label of the Services Istio's gateway controllers create (not written by users). */
const GATEWAY_MANAGED = 'gateway.istio.io/managed';
const MANAGED_VALUES = ['istio.io-gateway-controller', 'istio.io-mesh-controller', 'istio.io-eastwest-controller'];

/**
 * Why istioctl does not check a Service's port names, or `undefined`: a Kubernetes system
 * namespace (istioctl leaves them out), Istio's control plane (an `istio` label, or
 * `release: istio`), or a Service Istio's gateway controller manages.
 */
export function portNamesExempt(service: ManifestObject): string | undefined {
  if (IGNORED_NAMESPACES.has(service.namespace)) return `namespace '${service.namespace}' is a Kubernetes system namespace`;
  if (isIstioControlPlane(service)) return 'it is part of Istio\'s control plane';
  if (MANAGED_VALUES.includes(asRecord(service.manifest.metadata?.labels)[GATEWAY_MANAGED])) return 'Istio\'s gateway controller manages it';
  return undefined;
}
