import { InvalidGatewayServerBind } from '../../../../../lib/analysis/checks/object/gateway/invalid-gateway-server-bind';
import { findings, manifest, server, summary, VERSIONS } from './helpers';

const bound = (bind: unknown, number = 80) => manifest('Gateway', { servers: [server({ bind, port: { number, name: 'http', protocol: 'HTTP' } })] });

describe('CI0306 InvalidGatewayServerBind', () => {
  test.each([
    ['no bind', undefined, 80], ['an IPv4 address', '10.0.0.1', 80], ['an IPv6 address', '::1', 80], ['0.0.0.0', '0.0.0.0', 80],
    ['a unix socket path with port 0', 'unix:///var/run/gw.sock', 0], ['an abstract socket with port 0', 'unix://@gateway', 0],
  ])('accepts %s', (_, bind, number) => {
    expect(findings(InvalidGatewayServerBind, bound(bind, number))).toEqual([]);
  });

  test.each([
    ['a host name', 'localhost', 80, ['spec.servers[0].bind error']],
    ['a CIDR', '10.0.0.0/8', 80, ['spec.servers[0].bind error']],
    ['a unix socket with port 8080', 'unix:///var/run/gw.sock', 8080, ['spec.servers[0].port.number error']],
    ['a relative unix path', 'unix://gw.sock', 0, ['spec.servers[0].bind error']],
    ['a unix directory', 'unix:///var/run/', 0, ['spec.servers[0].bind error']],
  ])('fails for %s', (_, bind, number, expected) => {
    expect(summary(InvalidGatewayServerBind, bound(bind, number))).toEqual(expected);
  });

  test.each(VERSIONS)('names the bind and the port number (%s)', (apiVersion) => {
    const object = manifest('Gateway', { servers: [server({ bind: 'unix://@gw', port: { number: 8080, name: 'http', protocol: 'HTTP' } })] }, { apiVersion });
    const [f] = findings(InvalidGatewayServerBind, object);
    expect(f.message).toBe("a server bound to the unix socket 'unix://@gw' must have port number 0, got 8080");
    expect(f.fix).toBe('set port.number to 0, or bind to an IP address');
  });
});
