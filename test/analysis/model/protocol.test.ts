import { PortTraffic, protocolPorts, servicePortProtocol } from '../../../lib/analysis/model/protocol';
import { service, serviceEntry } from '../fixtures';

describe('the protocol Istio gives a port', () => {
  test.each<[Record<string, any>, string, PortTraffic]>([
    [{ name: 'http', port: 80 }, 'HTTP', PortTraffic.HTTP],
    [{ name: 'HTTP2-web', port: 80 }, 'HTTP2', PortTraffic.HTTP],
    [{ name: 'grpc-web-ui', port: 80 }, 'GRPC-Web', PortTraffic.HTTP],
    [{ name: 'grpc', port: 80 }, 'GRPC', PortTraffic.HTTP],
    [{ name: 'tcp-db', port: 5432 }, 'TCP', PortTraffic.TCP],
    [{ name: 'https', port: 443 }, 'HTTPS', PortTraffic.TCP],
    [{ name: 'mongo', port: 27017 }, 'Mongo', PortTraffic.TCP],
    [{ name: 'db', port: 3306 }, 'TCP', PortTraffic.TCP],
    [{ name: 'web', port: 80 }, 'unknown', PortTraffic.SNIFFED],
    [{ port: 80 }, 'unknown', PortTraffic.SNIFFED],
    [{ name: 'web', port: 80, appProtocol: 'tcp' }, 'TCP', PortTraffic.TCP],
    [{ name: 'tcp', port: 80, appProtocol: 'http' }, 'HTTP', PortTraffic.HTTP],
    [{ name: 'web', port: 80, appProtocol: 'kubernetes.io/h2c' }, 'HTTP2', PortTraffic.HTTP],
    [{ name: 'http', port: 53, protocol: 'UDP' }, 'UDP', PortTraffic.UDP],
    // names that are properties of every JavaScript object are no protocol
    [{ name: 'constructor', port: 80 }, 'unknown', PortTraffic.SNIFFED],
    [{ name: 'toString-api', port: 80 }, 'unknown', PortTraffic.SNIFFED],
    [{ name: 'web', port: 80, appProtocol: '__proto__' }, 'unknown', PortTraffic.SNIFFED],
  ])('Service port %j is %s', (port, protocol, traffic) => {
    // WHEN / THEN
    expect(servicePortProtocol(port)).toEqual({ protocol, traffic });
  });

  test('ServiceEntry ports take their protocol field; without one Istio sniffs', () => {
    // GIVEN
    const se = serviceEntry('db', { hosts: ['db.example.com'], ports: [{ number: 5432, name: 'pg', protocol: 'tcp' }, { number: 80, name: 'x' }] });
    // WHEN / THEN
    expect(protocolPorts(se)).toEqual([
      { number: 5432, name: 'pg', protocol: 'TCP', traffic: PortTraffic.TCP },
      { number: 80, name: 'x', protocol: 'unknown', traffic: PortTraffic.SNIFFED },
    ]);
    expect(protocolPorts(service('web', { ports: [{ name: 'tcp', port: 1 }, null as any] }))).toEqual([{ number: 1, name: 'tcp', protocol: 'TCP', traffic: PortTraffic.TCP }]);
  });
});
