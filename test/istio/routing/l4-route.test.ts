import { Testing } from 'cdk8s';
import { Destination } from '../../../lib/istio/routing/destination';
import { GatewayBinding } from '../../../lib/istio/routing/gateway-binding';
import { _renderL4Route } from '../../../lib/istio/routing/l4-route';
import { VirtualService, VirtualServiceProps } from '../../../lib/istio/virtual-service';
import { findingsOf } from '../../util/findings';

const mongo = Destination.fromHost('mongo', { port: 27017 });
const codesAndFields = (props: VirtualServiceProps) => findingsOf(new VirtualService(Testing.chart(), 'vs', props)).map((f) => [f.code, f.field, f.severity]);

test('renders a TCP route with every match field', () => {
  expect(_renderL4Route({
    match: [{ port: 27017, destinationSubnets: ['10.1.0.0/16', '10.2.3.4'], sourceLabels: { app: 'reviews' }, sourceNamespace: 'bookinfo', gateways: [GatewayBinding.MESH] }],
    route: [{ destination: mongo, weight: 100 }],
  }, {})).toEqual({
    match: [{ port: 27017, destinationSubnets: ['10.1.0.0/16', '10.2.3.4'], sourceLabels: { app: 'reviews' }, sourceNamespace: 'bookinfo', gateways: ['mesh'] }],
    route: [{ destination: { host: 'mongo', port: { number: 27017 } }, weight: 100 }],
  });
});

test('renders a TLS route with sniHosts', () => {
  expect(_renderL4Route({ match: [{ sniHosts: ['login.example.com'], port: 443 }], route: [{ destination: Destination.fromHost('login') }] }, {}))
    .toEqual({ match: [{ sniHosts: ['login.example.com'], port: 443 }], route: [{ destination: { host: 'login' } }] });
});

test('valid routes have no problems', () => {
  expect(codesAndFields({ hosts: ['mongo'], tcpRoutes: [{ route: [{ destination: mongo }] }] })).toEqual([]);
  expect(codesAndFields({ hosts: ['*.example.com'], tlsRoutes: [{ match: [{ sniHosts: ['a.example.com', '*.b.example.com'] }], route: [{ destination: mongo }] }] })).toEqual([]);
});

test('fails on a TCP route without destinations and bad match fields; an invalid TCP sourceNamespace is only a warning (Istio does not check it)', () => {
  expect(codesAndFields({
    hosts: ['mongo'],
    tcpRoutes: [{ match: [{ port: 70000, destinationSubnets: ['10.0.0.0/33', 'nope'], sourceNamespace: 'A_b' }], route: [] }],
  })).toEqual([
    ['CI0113', 'spec.tcp[0].match[0].port', 'error'],
    ['CI0114', 'spec.tcp[0].match[0].sourceNamespace', 'warning'],
    ['CI0128', 'spec.tcp[0].route', 'error'],
    ['CI0131', 'spec.tcp[0].match[0].destinationSubnets[0]', 'error'],
    ['CI0131', 'spec.tcp[0].match[0].destinationSubnets[1]', 'error'],
  ]);
});

test('fails on a TLS route without matches, without sniHosts, or with SNI names outside the hosts', () => {
  expect(codesAndFields({ hosts: ['a.example.com'], tlsRoutes: [{ match: [], route: [{ destination: mongo }] }] })).toEqual([['CI0129', 'spec.tls[0].match', 'error']]);
  expect(codesAndFields({ hosts: ['a.example.com'], tlsRoutes: [{ match: [{ sniHosts: [] }], route: [{ destination: mongo }] }] })).toEqual([['CI0129', 'spec.tls[0].match[0].sniHosts', 'error']]);
  expect(codesAndFields({ hosts: ['*.example.com'], tlsRoutes: [{ match: [{ sniHosts: ['other.org', 'a.*.com'] }], route: [{ destination: mongo }] }] }))
    .toEqual([['CI0130', 'spec.tls[0].match[0].sniHosts[0]', 'error'], ['CI0130', 'spec.tls[0].match[0].sniHosts[1]', 'error']]);
});
