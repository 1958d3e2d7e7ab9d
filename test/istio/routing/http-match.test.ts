import { Destination } from '../../../lib/istio/routing/destination';
import { GatewayBinding } from '../../../lib/istio/routing/gateway-binding';
import { HttpMatch } from '../../../lib/istio/routing/http-match';
import { StringMatch } from '../../../lib/istio/routing/string-match';
import { routeFindings } from './util';

/** The findings of a sidecar VirtualService whose one route has this match (at a gateway when `gateway`). */
const problemsOf = (m: HttpMatch, gateway = false) => routeFindings({ match: [m], route: [{ destination: Destination.fromHost('reviews') }] },
  gateway ? { gateways: [GatewayBinding.fromName('istio-system/gw')] } : {});

test('shorthands render the uri, header and query-parameter conditions', () => {
  expect(HttpMatch.prefix('/static')._toIstio({})).toEqual({ uri: { prefix: '/static' } });
  expect(HttpMatch.exact('/login')._toIstio({})).toEqual({ uri: { exact: '/login' } });
  expect(HttpMatch.uri(StringMatch.regex('^/r/.*'))._toIstio({})).toEqual({ uri: { regex: '^/r/.*' } });
  expect(HttpMatch.header('end-user', StringMatch.exact('jason'))._toIstio({})).toEqual({ headers: { 'end-user': { exact: 'jason' } } });
  expect(HttpMatch.queryParam('v', StringMatch.exact('2'))._toIstio({})).toEqual({ queryParams: { v: { exact: '2' } } });
});

test('of() renders every condition', () => {
  // GIVEN
  const m = HttpMatch.of({
    name: 'api',
    uri: StringMatch.prefix('/api'),
    scheme: StringMatch.exact('https'),
    method: StringMatch.exact('GET'),
    authority: StringMatch.regex('.*\\.example\\.com'),
    headers: { 'x-canary': StringMatch.exact('1') },
    withoutHeaders: { 'x-debug': StringMatch.regex('*') },
    queryParams: { lang: StringMatch.prefix('en') },
    ignoreUriCase: true,
    port: 8080,
    sourceLabels: { app: 'productpage', version: 'v1' },
    sourceNamespace: 'front',
    gateways: [GatewayBinding.fromGateway({ name: 'gw', namespace: 'istio-system' }), GatewayBinding.MESH],
    statPrefix: 'api',
  });
  // THEN
  expect(m._toIstio({ namespace: 'bookinfo' })).toEqual({
    name: 'api',
    uri: { prefix: '/api' },
    scheme: { exact: 'https' },
    method: { exact: 'GET' },
    authority: { regex: '.*\\.example\\.com' },
    headers: { 'x-canary': { exact: '1' } },
    withoutHeaders: { 'x-debug': { regex: '*' } },
    queryParams: { lang: { prefix: 'en' } },
    ignoreUriCase: true,
    port: 8080,
    sourceLabels: { app: 'productpage', version: 'v1' },
    sourceNamespace: 'front',
    gateways: ['istio-system/gw', 'mesh'],
    statPrefix: 'api',
  });
  expect(problemsOf(m)).toEqual([]);
  expect(m.conditions.port).toBe(8080);
});

test('accepts pseudo-headers, JWT claims (at a gateway) and uppercase header names, as Istio does', () => {
  expect(problemsOf(HttpMatch.of({ headers: { ':method': StringMatch.exact('GET'), '@request.auth.claims.group': StringMatch.exact('admin') } }), true)).toEqual([]);
  expect(problemsOf(HttpMatch.header('End-User', StringMatch.exact('jason')))).toEqual([]);
});

test('fails (CI0106) on JWT claim routing at the sidecars', () => {
  expect(problemsOf(HttpMatch.header('@request.auth.claims.group', StringMatch.exact('admin')))).toEqual([['CI0106', "spec.http[0].match[0].headers['@request.auth.claims.group']", 'error']]);
});

test('fails on header names that are not tokens (CI0112) and non-RE2 regexes in uri, authority, headers and query parameters (CI0109)', () => {
  const bad = '(?<=x)y';
  expect(problemsOf(HttpMatch.of({
    uri: StringMatch.regex(bad),
    headers: { 'h h': StringMatch.regex(bad) },
    queryParams: { q: StringMatch.regex(bad) },
    authority: StringMatch.regex(bad),
  }))).toEqual([
    ['CI0109', 'spec.http[0].match[0].uri.regex', 'error'],
    ['CI0109', 'spec.http[0].match[0].authority.regex', 'error'],
    ['CI0109', "spec.http[0].match[0].headers['h h'].regex", 'error'],
    ['CI0109', 'spec.http[0].match[0].queryParams.q.regex', 'error'],
    ['CI0112', "spec.http[0].match[0].headers['h h']", 'error'],
  ]);
});

test('fails on a bad port (CI0113), source labels and namespace (CI0114) and gateway (CI0105)', () => {
  expect(problemsOf(HttpMatch.of({
    port: 70000,
    sourceLabels: { 'bad key!': 'v1', app: 'not ok' },
    sourceNamespace: 'Front_End',
    gateways: [GatewayBinding.fromName('Bad_/Name')],
  }))).toEqual([
    ['CI0105', 'spec.http[0].match[0].gateways[0]', 'error'],
    ['CI0113', 'spec.http[0].match[0].port', 'error'],
    ['CI0114', 'spec.http[0].match[0].sourceLabels.app', 'error'],
    ['CI0114', "spec.http[0].match[0].sourceLabels['bad key!']", 'error'],
    ['CI0114', 'spec.http[0].match[0].sourceNamespace', 'error'],
  ]);
});
