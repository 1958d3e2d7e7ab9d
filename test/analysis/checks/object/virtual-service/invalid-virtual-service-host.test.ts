import { InvalidVirtualServiceHost } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-virtual-service-host';
import { describeCheck, findingsOf, spec, to } from './util';

describeCheck(InvalidVirtualServiceHost, {
  valid: [
    ['short names, FQDNs, wildcards and a trailing dot', spec({ hosts: ['reviews', 'reviews.shop.svc.cluster.local', '*.example.com', 'istio.io.'] })],
    ['uppercase letters (Istio\'s DNS-1123 labels accept them)', spec({ hosts: ['Reviews.Example.com'] })],
    ['an IP address', spec({ hosts: ['10.0.0.1', '2001:db8::1'] })],
    ['* at a gateway', spec({ hosts: ['*'], gateways: ['istio-system/ingressgateway'] })],
    ['a *-prefixed first label', spec({ hosts: ['*-api.example.com', '*api.example.com'] })],
    ['an AUTO_PASSTHROUGH SNI name at a gateway that routes TLS by SNI', {
      hosts: ['outbound_.15010_._.istiod.istio-system.svc.cluster.local'], gateways: ['ns1/gateway'],
      tls: [{ match: [{ sniHosts: ['outbound_.15010_._.istiod.istio-system.svc.cluster.local'] }], route: [{ destination: { host: 'istiod.istio-system.svc.cluster.local' } }] }],
    }],
    ['a delegate without hosts', { http: [to()] }],
    ['non-string hosts are left to the schema check', spec({ hosts: [42] })],
  ],
  invalid: [
    ['* for the sidecars (no gateways)', spec({ hosts: ['*'] }), [['spec.hosts[0]']]],
    ['* with the mesh gateway among others', spec({ hosts: ['*'], gateways: ['istio-system/gw', 'mesh'] }), [['spec.hosts[0]']]],
    ['a wildcard outside the first label', spec({ hosts: ['a.*.com'] }), [['spec.hosts[0]']]],
    ['an underscore and an empty host', spec({ hosts: ['bad_host', ''] }), [['spec.hosts[0]'], ['spec.hosts[1]']]],
    ['an all-numeric top-level domain', spec({ hosts: ['api.example.123'] }), [['spec.hosts[0]']]],
    ['a host longer than 255 characters', spec({ hosts: [`${'a'.repeat(60)}.`.repeat(5)] }), [['spec.hosts[0]']]],
    ['an outbound_ SNI name at the sidecars', {
      hosts: ['outbound_.15010_._.istiod.istio-system.svc.cluster.local'],
      tls: [{ match: [{ sniHosts: ['outbound_.15010_._.istiod.istio-system.svc.cluster.local'] }], route: [{ destination: { host: 'istiod' } }] }],
    }, [['spec.hosts[0]']]],
    ['a malformed outbound_ name at a gateway', {
      hosts: ['outbound_.x_._.istiod'], gateways: ['ns1/gw'],
      tls: [{ match: [{ sniHosts: ['a.example.com'] }], route: [{ destination: { host: 'istiod' } }] }],
    }, [['spec.hosts[0]']]],
  ],
});

test('CI0101 names the host, what is wrong, and how to bind to gateways only', () => {
  const [f] = findingsOf(InvalidVirtualServiceHost, spec({ hosts: ['*'] }));
  expect(f.message).toBe('host \'*\' is not allowed for a VirtualService that applies to the sidecars (no gateways, or the \'mesh\' gateway among them)');
  expect(f.fix).toMatch(/spec\.gateways without 'mesh'/);
  const [g] = findingsOf(InvalidVirtualServiceHost, spec({ hosts: ['a.*.com'] }));
  expect(g.message).toBe('host \'a.*.com\' has an invalid label \'*\'');
});
