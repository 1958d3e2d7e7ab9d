import { Severity } from '../../../../../lib/analysis/finding';
import { InvalidSniHost } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-sni-host';
import { describeCheck, findingsOf } from './util';

const tls = (hosts: string[], sniHosts: string[], gateways?: string[]) =>
  ({ hosts, ...(gateways ? { gateways } : {}), tls: [{ match: [{ sniHosts }], route: [{ destination: { host: 'a' } }] }] });

describeCheck(InvalidSniHost, {
  valid: [
    ['a host of the VirtualService', tls(['a.example.com'], ['a.example.com'])],
    ['a name under a wildcard host', tls(['*.example.com'], ['a.example.com', '*.b.example.com'])],
    ['an AUTO_PASSTHROUGH name (Istio allows it unless mesh is listed)', tls(['outbound_.15010_._.istiod.istio-system.svc.cluster.local'], ['outbound_.15010_._.istiod.istio-system.svc.cluster.local'], ['ns1/gw'])],
  ],
  invalid: [
    ['a wildcard in the middle', tls(['foo.bar'], ['foo.*.com']), [['spec.tls[0].match[0].sniHosts[0]']]],
    ['a name no host covers', tls(['a.example.com'], ['b.example.com']), [['spec.tls[0].match[0].sniHosts[0]']]],
    ['a wildcard wider than the host', tls(['a.example.com'], ['*.example.com']), [['spec.tls[0].match[0].sniHosts[0]']]],
    ['an IP address (the webhook\'s warning)', tls(['foo.bar'], ['1.1.1.1']), [['spec.tls[0].match[0].sniHosts[0]', Severity.WARNING]]],
    ['an AUTO_PASSTHROUGH name with the mesh gateway', tls(['a.example.com'], ['outbound_.80_._.a.example.com'], ['mesh']), [['spec.tls[0].match[0].sniHosts[0]']]],
  ],
});

test('CI0130 lists the hosts that could cover the name', () => {
  expect(findingsOf(InvalidSniHost, tls(['a.example.com'], ['b.example.com']))[0].message)
    .toBe('SNI host \'b.example.com\' is not covered by any host of the VirtualService (a.example.com)');
});
