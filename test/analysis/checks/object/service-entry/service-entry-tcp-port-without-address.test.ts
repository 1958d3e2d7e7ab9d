import { ServiceEntryTcpPortWithoutAddress } from '../../../../../lib/analysis/checks/object/service-entry/service-entry-tcp-port-without-address';
import { findingsOf, linesOf, manifest } from './check-util';

const lines = (spec: unknown, labels?: Record<string, string>) =>
  linesOf(ServiceEntryTcpPortWithoutAddress, 'ServiceEntry', { hosts: ['db.example.com'], ...(spec as object) }, labels ? { labels } : {});
const TCP = [{ number: 5432, name: 'tcp', protocol: 'TCP' }];

describe('ServiceEntryTcpPortWithoutAddress (CI0405)', () => {
  test.each<[string, unknown, Record<string, string> | undefined]>([
    ['addresses', { ports: TCP, addresses: ['240.0.0.1'] }, undefined],
    ['addresses with DNS resolution', { ports: TCP, addresses: ['240.0.0.1'], resolution: 'DNS' }, undefined],
    ['an HTTP port', { ports: [{ number: 80, name: 'http', protocol: 'HTTP' }] }, undefined],
    ['a TLS port with DNS resolution', { ports: [{ number: 443, name: 'tls', protocol: 'TLS' }], resolution: 'DNS' }, undefined],
  ])('accepts %s', (_name, spec, labels) => {
    expect(lines(spec, labels)).toEqual([]);
  });

  test.each<[string, unknown, string[], Record<string, string> | undefined]>([
    ['a TCP port with resolution NONE', { ports: TCP }, ['warning spec.ports[0].protocol'], undefined],
    ['a port without protocol with resolution NONE', { ports: [{ number: 80, name: 'http', protocol: 'HTTP' }, { number: 8080, name: 'b' }], resolution: 'NONE' }, ['warning spec.ports[1].protocol'], undefined],
    ['auto-allocation turned off by label', { ports: TCP, resolution: 'DNS' }, ['warning spec.ports[0].protocol'], { 'networking.istio.io/enable-autoallocate-ip': 'False' }],
    ['protocol \'tcp\' in lowercase (istioctl compares in any case)', { ports: [{ number: 5432, name: 'tcp', protocol: 'tcp' }] }, ['warning spec.ports[0].protocol'], undefined],
    ['DNS resolution (an auto-allocated IP needs DNS capture, as istioctl)', { ports: TCP, resolution: 'DNS' }, ['warning spec.ports[0].protocol'], undefined],
    ['STATIC resolution', { ports: TCP, resolution: 'STATIC', endpoints: [{ address: '10.0.0.1' }] }, ['warning spec.ports[0].protocol'], undefined],
    ['the opt-out label set to true', { ports: TCP, resolution: 'DNS' }, ['warning spec.ports[0].protocol'], { 'networking.istio.io/enable-autoallocate-ip': 'true' }],
  ])('warns about %s', (_name, spec, expected, labels) => {
    expect(lines(spec, labels)).toEqual(expected);
  });

  test('says why no IP is allocated', () => {
    const [f] = findingsOf(ServiceEntryTcpPortWithoutAddress, manifest('ServiceEntry', { hosts: ['db.example.com'], ports: TCP }));
    expect(f.message).toBe('port 5432 serves TCP and the service entry has no addresses (resolution NONE gets no auto-allocated IP), so TCP traffic to it cannot be told apart');
  });

  test('says why an auto-allocated IP is not enough', () => {
    const [f] = findingsOf(ServiceEntryTcpPortWithoutAddress, manifest('ServiceEntry', { hosts: ['db.example.com'], ports: TCP, resolution: 'DNS' }));
    expect(f.message).toBe('port 5432 serves TCP and the service entry has no addresses (istiod auto-allocates a virtual IP for resolution DNS, '
      + 'but applications only connect to it when the sidecar\'s DNS proxy is on (ISTIO_META_DNS_CAPTURE, off by default)), so TCP traffic to it cannot be told apart');
    expect(f.fix).toMatch(/ISTIO_META_DNS_CAPTURE: "true"/);
  });
});
