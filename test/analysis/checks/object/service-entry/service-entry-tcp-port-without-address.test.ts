import { ServiceEntryTcpPortWithoutAddress } from '../../../../../lib/analysis/checks/object/service-entry/service-entry-tcp-port-without-address';
import { findingsOf, linesOf, manifest } from './check-util';

const lines = (spec: unknown, labels?: Record<string, string>) =>
  linesOf(ServiceEntryTcpPortWithoutAddress, 'ServiceEntry', { hosts: ['db.example.com'], ...(spec as object) }, labels ? { labels } : {});
const TCP = [{ number: 5432, name: 'tcp', protocol: 'TCP' }];

describe('ServiceEntryTcpPortWithoutAddress (CI0405)', () => {
  test.each<[string, unknown, Record<string, string> | undefined]>([
    ['addresses', { ports: TCP, addresses: ['240.0.0.1'] }, undefined],
    ['DNS resolution (istiod allocates an IP)', { ports: TCP, resolution: 'DNS' }, undefined],
    ['STATIC resolution (istiod allocates an IP)', { ports: TCP, resolution: 'STATIC', endpoints: [{ address: '10.0.0.1' }] }, undefined],
    ['an HTTP port', { ports: [{ number: 80, name: 'http', protocol: 'HTTP' }] }, undefined],
    ['protocol \'tcp\' in lowercase (Istio compares with \'TCP\' exactly)', { ports: [{ number: 5432, name: 'tcp', protocol: 'tcp' }] }, undefined],
    ['the opt-out label set to true', { ports: TCP, resolution: 'DNS' }, { 'networking.istio.io/enable-autoallocate-ip': 'true' }],
  ])('accepts %s', (_name, spec, labels) => {
    expect(lines(spec, labels)).toEqual([]);
  });

  test.each<[string, unknown, string[], Record<string, string> | undefined]>([
    ['a TCP port with resolution NONE', { ports: TCP }, ['warning spec.ports[0].protocol'], undefined],
    ['a port without protocol with resolution NONE', { ports: [{ number: 80, name: 'http', protocol: 'HTTP' }, { number: 8080, name: 'b' }], resolution: 'NONE' }, ['warning spec.ports[1].protocol'], undefined],
    ['auto-allocation turned off by label', { ports: TCP, resolution: 'DNS' }, ['warning spec.ports[0].protocol'], { 'networking.istio.io/enable-autoallocate-ip': 'False' }],
  ])('warns about %s', (_name, spec, expected, labels) => {
    expect(lines(spec, labels)).toEqual(expected);
  });

  test('says why no IP is allocated', () => {
    const [f] = findingsOf(ServiceEntryTcpPortWithoutAddress, manifest('ServiceEntry', { hosts: ['db.example.com'], ports: TCP }));
    expect(f.message).toBe('port 5432 serves TCP and the service entry has no addresses (resolution NONE gets no auto-allocated IP), so TCP traffic to it cannot be told apart');
  });
});
