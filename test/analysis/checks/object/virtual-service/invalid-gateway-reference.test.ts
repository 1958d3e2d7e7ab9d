import { Severity } from '../../../../../lib/analysis/finding';
import { InvalidGatewayReference } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-gateway-reference';
import { describeCheck, findingsOf, spec, to } from './util';

const W = Severity.WARNING;

describeCheck(InvalidGatewayReference, {
  valid: [
    ['namespace/name, a bare name and mesh', spec({ gateways: ['istio-system/ingressgateway', 'mesh'] })],
    ['uppercase letters (Istio\'s DNS-1123 labels accept them)', spec({ gateways: ['Istio-System/Ingress'] })],
    ['gateways in HTTP, TCP and TLS matches', {
      hosts: ['a.example.com'], gateways: ['gw'],
      http: [{ match: [{ gateways: ['ns/gw'] }], ...to() }],
      tcp: [{ match: [{ gateways: ['ns/gw'] }], route: [{ destination: { host: 'a' } }] }],
    }],
  ],
  invalid: [
    ['a name that is not a DNS name', spec({ gateways: ['b@dgateway'] }), [['spec.gateways[0]']]],
    ['a wildcard name in a namespace', spec({ gateways: ['ns1/*'] }), [['spec.gateways[0]']]],
    ['a wildcard namespace', spec({ gateways: ['*/gateway'] }), [['spec.gateways[0]']]],
    ['an empty namespace', spec({ gateways: ['/gateway'] }), [['spec.gateways[0]']]],
    ['a name with two slashes', spec({ gateways: ['a/b/c'] }), [['spec.gateways[0]']]],
    ['the legacy <name>.<namespace> form (the webhook\'s warning)', spec({ gateways: ['gateway.example'] }), [['spec.gateways[0]', W]]],
    ['a bad name after the first name without namespace (the webhook stops there)', spec({ gateways: ['mesh', 'ns/Gateway_1'] }), [['spec.gateways[1]', W]]],
    ['a bad name in a match', spec({ gateways: ['gw'], http: [{ match: [{ gateways: ['istio-system/gw_1'] }], ...to() }] }), [['spec.http[0].match[0].gateways[0]']]],
    ['a bad name in a TLS match', {
      hosts: ['a.example.com'], gateways: ['gw'],
      tls: [{ match: [{ sniHosts: ['a.example.com'], gateways: ['x/y/z'] }], route: [{ destination: { host: 'a' } }] }],
    }, [['spec.tls[0].match[0].gateways[0]']]],
  ],
});

test('CI0105 suggests the <namespace>/<name> form of a legacy name', () => {
  const [f] = findingsOf(InvalidGatewayReference, spec({ gateways: ['bookinfo-gateway.bookinfo'] }));
  expect(f.message).toBe('gateway \'bookinfo-gateway.bookinfo\' uses the legacy <name>.<namespace> form');
  expect(f.fix).toBe('write it as <namespace>/<name>: \'bookinfo/bookinfo-gateway\'');
  const [g] = findingsOf(InvalidGatewayReference, spec({ gateways: ['ns1/*'] }));
  expect(g.message).toBe('gateway \'ns1/*\' has a name \'*\' that is not a DNS-1123 label');
});
