import { InvalidGatewayServerPort } from '../../../../../lib/analysis/checks/object/gateway/invalid-gateway-server-port';
import { findings, manifest, server, summary, VERSIONS } from './helpers';

const withPort = (port: unknown, extra: Record<string, unknown> = {}) => manifest('Gateway', { servers: [server({ port, ...extra })] });

describe('CI0304 InvalidGatewayServerPort', () => {
  test.each([
    ['HTTP on 80', { number: 80, name: 'http', protocol: 'HTTP' }, {}],
    ['a lowercase protocol', { number: 80, name: 'http', protocol: 'http' }, {}],
    ['an uppercase port name (Istio only needs one)', { number: 8080, name: 'Henry', protocol: 'HTTP' }, {}],
    ['every protocol Istio parses', { number: 1, name: 'p', protocol: 'grpc-web' }, {}],
    ['port 0 on a unix socket', { number: 0, name: 'uds', protocol: 'HTTP' }, { bind: 'unix:///var/run/gw.sock' }],
    ['UDP', { number: 53, name: 'dns', protocol: 'UDP' }, {}],
  ])('accepts %s', (_, port, extra) => {
    expect(findings(InvalidGatewayServerPort, withPort(port, extra))).toEqual([]);
  });

  test.each([
    ['no port', undefined, ['spec.servers[0].port error']],
    ['port 0', { number: 0, name: 'http', protocol: 'HTTP' }, ['spec.servers[0].port.number error']],
    ['port 70000', { number: 70000, name: 'http', protocol: 'HTTP' }, ['spec.servers[0].port.number error']],
    ['no number', { name: 'http', protocol: 'HTTP' }, ['spec.servers[0].port.number error']],
    ['an unknown protocol', { number: 80, name: 'http', protocol: 'QUIC' }, ['spec.servers[0].port.protocol error']],
    ['no protocol', { number: 80, name: 'http' }, ['spec.servers[0].port.protocol error']],
    ['a protocol named like a JavaScript object property', { number: 80, name: 'http', protocol: 'constructor' }, ['spec.servers[0].port.protocol error']],
    ['no name', { number: 80, protocol: 'HTTP' }, ['spec.servers[0].port.name error']],
    ['an empty name', { number: 80, name: '', protocol: 'HTTP' }, ['spec.servers[0].port.name error']],
    ['a targetPort', { number: 80, name: 'http', protocol: 'HTTP', targetPort: 8080 }, ['spec.servers[0].port.targetPort error']],
  ])('fails for %s', (_, port, expected) => {
    expect(summary(InvalidGatewayServerPort, withPort(port))).toEqual(expected);
  });

  test.each(VERSIONS)('names the value and the supported protocols (%s)', (apiVersion) => {
    const [f] = findings(InvalidGatewayServerPort, manifest('Gateway', { servers: [server({ port: { number: 80, name: 'h', protocol: 'QUIC' } })] }, { apiVersion }));
    expect(f.message).toMatch(/^server port protocol 'QUIC' is not supported; use HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, HTTP_PROXY, TCP, TLS, MONGO, REDIS, MYSQL or UDP/);
    expect(f.fix).toBe('set port.protocol to HTTP, HTTPS, HTTP2, GRPC, TCP, TLS or another supported protocol');
  });
});
