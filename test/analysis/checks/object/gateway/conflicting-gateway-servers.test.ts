import { ConflictingGatewayServers } from '../../../../../lib/analysis/checks/object/gateway/conflicting-gateway-servers';
import { findings, manifest, summary, VERSIONS } from './helpers';

const srv = (number: number, protocol: string, hosts: string[], extra: Record<string, unknown> = {}) =>
  ({ port: { number, name: `${protocol.toLowerCase()}-${number}-${hosts[0]}`, protocol }, hosts, ...extra });
const SIMPLE = { tls: { mode: 'SIMPLE', credentialName: 'c' } };

describe('CI0313 ConflictingGatewayServers', () => {
  test.each([
    ['HTTP servers sharing a port', [srv(80, 'HTTP', ['a.example.com']), srv(80, 'HTTP2', ['b.example.com'])]],
    ['HTTPS servers with different hosts on 443', [srv(443, 'HTTPS', ['a.example.com'], SIMPLE), srv(443, 'HTTPS', ['b.example.com'], SIMPLE)]],
    ['an HTTPS server, then an HTTP server on its port', [srv(443, 'HTTPS', ['a.example.com'], SIMPLE), srv(443, 'HTTP', ['b.example.com'])]],
    ['TCP servers on one port with different binds', [srv(31400, 'TCP', ['*'], { bind: '10.0.0.1' }), srv(31400, 'TCP', ['*'], { bind: '10.0.0.2' })]],
    ['one TLS host on two ports', [srv(443, 'TLS', ['a.example.com'], { tls: { mode: 'PASSTHROUGH' } }), srv(8443, 'TLS', ['a.example.com'], { tls: { mode: 'PASSTHROUGH' } })]],
    ['distinct server names', [srv(80, 'HTTP', ['a.example.com'], { name: 'a' }), srv(81, 'HTTP', ['b.example.com'], { name: 'b' })]],
  ])('accepts %s', (_, servers) => {
    expect(findings(ConflictingGatewayServers, manifest('Gateway', { servers }))).toEqual([]);
  });

  test.each([
    ['TCP after HTTP on one port', [srv(80, 'HTTP', ['a.example.com']), srv(80, 'TCP', ['*'])], ['spec.servers[1].port.number warning']],
    ['two TCP servers on one port', [srv(31400, 'TCP', ['a.example.com']), srv(31400, 'TCP', ['b.example.com'])], ['spec.servers[1].port.number warning']],
    ['HTTPS after HTTP on one port', [srv(80, 'HTTP', ['a.example.com']), srv(80, 'HTTPS', ['b.example.com'], SIMPLE)], ['spec.servers[1].port.number warning']],
    ['one TLS host twice on 443', [srv(443, 'HTTPS', ['a.example.com'], SIMPLE), srv(443, 'HTTPS', ['a.example.com'], SIMPLE)], ['spec.servers[1].hosts warning']],
    ['one TLS host twice, written ./ and with the namespace', [srv(443, 'TLS', ['./a.example.com'], SIMPLE), srv(443, 'TLS', ['shop/a.example.com'], SIMPLE)], ['spec.servers[1].hosts warning']],
    ['two servers named web', [srv(80, 'HTTP', ['a.example.com'], { name: 'web' }), srv(81, 'HTTP', ['b.example.com'], { name: 'web' })], ['spec.servers[1].name warning']],
  ])('warns for %s', (_, servers, expected) => {
    expect(summary(ConflictingGatewayServers, manifest('Gateway', { servers }))).toEqual(expected);
  });

  test.each(VERSIONS)('says istiod skips the server and the webhook accepts it (%s)', (apiVersion) => {
    const object = manifest('Gateway', { servers: [srv(80, 'HTTP', ['a.example.com']), srv(80, 'TCP', ['*'])] }, { apiVersion });
    const [f] = findings(ConflictingGatewayServers, object);
    expect(f.message).toBe('istiod skips this server: port 80 already has the plain-text HTTP server spec.servers[0], and only HTTP servers can share a port (the webhook accepts it)');
    expect(f.fix).toBe('give this server its own port, or merge its hosts into the earlier server');
  });
});
