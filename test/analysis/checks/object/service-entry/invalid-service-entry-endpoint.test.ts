import { InvalidServiceEntryEndpoint } from '../../../../../lib/analysis/checks/object/service-entry/invalid-service-entry-endpoint';
import { findingsOf, linesOf, manifest } from './check-util';

const HTTP = [{ number: 80, name: 'http', protocol: 'HTTP' }];
const lines = (resolution: string, endpoints: unknown, ports: unknown) =>
  linesOf(InvalidServiceEntryEndpoint, 'ServiceEntry', { hosts: ['a.example.com'], resolution, ports, endpoints });

describe('InvalidServiceEntryEndpoint (CI0408)', () => {
  test.each<[string, string, unknown, unknown]>([
    ['STATIC IPs with ports, labels, network, locality and weight', 'STATIC', [{ address: '10.0.0.1', ports: { http: 8080 }, labels: { app: 'a', 'Example.com/Team': 'x' }, network: 'n', locality: 'r/z', weight: 3 }, { address: '2001:db8::1' }], HTTP],
    ['a STATIC unix socket with one service port', 'STATIC', [{ address: 'unix:///var/run/app.sock' }, { address: 'unix://@abstract' }], HTTP],
    ['DNS names and IPs with DNS', 'DNS', [{ address: 'lon.example.com', ports: { http: 8080 } }, { address: '1.2.3.4' }], HTTP],
    ['a label value longer than 63 characters (Istio does not limit it)', 'STATIC', [{ address: '10.0.0.1', labels: { app: 'a'.repeat(70) } }], HTTP],
    ['anything with NONE (another check\'s rule)', 'NONE', [{ address: 'not an address' }], HTTP],
  ])('accepts %s', (_name, resolution, endpoints, ports) => {
    expect(lines(resolution, endpoints, ports)).toEqual([]);
  });

  test.each<[string, string, unknown, string[], unknown]>([
    ['a null endpoint', 'STATIC', [null], ['error spec.endpoints[0]'], HTTP],
    ['a STATIC DNS name', 'STATIC', [{ address: 'vm.example.com' }], ['error spec.endpoints[0].address'], HTTP],
    ['a STATIC endpoint without address or network, checked no further', 'STATIC', [{ ports: { nope: 0 } }], ['error spec.endpoints[0].address'], HTTP],
    ['a STATIC endpoint with only a network (warning)', 'STATIC', [{ network: 'vm-net' }], ['warning spec.endpoints[0].address'], HTTP],
    ['a relative unix socket', 'STATIC', [{ address: 'unix://relative' }], ['error spec.endpoints[0].address'], HTTP],
    ['a unix socket directory', 'STATIC', [{ address: 'unix:///dir/' }], ['error spec.endpoints[0].address'], HTTP],
    ['a unix socket with ports', 'STATIC', [{ address: 'unix:///a.sock', ports: { http: 80 } }], ['error spec.endpoints[0].ports'], HTTP],
    ['a unix socket with two service ports', 'STATIC', [{ address: 'unix:///a.sock' }], ['error spec.endpoints[0].address'], [{ number: 80, name: 'a' }, { number: 81, name: 'b' }]],
    ['a port the ServiceEntry does not name', 'STATIC', [{ address: '1.1.1.1', ports: { 'http-dne': 9080 } }], ['error spec.endpoints[0].ports.http-dne'], HTTP],
    ['a port out of range', 'DNS', [{ address: 'a.example.com', ports: { http: 65536 } }], ['error spec.endpoints[0].ports.http'], HTTP],
    ['a port name that is not a DNS label', 'STATIC', [{ address: '1.1.1.1', ports: { 'a.b': 80 } }], ['error spec.endpoints[0].ports[\'a.b\']'], [{ number: 80, name: 'a.b' }]],
    ['a label value with a space', 'DNS', [{ address: 'a.example.com', labels: { version: 'v 1' } }], ['error spec.endpoints[0].labels.version'], HTTP],
    ['a wildcard DNS endpoint', 'DNS', [{ address: '*.lon.example.com' }], ['error spec.endpoints[0].address'], HTTP],
    ['a DNS endpoint with a port in the address', 'DNS_ROUND_ROBIN', [{ address: 'a.example.com:9443' }], ['error spec.endpoints[0].address'], HTTP],
    ['a DNS endpoint without address', 'DNS', [{ network: 'n' }], ['error spec.endpoints[0].address'], HTTP],
    ['a unix socket with DNS', 'DNS', [{ address: 'unix:///lon/google/com' }], ['error spec.endpoints[0].address'], HTTP],
  ])('reports %s', (_name, resolution, endpoints, expected, ports) => {
    expect(lines(resolution, endpoints, ports)).toEqual(expected);
  });

  test('names the endpoint port and the ServiceEntry\'s port names', () => {
    const [f] = findingsOf(InvalidServiceEntryEndpoint, manifest('ServiceEntry', { hosts: ['a.example.com'], resolution: 'STATIC', ports: HTTP, endpoints: [{ address: '1.1.1.1', ports: { https: 8443 } }] }));
    expect(f.message).toBe('endpoint port \'https\' is not a port name of the ServiceEntry; defined: http');
    expect(f.fix).toBe('key endpoint ports by the names in the ServiceEntry ports, or add a port with that name');
  });
});
