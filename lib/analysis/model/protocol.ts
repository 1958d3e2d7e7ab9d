/**
 * The protocol Istio gives a port, as istiod derives it (`pkg/config/kube/conversion.go`
 * `ConvertProtocol`, `pkg/config/protocol`): from a Service port's `appProtocol`, else the prefix
 * of its name; from a ServiceEntry port's `protocol`.
 */
import { ManifestObject } from '../manifest-object';
import { asArray, isRecord } from '../manifest/read';

/**
 * How Istio treats the traffic of a port.
 *
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/
 */
export enum PortTraffic {
  /** HTTP, HTTP2, gRPC, gRPC-Web, HTTP_PROXY: HTTP routes apply. */
  HTTP = 'http',
  /** TCP, TLS, HTTPS (TLS from the client), Mongo, MySQL, Redis: only TCP and TLS routes apply. */
  TCP = 'tcp',
  /** UDP: Istio does not proxy it. */
  UDP = 'udp',
  /** No protocol Istio knows: it sniffs the protocol, so HTTP routes may apply. */
  SNIFFED = 'sniffed',
}

/**
 * A port of a Service or ServiceEntry with the protocol Istio gives it.
 *
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/
 */
export interface ProtocolPort {
  /** The port number. */
  readonly number: number;
  /**
   * The port name.
   * @default - unnamed
   */
  readonly name?: string;
  /** The protocol as Istio names it (`HTTP`, `TCP`, `GRPC-Web`), or `unknown` when it sniffs. */
  readonly protocol: string;
  /** How Istio treats its traffic. */
  readonly traffic: PortTraffic;
}

// no prototype: a name such as 'constructor' or 'toString' is no protocol
const PROTOCOLS: Readonly<Record<string, [string, PortTraffic]>> = Object.assign(Object.create(null), {
  'http': ['HTTP', PortTraffic.HTTP],
  'http2': ['HTTP2', PortTraffic.HTTP],
  'http_proxy': ['HTTP_PROXY', PortTraffic.HTTP],
  'grpc': ['GRPC', PortTraffic.HTTP],
  'grpc-web': ['GRPC-Web', PortTraffic.HTTP],
  'https': ['HTTPS', PortTraffic.TCP],
  'tcp': ['TCP', PortTraffic.TCP],
  'tls': ['TLS', PortTraffic.TCP],
  'mongo': ['Mongo', PortTraffic.TCP],
  'mysql': ['MySQL', PortTraffic.TCP],
  'redis': ['Redis', PortTraffic.TCP],
  'udp': ['UDP', PortTraffic.UDP],
});

/** Ports Istio takes as TCP when nothing names their protocol: SMTP, DNS, MySQL, MongoDB. */
const WELL_KNOWN_TCP_PORTS = new Set([25, 53, 3306, 27017]);

/** The appProtocol values Kubernetes standardises. */
// no prototype: a name such as 'constructor' or 'toString' is no protocol
const KUBERNETES_APP_PROTOCOLS: Readonly<Record<string, [string, PortTraffic]>> = Object.assign(Object.create(null), {
  'kubernetes.io/h2c': ['HTTP2', PortTraffic.HTTP],
  'kubernetes.io/ws': ['HTTP', PortTraffic.HTTP],
  'kubernetes.io/wss': ['HTTPS', PortTraffic.TCP],
});

/**
 * The protocol Istio gives a Service port: UDP for `protocol: UDP`, else the `appProtocol` (or
 * the name) parsed up to its first `-` (`grpc-web` whole), case-insensitive; a port of 25, 53,
 * 3306 or 27017 without a known protocol is TCP; anything else is sniffed.
 *
 * @example
 * servicePortProtocol({ name: 'tcp-db', port: 5432 });           // { protocol: 'TCP', traffic: 'tcp' }
 * servicePortProtocol({ name: 'web', port: 80 });                 // { protocol: 'unknown', traffic: 'sniffed' }
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/
 */
export function servicePortProtocol(port: Record<string, any>): { protocol: string; traffic: PortTraffic } {
  if (port.protocol === 'UDP') return { protocol: 'UDP', traffic: PortTraffic.UDP };
  let name = typeof port.appProtocol === 'string' ? port.appProtocol : typeof port.name === 'string' ? port.name : '';
  const standard = KUBERNETES_APP_PROTOCOLS[name];
  if (standard) return { protocol: standard[0], traffic: standard[1] };
  name = name.toLowerCase();
  const known = name.startsWith('grpc-web') ? PROTOCOLS['grpc-web'] : PROTOCOLS[name.split('-')[0]];
  if (known) return { protocol: known[0], traffic: known[1] };
  if (WELL_KNOWN_TCP_PORTS.has(Number(port.port))) return { protocol: 'TCP', traffic: PortTraffic.TCP };
  return { protocol: 'unknown', traffic: PortTraffic.SNIFFED };
}

/**
 * The ports of a Service or ServiceEntry with the protocol Istio gives each (a ServiceEntry port
 * without `protocol` is sniffed).
 *
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/
 */
export function protocolPorts(object: ManifestObject): ProtocolPort[] {
  const isService = object.groupKind === 'Service';
  return asArray(object.manifest.spec?.ports).filter(isRecord).map((p) => {
    const name = typeof p.name === 'string' ? p.name : undefined;
    if (isService) return { number: Number(p.port), name, ...servicePortProtocol(p) };
    const known = typeof p.protocol === 'string' ? PROTOCOLS[p.protocol.toLowerCase()] : undefined;
    return known ? { number: Number(p.number), name, protocol: known[0], traffic: known[1] }
      : { number: Number(p.number), name, protocol: 'unknown', traffic: PortTraffic.SNIFFED };
  });
}
