import { ProblemCollector } from '../../../lib/analysis/finding';
import { Destination } from '../../../lib/istio/routing/destination';
import { GatewayBinding } from '../../../lib/istio/routing/gateway-binding';
import { _renderL4Route, _validateTcpRoute, _validateTlsRoute } from '../../../lib/istio/routing/l4-route';

const mongo = Destination.fromHost('mongo', { port: 27017 });
const codesAndFields = (fn: (c: ProblemCollector) => void) => {
  const c = new ProblemCollector('spec.tcp[0]');
  fn(c);
  return c.problems.map((p) => [p.code, p.field]);
};

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
  expect(codesAndFields((c) => _validateTcpRoute({ route: [{ destination: mongo }] }, c))).toEqual([]);
  expect(codesAndFields((c) => _validateTlsRoute({ match: [{ sniHosts: ['a.example.com', '*.b.example.com'] }], route: [{ destination: mongo }] }, c, ['*.example.com']))).toEqual([]);
});

test('fails on a TCP route without destinations and bad match fields', () => {
  expect(codesAndFields((c) => _validateTcpRoute({
    match: [{ port: 70000, destinationSubnets: ['10.0.0.0/33', 'nope'], sourceNamespace: 'A' }],
    route: [],
  }, c))).toEqual([
    ['CI0003', 'spec.tcp[0].match[0].port'],
    ['CI0017', 'spec.tcp[0].match[0].destinationSubnets[0]'],
    ['CI0017', 'spec.tcp[0].match[0].destinationSubnets[1]'],
    ['CI0001', 'spec.tcp[0].match[0].sourceNamespace'],
    ['CI0015', 'spec.tcp[0].route'],
  ]);
});

test('fails on a TLS route without matches, without sniHosts, or with SNI names outside the hosts', () => {
  expect(codesAndFields((c) => _validateTlsRoute({ match: [], route: [{ destination: mongo }] }, c, ['a.example.com']))).toEqual([['CI0015', 'spec.tcp[0].match']]);
  expect(codesAndFields((c) => _validateTlsRoute({ match: [{ sniHosts: [] }], route: [{ destination: mongo }] }, c, ['a.example.com'])))
    .toEqual([['CI0015', 'spec.tcp[0].match[0].sniHosts']]);
  expect(codesAndFields((c) => _validateTlsRoute({ match: [{ sniHosts: ['other.org', 'a.*.com'] }], route: [{ destination: mongo }] }, c, ['*.example.com'])))
    .toEqual([['CI0002', 'spec.tcp[0].match[0].sniHosts[0]'], ['CI0002', 'spec.tcp[0].match[0].sniHosts[1]']]);
});
