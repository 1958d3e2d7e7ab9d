import { InvalidDynamicDnsServiceEntry } from '../../../../../lib/analysis/checks/object/service-entry/invalid-dynamic-dns-service-entry';
import { findingsOf, linesOf, manifest } from './check-util';

const HTTP = [{ number: 80, name: 'http', protocol: 'HTTP' }];
const lines = (spec: unknown, labels?: Record<string, string>) =>
  linesOf(InvalidDynamicDnsServiceEntry, 'ServiceEntry', { hosts: ['*.google.com'], resolution: 'DYNAMIC_DNS', ports: HTTP, ...(spec as object) }, labels ? { labels } : {});

describe('InvalidDynamicDnsServiceEntry (CI0410)', () => {
  test.each<[string, unknown, Record<string, string> | undefined]>([
    ['wildcard hosts with HTTP, TLS, GRPC and HTTP2 ports', { hosts: ['*.a.com', '*b.com'], ports: [...HTTP, { number: 443, name: 't', protocol: 'tls' }, { number: 81, name: 'g', protocol: 'GRPC' }, { number: 82, name: 'h', protocol: 'HTTP2' }] }, undefined],
    ['MESH_INTERNAL without a waypoint', { location: 'MESH_INTERNAL' }, undefined],
    ['MESH_INTERNAL with use-waypoint none', { location: 'MESH_INTERNAL' }, { 'istio.io/use-waypoint': 'None' }],
    ['another resolution (not this check\'s rules)', { resolution: 'DNS', hosts: ['a.example.com'], addresses: ['1.2.3.4'] }, undefined],
  ])('accepts %s', (_name, spec, labels) => {
    expect(lines(spec, labels)).toEqual([]);
  });

  test.each<[string, unknown, string[], Record<string, string> | undefined]>([
    ['a named host', { hosts: ['*.a.com', 'google.com'] }, ['error spec.hosts[1]'], undefined],
    ['addresses', { addresses: ['1.2.3.4'] }, ['error spec.addresses'], undefined],
    ['endpoints', { endpoints: [{ address: 'a.example.com' }] }, ['error spec.endpoints'], undefined],
    ['a TCP port and a port without protocol', { ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }, { number: 80, name: 'web' }] }, ['error spec.ports[0].protocol', 'error spec.ports[1].protocol'], undefined],
    ['MESH_INTERNAL with a waypoint', { location: 'MESH_INTERNAL' }, ['error spec.location'], { 'istio.io/use-waypoint': 'my-waypoint' }],
  ])('reports %s', (_name, spec, expected, labels) => {
    expect(lines(spec, labels)).toEqual(expected);
  });

  test('names the supported protocols', () => {
    const [f] = findingsOf(InvalidDynamicDnsServiceEntry, manifest('ServiceEntry', { hosts: ['*.a.com'], resolution: 'DYNAMIC_DNS', ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }] }));
    expect(f.message).toBe('protocol \'TCP\' is not supported with resolution DYNAMIC_DNS; only HTTP, TLS, GRPC and HTTP2 are');
    expect(f.fix).toBe('set the port protocol to HTTP, TLS, GRPC or HTTP2');
  });
});
