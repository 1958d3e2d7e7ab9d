import { ProblemCollector } from '../../../lib/analysis/finding';
import { GatewayBinding } from '../../../lib/istio/routing/gateway-binding';
import { HttpMatch } from '../../../lib/istio/routing/http-match';
import { StringMatch } from '../../../lib/istio/routing/string-match';

function problemsOf(m: HttpMatch) {
  const c = new ProblemCollector('spec.http[0].match[0]');
  m._validate(c);
  return c.problems;
}

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

test('accepts pseudo-headers and JWT claims as header names', () => {
  expect(problemsOf(HttpMatch.of({ headers: { ':method': StringMatch.exact('GET'), '@request.auth.claims.group': StringMatch.exact('admin') } }))).toEqual([]);
});

test('fails on a uri prefix without a leading slash', () => {
  const [p] = problemsOf(HttpMatch.prefix('static'));
  expect(p).toMatchObject({ code: 'CI0017', field: 'spec.http[0].match[0].uri.prefix', value: 'static' });
});

test('fails on a header name that is not lowercase', () => {
  const [p] = problemsOf(HttpMatch.header('End-User', StringMatch.exact('jason')));
  expect(p).toMatchObject({ code: 'CI0009', field: 'spec.http[0].match[0].headers.End-User', value: 'End-User' });
  expect(p.fix).toMatch(/'end-user'/);
});

test('fails on non-RE2 regexes in uri, headers, query parameters and authority', () => {
  const bad = '(?<=x)y';
  const problems = problemsOf(HttpMatch.of({
    uri: StringMatch.regex(bad),
    headers: { h: StringMatch.regex(bad) },
    queryParams: { q: StringMatch.regex(bad) },
    authority: StringMatch.regex(bad),
  }));
  expect(problems.map((p) => [p.code, p.field])).toEqual([
    ['CI0008', 'spec.http[0].match[0].uri.regex'],
    ['CI0008', 'spec.http[0].match[0].authority.regex'],
    ['CI0008', 'spec.http[0].match[0].headers.h.regex'],
    ['CI0008', 'spec.http[0].match[0].queryParams.q.regex'],
  ]);
});

test('fails on an empty header prefix', () => {
  expect(problemsOf(HttpMatch.header('x', StringMatch.prefix('')))[0]).toMatchObject({ code: 'CI0017', field: 'spec.http[0].match[0].headers.x.prefix' });
});

test('fails on a bad port, source labels, source namespace and gateway', () => {
  const problems = problemsOf(HttpMatch.of({
    port: 0,
    sourceLabels: { 'bad key!': 'v1', app: 'not ok' },
    sourceNamespace: 'Front_End',
    gateways: [GatewayBinding.fromName('Bad/Name')],
  }));
  expect(problems.map((p) => [p.code, p.field])).toEqual([
    ['CI0003', 'spec.http[0].match[0].port'],
    ['CI0018', "spec.http[0].match[0].sourceLabels['bad key!']"],
    ['CI0018', "spec.http[0].match[0].sourceLabels['app']"],
    ['CI0001', 'spec.http[0].match[0].sourceNamespace'],
    ['CI0001', 'spec.http[0].match[0].gateways[0]'],
    ['CI0001', 'spec.http[0].match[0].gateways[0]'],
  ]);
});
