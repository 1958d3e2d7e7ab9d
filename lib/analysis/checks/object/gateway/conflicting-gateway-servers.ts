import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray } from '../../../manifest/read';
import { eachServer, GATEWAY_KINDS } from './private/servers';
import { isHttpProtocol } from './private/protocol';

/**
 * CI0313: servers of one Gateway that istiod cannot build together: it skips a server on a port
 * (and bind) that an earlier plain-text server already holds unless both are HTTP, skips a
 * server with `tls` whose host an earlier `tls` server on the same port and bind already serves,
 * and warns about two servers with one `name`. Istio's webhook accepts all three; the skipped
 * server silently does nothing, so this check warns.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export const ConflictingGatewayServers = defineCheck({
  code: 'CI0313',
  name: 'ConflictingGatewayServers',
  severity: Severity.WARNING,
  counterpart: 'istiod (gateway merge)',
  catches: 'servers of one Gateway that istiod skips (a port shared with a non-HTTP plain-text server, a TLS host served twice on one port) or with duplicate names',
  scope: 'object',
  kinds: GATEWAY_KINDS,
  evaluate({ object, report }) {
    const names = new Map<string, number>();
    const ports = new Set<unknown>();
    const plainText = new Map<unknown, { protocol?: string; bind: string; index: number }>();
    const tlsHosts = new Map<unknown, Map<string, { bind: string; index: number }>>();
    eachServer(object, ({ server, at, index, port, protocol, tls }) => {
      if (typeof server.name === 'string' && server.name !== '') {
        const earlier = names.get(server.name);
        if (earlier === undefined) {
          names.set(server.name, index);
        } else {
          report({
            field: `${at}.name`, value: server.name,
            message: `server name '${server.name}' is already used by spec.servers[${earlier}]; istiod warns that duplicate names collide in its stats`,
            fix: 'give each server of the Gateway its own name, or remove name',
          });
        }
      }
      if (!port) return;
      const number = port.number;
      const bind = typeof server.bind === 'string' ? server.bind : '';
      if (tls) {
        const known = tlsHosts.get(number) ?? new Map<string, { bind: string; index: number }>();
        tlsHosts.set(number, known);
        const hosts = sanitizedHosts(server.hosts, object.namespace);
        const duplicate = hosts.find((h) => known.get(h)?.bind === bind);
        if (duplicate !== undefined) {
          report({
            field: `${at}.hosts`, value: server.hosts,
            message: `istiod skips this server: host '${duplicate}' is already served with tls on port ${number} by spec.servers[${known.get(duplicate)!.index}] (the webhook accepts it)`,
            fix: 'serve each host once per port: merge the two servers, or move this one to another port',
          });
          return;
        }
        for (const h of hosts) known.set(h, { bind, index });
      }
      const tlsServer = tls !== undefined && !isHttpProtocol(protocol);
      if (!ports.has(number)) {
        ports.add(number);
        if (!tlsServer) plainText.set(number, { protocol, bind, index });
        return;
      }
      const current = plainText.get(number);
      if (current && current.bind === bind && !(isHttpProtocol(current.protocol) && isHttpProtocol(protocol))) {
        report({
          field: `${at}.port.number`, value: number,
          message: `istiod skips this server: port ${number} already has the plain-text ${current.protocol ?? 'unknown-protocol'} server spec.servers[${current.index}], and only HTTP servers can share a port (the webhook accepts it)`,
          fix: 'give this server its own port, or merge its hosts into the earlier server',
        });
        return;
      }
      if (!tlsServer && (!current || current.bind !== bind)) plainText.set(number, { protocol, bind, index });
    });
  },
});

/** Hosts as istiod compares them: `./x` in the Gateway's namespace, `*\/x` as `x`, `*\/*` as `*`. */
function sanitizedHosts(hosts: unknown, namespace: string): string[] {
  const list = asArray(hosts).filter((h): h is string => typeof h === 'string');
  if (list.includes('*/*')) return ['*'];
  return list.map((h) => (h.startsWith('./') ? `${namespace}/${h.slice(2)}` : h.startsWith('*/') ? h.slice(2) : h));
}
