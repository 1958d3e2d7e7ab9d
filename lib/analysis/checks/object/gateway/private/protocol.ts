/**
 * Port protocols as Istio parses them (pkg/config/protocol): case-insensitive names; anything
 * else is unsupported. Shared by the Gateway and Sidecar checks.
 */

// no prototype: a name such as 'constructor' or 'toString' is no protocol
const PROTOCOLS: Readonly<Record<string, string>> = Object.assign(Object.create(null), {
  'tcp': 'TCP', 'udp': 'UDP', 'grpc': 'GRPC', 'grpc-web': 'GRPC-Web', 'http': 'HTTP', 'http_proxy': 'HTTP_PROXY', 'http2': 'HTTP2',
  'https': 'HTTPS', 'tls': 'TLS', 'mongo': 'Mongo', 'redis': 'Redis', 'mysql': 'MySQL',
});

const HTTP = new Set(['HTTP', 'HTTP2', 'HTTP_PROXY', 'GRPC', 'GRPC-Web']);

/** The protocols Istio accepts on a port, for messages. */
export const SUPPORTED_PROTOCOLS = 'HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, HTTP_PROXY, TCP, TLS, MONGO, REDIS, MYSQL or UDP (any case)';

/** The protocol Istio reads from `value`, or `undefined` when Istio does not support it (`protocol.Parse`). */
export function parseProtocol(value: unknown): string | undefined {
  return typeof value === 'string' ? PROTOCOLS[value.toLowerCase()] : undefined;
}

/** Whether the protocol carries HTTP (`IsHTTP`): HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-Web. */
export function isHttpProtocol(protocol: string | undefined): boolean {
  return protocol !== undefined && HTTP.has(protocol);
}

/** Whether the protocol runs over TLS (`IsTLS`): HTTPS and TLS. */
export function isTlsProtocol(protocol: string | undefined): boolean {
  return protocol === 'HTTPS' || protocol === 'TLS';
}
