import { AmbiguousServiceEntryHosts } from '../../../../../lib/analysis/checks/object/service-entry/ambiguous-service-entry-hosts';
import { findingsOf, linesOf, manifest } from './check-util';

const lines = (spec: unknown) => linesOf(AmbiguousServiceEntryHosts, 'ServiceEntry', { hosts: ['a.example.com', 'b.example.com'], ...(spec as object) });

describe('AmbiguousServiceEntryHosts (CI0406)', () => {
  test.each<[string, unknown]>([
    ['TCP with resolution NONE', { ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }] }],
    ['HTTP, gRPC and TLS ports with DNS', { resolution: 'DNS', ports: [{ number: 80, name: 'a', protocol: 'http' }, { number: 81, name: 'b', protocol: 'GRPC' }, { number: 443, name: 'c', protocol: 'TLS' }] }],
    ['one host with TCP and DNS', { hosts: ['a.example.com'], resolution: 'DNS', addresses: ['240.0.0.1'], ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }] }],
  ])('accepts %s', (_name, spec) => {
    expect(lines(spec)).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['a TCP port with DNS', { resolution: 'DNS', ports: [{ number: 443, name: 'tls', protocol: 'TLS' }, { number: 5432, name: 'tcp', protocol: 'TCP' }] }, ['error spec.ports[1].protocol']],
    ['a port without protocol with STATIC', { resolution: 'STATIC', ports: [{ number: 80, name: 'web' }] }, ['error spec.ports[0].protocol']],
    ['only the first such port', { resolution: 'DNS', ports: [{ number: 1, name: 'a', protocol: 'TCP' }, { number: 2, name: 'b', protocol: 'Mongo' }] }, ['error spec.ports[0].protocol']],
    ['addresses and a TLS port with DNS (warning)', { resolution: 'DNS', addresses: ['240.0.0.1'], ports: [{ number: 443, name: 'tls', protocol: 'TLS' }] }, ['warning spec.ports[0].protocol']],
  ])('reports %s', (_name, spec, expected) => {
    expect(lines(spec)).toEqual(expected);
  });

  test('explains which protocols tell hosts apart', () => {
    const [f] = findingsOf(AmbiguousServiceEntryHosts, manifest('ServiceEntry', { hosts: ['a.example.com', 'b.example.com'], resolution: 'DNS', ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }] }));
    expect(f.message).toBe('2 hosts share port 5432 with protocol \'TCP\', which cannot tell them apart with resolution DNS; only HTTP (Host header) and TLS (SNI) ports can');
    expect(f.fix).toBe('use one ServiceEntry per host for this port, set the port protocol to HTTP or TLS, or set resolution to NONE');
  });
});
