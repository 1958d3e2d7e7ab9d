import { findingsOf } from '../util/findings';
import { ApiObject, Chart, Duration, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Finding } from '../../lib/analysis/finding';
import { schemaProblems } from '../../lib/analysis/crd/schema';
import { Destination } from '../../lib/istio/routing/destination';
import { FaultInjection } from '../../lib/istio/routing/fault';
import { GatewayBinding } from '../../lib/istio/routing/gateway-binding';
import { HttpMatch } from '../../lib/istio/routing/http-match';
import { RedirectPort } from '../../lib/istio/routing/redirect';
import { RetryOn } from '../../lib/istio/routing/retry';
import { StringMatch } from '../../lib/istio/routing/string-match';
import { UnmatchedPreflights } from '../../lib/istio/routing/cors';
import { VirtualService } from '../../lib/istio/virtual-service';
import { networking } from '../../lib/istio/private/l1';

function service(chart: Chart, name: string, ports: number[] = [9080], namespace?: string): kplus.Service {
  return new kplus.Service(chart, `svc-${name}`, { metadata: { name, namespace }, ports: ports.map((port) => ({ port })) });
}

function virtualServices(chart: Chart): any[] {
  return Testing.synth(chart).filter((o) => o.kind === 'VirtualService');
}

function errors(vs: VirtualService): Finding[] {
  return findingsOf(vs).filter((f) => f.severity === 'error');
}

function codeAt(vs: VirtualService): string[][] {
  return errors(vs).map((f) => [f.code, f.field]);
}

const ratings = Destination.fromHost('ratings');

describe('rendering', () => {
  test('defaultChild is the networking.istio.io/v1 VirtualService, named after the construct id', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    const vs = new VirtualService(chart, 'reviews', { hosts: ['reviews'], httpRoutes: [{ route: [{ destination: ratings }] }] });
    // THEN
    const child = ApiObject.of(vs);
    expect(vs.node.defaultChild).toBe(child);
    expect(child.kind).toBe('VirtualService');
    expect(child.apiVersion).toBe('networking.istio.io/v1');
    expect(vs.kind).toBe('VirtualService');
    expect(vs.apiVersion).toBe('networking.istio.io/v1');
    expect(vs.name).toBe('reviews');
    expect(virtualServices(chart)[0].metadata).toEqual({ name: 'reviews' });
  });

  test('ApiObject.of(vs).addJsonPatch is the escape hatch for unmodelled fields', () => {
    // GIVEN
    const chart = Testing.chart();
    const vs = new VirtualService(chart, 'reviews', { hosts: ['reviews'], httpRoutes: [{ route: [{ destination: ratings }] }] });
    // WHEN
    ApiObject.of(vs).addJsonPatch(JsonPatch.add('/spec/http/0/match', [{ uri: { prefix: '/patched' } }]));
    // THEN
    expect(virtualServices(chart)[0].spec.http[0].match).toEqual([{ uri: { prefix: '/patched' } }]);
  });

  test('props and add methods render the same spec', () => {
    // GIVEN
    const a = Testing.chart();
    const b = Testing.chart();
    const gw = GatewayBinding.fromName('istio-system/ingress');
    // WHEN
    new VirtualService(a, 'vs', {
      hosts: ['reviews'], gateways: [gw], exportTo: ['.'],
      httpRoutes: [{ route: [{ destination: ratings }] }],
      tcpRoutes: [{ route: [{ destination: ratings }] }],
    });
    const vs = new VirtualService(b, 'vs');
    vs.addHost('reviews');
    vs.addGateway(gw);
    vs.addExportTo('.');
    vs.addHttpRoute({ route: [{ destination: ratings }] });
    vs.addTcpRoute({ route: [{ destination: ratings }] });
    // THEN
    expect(virtualServices(a)).toEqual(virtualServices(b));
    expect(virtualServices(a)[0].spec).toEqual({
      hosts: ['reviews'],
      gateways: ['istio-system/ingress'],
      exportTo: ['.'],
      http: [{ route: [{ destination: { host: 'ratings' } }] }],
      tcp: [{ route: [{ destination: { host: 'ratings' } }] }],
    });
  });

  test('getters return copies', () => {
    const vs = new VirtualService(Testing.chart(), 'vs', { hosts: ['a'], gateways: [GatewayBinding.MESH], exportTo: ['*'], httpRoutes: [{ route: [{ destination: ratings }] }] });
    vs.hosts.push('b');
    vs.gateways.push(GatewayBinding.MESH);
    vs.httpRoutes.push({});
    vs.exportTo.push('x');
    expect(vs.hosts).toEqual(['a']);
    expect(vs.gateways).toHaveLength(1);
    expect(vs.httpRoutes).toHaveLength(1);
    expect(vs.tcpRoutes).toEqual([]);
    expect(vs.tlsRoutes).toEqual([]);
    expect(vs.exportTo).toEqual(['*']);
    expect(vs.isDelegate).toBe(false);
  });

  test('gateways: fromGateway renders the bare name in the same namespace and ns/name across', () => {
    // GIVEN
    const chart = Testing.chart();
    const vs = new VirtualService(chart, 'bookinfo', { metadata: { namespace: 'bookinfo' }, hosts: ['bookinfo.example.com'], httpRoutes: [{ route: [{ destination: ratings }] }] });
    // WHEN
    vs.addGateway(GatewayBinding.fromGateway({ name: 'bookinfo-gateway', namespace: 'bookinfo' }));
    vs.addGateway(GatewayBinding.fromGateway({ name: 'ingress', namespace: 'istio-system' }));
    vs.addGateway(GatewayBinding.MESH);
    // THEN
    expect(virtualServices(chart)[0].spec.gateways).toEqual(['bookinfo-gateway', 'istio-system/ingress', 'mesh']);
  });

  test('renders every HTTP route option', () => {
    // GIVEN
    const chart = Testing.chart();
    const reviews = service(chart, 'reviews');
    const httpbin = service(chart, 'httpbin', [8000]);
    const vs = new VirtualService(chart, 'reviews-vs', { hosts: ['reviews'] });
    // WHEN
    vs.addHttpRoute({
      name: 'canary',
      match: [HttpMatch.header('end-user', StringMatch.exact('jason')), HttpMatch.prefix('/canary')],
      route: [
        { destination: Destination.fromService(reviews, { subset: 'v1' }), weight: 90 },
        { destination: Destination.fromService(reviews, { subset: 'v2' }), weight: 10, headers: { response: { set: { 'x-canary': 'true' } } } },
      ],
      rewrite: { uri: '/', authority: 'reviews.internal' },
      headers: { request: { add: { 'x-via': 'mesh' }, remove: ['x-debug'] }, response: { remove: ['server'] } },
      cors: {
        allowOrigins: [StringMatch.exact('https://example.com')],
        allowMethods: ['GET'],
        allowHeaders: ['content-type'],
        exposeHeaders: ['x-request-id'],
        maxAge: Duration.days(1),
        allowCredentials: false,
        unmatchedPreflights: UnmatchedPreflights.FORWARD,
      },
      timeout: Duration.seconds(10),
      retries: { attempts: 3, perTryTimeout: Duration.seconds(2), retryOn: [RetryOn.FIVE_XX, RetryOn.RETRIABLE_STATUS_CODES, 503], retryRemoteLocalities: true },
      fault: FaultInjection.of({ delay: { fixedDelay: Duration.seconds(7), percentage: 50 }, abort: { httpStatus: 500, percentage: 10 } }),
      mirror: Destination.fromService(httpbin, { subset: 'v2' }),
      mirrorPercentage: 25,
    });
    vs.addHttpRoute({ name: 'mirrors', match: [HttpMatch.exact('/m')], route: [{ destination: ratings }], mirrors: [{ destination: Destination.fromHost('shadow'), percentage: 5 }, { destination: ratings }] });
    vs.addHttpRoute({ name: 'old', match: [HttpMatch.prefix('/old')], redirect: { uri: '/new', authority: 'new.example.com', scheme: 'https', redirectCode: 308, derivePort: RedirectPort.FROM_PROTOCOL_DEFAULT } });
    vs.addHttpRoute({ name: 'regex', match: [HttpMatch.prefix('/v1')], rewrite: { uriRegexRewrite: { match: '^/v1(/.*)$', rewrite: '/v2\\1' } }, route: [{ destination: ratings }] });
    vs.addHttpRoute({ name: 'gone', match: [HttpMatch.prefix('/gone')], directResponse: { status: 410, body: 'gone' } });
    // THEN
    const [http0, http1, http2, http3, http4] = virtualServices(chart)[0].spec.http;
    expect(http0).toEqual({
      name: 'canary',
      match: [{ headers: { 'end-user': { exact: 'jason' } } }, { uri: { prefix: '/canary' } }],
      route: [
        { destination: { host: 'reviews', port: { number: 9080 }, subset: 'v1' }, weight: 90 },
        { destination: { host: 'reviews', port: { number: 9080 }, subset: 'v2' }, weight: 10, headers: { response: { set: { 'x-canary': 'true' } } } },
      ],
      rewrite: { uri: '/', authority: 'reviews.internal' },
      headers: { request: { add: { 'x-via': 'mesh' }, remove: ['x-debug'] }, response: { remove: ['server'] } },
      corsPolicy: {
        allowOrigins: [{ exact: 'https://example.com' }],
        allowMethods: ['GET'],
        allowHeaders: ['content-type'],
        exposeHeaders: ['x-request-id'],
        maxAge: '86400s',
        allowCredentials: false,
        unmatchedPreflights: 'FORWARD',
      },
      timeout: '10s',
      retries: { attempts: 3, perTryTimeout: '2s', retryOn: '5xx,retriable-status-codes,503', retryRemoteLocalities: true },
      fault: { delay: { fixedDelay: '7s', percentage: { value: 50 } }, abort: { httpStatus: 500, percentage: { value: 10 } } },
      mirror: { host: 'httpbin', port: { number: 8000 }, subset: 'v2' },
      mirrorPercentage: { value: 25 },
    });
    expect(http1.mirrors).toEqual([{ destination: { host: 'shadow' }, percentage: { value: 5 } }, { destination: { host: 'ratings' } }]);
    expect(http2.redirect).toEqual({ uri: '/new', authority: 'new.example.com', scheme: 'https', redirectCode: 308, derivePort: 'FROM_PROTOCOL_DEFAULT' });
    expect(http3.rewrite).toEqual({ uriRegexRewrite: { match: '^/v1(/.*)$', rewrite: '/v2\\1' } });
    expect(http4.directResponse).toEqual({ status: 410, body: { string: 'gone' } });
    expect(errors(vs)).toEqual([]);
  });

  test('never renders the deprecated mirror_percent or mirrorPercent', () => {
    // GIVEN
    const chart = Testing.chart();
    new VirtualService(chart, 'vs', {
      hosts: ['httpbin'],
      httpRoutes: [
        { route: [{ destination: Destination.fromHost('httpbin', { subset: 'v1' }) }], mirror: Destination.fromHost('httpbin', { subset: 'v2' }), mirrorPercentage: 100 },
        { route: [{ destination: ratings }], mirror: ratings },
      ],
    });
    // THEN
    const json = JSON.stringify(virtualServices(chart));
    expect(json).toContain('"mirrorPercentage":{"value":100}');
    expect(json).not.toContain('mirror_percent');
    expect(json).not.toContain('mirrorPercent"');
    expect(json).not.toMatch(/mirrorPercent[^a]/);
  });

  test('delegate: a VirtualService construct or a name, and the delegate VirtualService has no hosts', () => {
    // GIVEN
    const chart = Testing.chart();
    const productpage = new VirtualService(chart, 'productpage', { metadata: { namespace: 'nsa' }, httpRoutes: [{ match: [HttpMatch.exact('/productpage/v1')], route: [{ destination: Destination.fromHost('productpage') }] }] });
    const root = new VirtualService(chart, 'bookinfo', { metadata: { namespace: 'nsa' }, hosts: ['bookinfo.com'], gateways: [GatewayBinding.fromName('mygateway')] });
    // WHEN
    root.addHttpRoute({ match: [HttpMatch.prefix('/productpage')], delegate: productpage });
    root.addHttpRoute({ match: [HttpMatch.prefix('/reviews')], delegate: { name: 'reviews', namespace: 'nsb' } });
    // THEN
    const [delegateVs, rootVs] = virtualServices(chart);
    expect(rootVs.spec.http.map((h: any) => h.delegate)).toEqual([{ name: 'productpage', namespace: 'nsa' }, { name: 'reviews', namespace: 'nsb' }]);
    expect(delegateVs.spec.hosts).toBeUndefined();
    expect(productpage.isDelegate).toBe(true);
    expect(errors(productpage)).toEqual([]);
    expect(errors(root)).toEqual([]);
  });

  test('renders TCP and TLS routes', () => {
    // GIVEN
    const chart = Testing.chart();
    const mongo = service(chart, 'mongo', [27017]);
    // WHEN
    const vs = new VirtualService(chart, 'vs', { hosts: ['mongo', '*.example.com'] });
    vs.addTcpRoute({ match: [{ port: 27017, sourceLabels: { app: 'ratings' } }], route: [{ destination: Destination.fromService(mongo, { subset: 'v1' }), weight: 80 }, { destination: Destination.fromService(mongo, { subset: 'v2' }), weight: 20 }] });
    vs.addTlsRoute({ match: [{ sniHosts: ['login.example.com'], port: 443 }], route: [{ destination: Destination.fromHost('login', { port: 443 }) }] });
    // THEN
    const spec = virtualServices(chart)[0].spec;
    expect(spec.tcp).toEqual([{
      match: [{ port: 27017, sourceLabels: { app: 'ratings' } }],
      route: [
        { destination: { host: 'mongo', port: { number: 27017 }, subset: 'v1' }, weight: 80 },
        { destination: { host: 'mongo', port: { number: 27017 }, subset: 'v2' }, weight: 20 },
      ],
    }]);
    expect(spec.tls).toEqual([{ match: [{ sniHosts: ['login.example.com'], port: 443 }], route: [{ destination: { host: 'login', port: { number: 443 } } }] }]);
    expect(errors(vs)).toEqual([]);
  });

  test('a destination in another namespace is rendered as an FQDN', () => {
    // GIVEN a Service in the bookinfo namespace and a VirtualService in the front namespace
    const app = Testing.app();
    const backend = new Chart(app, 'backend', { namespace: 'bookinfo' });
    const front = new Chart(app, 'front', { namespace: 'front' });
    const reviews = service(backend, 'reviews');
    // WHEN
    new VirtualService(front, 'reviews', { hosts: ['reviews.bookinfo.svc.cluster.local'], httpRoutes: [{ route: [{ destination: Destination.fromService(reviews) }] }] });
    new VirtualService(backend, 'reviews-local', { hosts: ['reviews'], httpRoutes: [{ route: [{ destination: Destination.fromService(reviews) }] }] });
    // THEN
    const frontVs = Testing.synth(front).find((o) => o.kind === 'VirtualService');
    const backendVs = Testing.synth(backend).find((o) => o.kind === 'VirtualService');
    expect(frontVs.metadata.namespace).toBe('front');
    expect(frontVs.spec.http[0].route[0].destination.host).toBe('reviews.bookinfo.svc.cluster.local');
    expect(backendVs.spec.http[0].route[0].destination.host).toBe('reviews');
  });

  test('rendered VirtualServices validate against the Istio 1.30.3 CRD schema', () => {
    // GIVEN a VirtualService using most fields
    const chart = Testing.chart();
    const reviews = service(chart, 'reviews');
    new VirtualService(chart, 'vs', {
      hosts: ['reviews', '*.example.com'],
      gateways: [GatewayBinding.fromName('istio-system/ingress'), GatewayBinding.MESH],
      exportTo: ['.'],
      httpRoutes: [
        {
          name: 'all',
          match: [HttpMatch.of({ uri: StringMatch.prefix('/api'), method: StringMatch.exact('GET'), headers: { 'end-user': StringMatch.regex('j.*') }, queryParams: { q: StringMatch.exact('1') }, withoutHeaders: { 'x-debug': StringMatch.exact('1') }, ignoreUriCase: true, port: 80, sourceLabels: { app: 'x' }, sourceNamespace: 'ns', gateways: [GatewayBinding.MESH] })],
          route: [{ destination: Destination.fromService(reviews, { subset: 'v1' }), weight: 70, headers: { request: { set: { 'x-a': '1' } } } }, { destination: Destination.fromService(reviews, { subset: 'v2' }), weight: 30 }],
          rewrite: { uri: '/' },
          headers: { request: { add: { 'x-b': '2' } }, response: { remove: ['server'] } },
          cors: { allowOrigins: [StringMatch.prefix('https://')], allowMethods: ['GET'], maxAge: Duration.minutes(5), allowCredentials: true, unmatchedPreflights: UnmatchedPreflights.IGNORE },
          timeout: Duration.millis(1500),
          retries: { attempts: 2, perTryTimeout: Duration.millis(500), retryOn: [RetryOn.GATEWAY_ERROR, 503], backoff: Duration.millis(25) },
          fault: FaultInjection.of({ delay: { fixedDelay: Duration.seconds(1), percentage: 1.5 }, abort: { grpcStatus: 'UNAVAILABLE' } }),
          mirror: Destination.fromHost('shadow', { port: 80 }),
          mirrorPercentage: 10,
        },
        { name: 'mirrors', route: [{ destination: ratings }], mirrors: [{ destination: Destination.fromHost('shadow'), percentage: 1 }] },
        { name: 'redirect', match: [HttpMatch.exact('/old')], redirect: { uri: '/new', port: 8080, redirectCode: 302 } },
        { name: 'direct', match: [HttpMatch.exact('/health')], directResponse: { status: 200, body: 'ok' } },
        { name: 'delegate', match: [HttpMatch.prefix('/d')], delegate: { name: 'other', namespace: 'x' } },
      ],
      tcpRoutes: [{ match: [{ port: 3306, destinationSubnets: ['10.0.0.0/8'] }], route: [{ destination: Destination.fromHost('mysql', { port: 3306 }) }] }],
      tlsRoutes: [{ match: [{ sniHosts: ['a.example.com'] }], route: [{ destination: Destination.fromHost('a', { port: 443 }) }] }],
    });
    // THEN
    const [vs] = virtualServices(chart);
    expect(schemaProblems(vs)).toEqual([]);
  });

  test('a realistic reviews canary', () => {
    // GIVEN the Bookinfo reviews routing: jason sees v2, everyone else v1/v3 split
    const chart = Testing.chart();
    const reviews = service(chart, 'reviews');
    // WHEN
    new VirtualService(chart, 'reviews', {
      hosts: ['reviews'],
      httpRoutes: [
        { name: 'jason', match: [HttpMatch.header('end-user', StringMatch.exact('jason'))], route: [{ destination: Destination.fromService(reviews, { subset: 'v2' }) }] },
        {
          name: 'default',
          route: [{ destination: Destination.fromService(reviews, { subset: 'v1' }), weight: 50 }, { destination: Destination.fromService(reviews, { subset: 'v3' }), weight: 50 }],
          timeout: Duration.seconds(10),
          retries: { attempts: 3, perTryTimeout: Duration.seconds(2), retryOn: [RetryOn.GATEWAY_ERROR, RetryOn.CONNECT_FAILURE] },
        },
      ],
    });
    // THEN
    expect(virtualServices(chart)).toMatchSnapshot();
  });
});

describe('validation', () => {
  test('reports every problem together at synthesis, with path, field, value and fix', () => {
    // GIVEN
    const chart = Testing.chart();
    const vs = new VirtualService(chart, 'bad', { hosts: ['a.*.com'] });
    // WHEN
    vs.addHttpRoute({ route: [{ destination: Destination.fromHost('*'), weight: -1 }, { destination: ratings }], timeout: Duration.millis(0) });
    // THEN
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/\[test\/bad\] error CI0101 spec\.hosts\[0\] = 'a\.\*\.com'/);
    expect(message).toMatch(/\[test\/bad\] error CI0125 spec\.http\[0\]\.route\[0\]\.destination\.host = '\*'/);
    expect(message).toMatch(/\[test\/bad\] error CI0126 spec\.http\[0\]\.route\[0\]\.weight = -1/);
    expect(message).toMatch(/\[test\/bad\] error CI0127 spec\.http\[0\]\.timeout = '0s'.*fix: /);
  });

  test('a VirtualService without hosts is a delegate to Istio: a warning unless it is marked as one', () => {
    const vs = new VirtualService(Testing.chart(), 'vs', { httpRoutes: [{ route: [{ destination: ratings }] }] });
    expect(findingsOf(vs).map((f) => [f.code, f.field, f.severity])).toEqual([['CI0019', 'spec.hosts', 'warning']]);
    expect(findingsOf(vs)[0].message).toMatch(/no hosts, so Istio treats it as a delegate/);
    const d = new VirtualService(Testing.chart(), 'd', { delegate: true, httpRoutes: [{ route: [{ destination: ratings }] }] });
    expect(findingsOf(d)).toEqual([]);
    // a warning does not fail the synth
    expect(() => Testing.synth(vs.node.scope as Chart)).not.toThrow();
  });

  test('fails without routes (CI0103)', () => {
    const vs = new VirtualService(Testing.chart(), 'vs', { hosts: ['reviews'] });
    expect(codeAt(vs)).toEqual([['CI0103', 'spec.http']]);
  });

  test('a delegate with gateways, TCP or TLS routes, or a nested delegate fails (CI0104, CI0108); one with hosts is a construct warning', () => {
    // GIVEN a delegate without hosts that has what a delegate may not have
    const vs = new VirtualService(Testing.chart(), 'vs', {
      delegate: true,
      gateways: [GatewayBinding.fromName('gw')],
      httpRoutes: [{ delegate: { name: 'again' } }],
      tcpRoutes: [{ route: [{ destination: ratings }] }],
      tlsRoutes: [{ match: [{ sniHosts: ['a'] }], route: [{ destination: ratings }] }],
    });
    // THEN
    expect(codeAt(vs)).toEqual([
      ['CI0104', 'spec.gateways'],
      ['CI0104', 'spec.tcp'],
      ['CI0104', 'spec.tls'],
      ['CI0108', 'spec.http[0].delegate'],
      ['CI0108', 'spec.http[0]'],
      ['CI0130', 'spec.tls[0].match[0].sniHosts[0]'],
    ]);
    const withHosts = new VirtualService(Testing.chart(), 'vs', { delegate: true, hosts: ['a'], httpRoutes: [{ route: [{ destination: ratings }] }] });
    expect(findingsOf(withHosts).map((f) => [f.code, f.field, f.severity])).toEqual([['CI0019', 'spec.hosts', 'warning']]);
  });

  test('fails on invalid hosts, and on * for the mesh; * and wildcards are fine at a gateway', () => {
    const mesh = new VirtualService(Testing.chart(), 'vs', { hosts: ['*', 'bad_host', ''], httpRoutes: [{ route: [{ destination: ratings }] }] });
    expect(codeAt(mesh)).toEqual([['CI0101', 'spec.hosts[0]'], ['CI0101', 'spec.hosts[1]'], ['CI0101', 'spec.hosts[2]']]);
    expect(errors(mesh)[0].message).toMatch(/not allowed for a VirtualService that applies to the sidecars/);
    const gw = new VirtualService(Testing.chart(), 'vs', { hosts: ['*'], gateways: [GatewayBinding.fromName('istio-system/gw')], httpRoutes: [{ route: [{ destination: ratings }] }] });
    expect(codeAt(gw)).toEqual([]);
    const withMesh = new VirtualService(Testing.chart(), 'vs', { hosts: ['*'], gateways: [GatewayBinding.fromName('istio-system/gw'), GatewayBinding.MESH], httpRoutes: [{ route: [{ destination: ratings }] }] });
    expect(codeAt(withMesh)).toEqual([['CI0101', 'spec.hosts[0]']]);
    const wild = new VirtualService(Testing.chart(), 'vs', { hosts: ['*.example.com', '10.0.0.1', 'Reviews.Example.com'], httpRoutes: [{ route: [{ destination: ratings }] }] });
    expect(codeAt(wild)).toEqual([]);
  });

  test('fails on duplicate or overlapping hosts (CI0102)', () => {
    const vs = new VirtualService(Testing.chart(), 'vs', { hosts: ['a.example.com', '*.example.com', 'b.org', 'b.org'], httpRoutes: [{ route: [{ destination: ratings }] }] });
    expect(codeAt(vs)).toEqual([['CI0102', 'spec.hosts[1]'], ['CI0102', 'spec.hosts[3]']]);
  });

  test('warns on duplicate route names (CI0133): Istio accepts them', () => {
    const vs = new VirtualService(Testing.chart(), 'vs', { hosts: ['a'], httpRoutes: [{ name: 'r', match: [HttpMatch.prefix('/a')], route: [{ destination: ratings }] }, { name: 'r', route: [{ destination: ratings }] }] });
    expect(codeAt(vs)).toEqual([]);
    const [f] = findingsOf(vs);
    expect([f.code, f.field, f.severity]).toEqual(['CI0133', 'spec.http[1].name', 'warning']);
    expect(f.message).toMatch(/'r' is already used by spec\.http\[0\]/);
  });

  test('fails on a route with no action, or with actions Istio forbids together (CI0108)', () => {
    const vs = new VirtualService(Testing.chart(), 'vs', {
      hosts: ['a'],
      httpRoutes: [
        { match: [HttpMatch.prefix('/none')] },
        { match: [HttpMatch.prefix('/both')], route: [{ destination: ratings }], redirect: { uri: '/x' } },
        { match: [HttpMatch.prefix('/answers')], redirect: { uri: '/x' }, directResponse: { status: 404 } },
        { match: [HttpMatch.prefix('/root')], delegate: { name: 'd' }, route: [{ destination: ratings }] },
      ],
    });
    expect(codeAt(vs)).toEqual([
      ['CI0108', 'spec.http[0]'],
      ['CI0108', 'spec.http[1].route'],
      ['CI0108', 'spec.http[2].directResponse'],
      ['CI0108', 'spec.http[3].route'],
    ]);
  });

  test('fails on fault or rewrite with a redirect or a direct response (CI0108)', () => {
    const vs = new VirtualService(Testing.chart(), 'vs', {
      hosts: ['a'],
      httpRoutes: [
        { match: [HttpMatch.prefix('/a')], redirect: { uri: '/x' }, fault: FaultInjection.abort({ httpStatus: 500 }) },
        { directResponse: { status: 404 }, rewrite: { uri: '/' } },
      ],
    });
    expect(codeAt(vs)).toEqual([['CI0108', 'spec.http[0].fault'], ['CI0108', 'spec.http[1].rewrite']]);
  });

  test('fails on a route with an empty destination list (CI0108) and on weights that add up to 0 (CI0126)', () => {
    expect(codeAt(new VirtualService(Testing.chart(), 'vs', { hosts: ['a'], httpRoutes: [{ route: [] }] }))).toEqual([['CI0108', 'spec.http[0]']]);
    const zero = new VirtualService(Testing.chart(), 'vs', { hosts: ['a'], httpRoutes: [{ route: [{ destination: ratings, weight: 0 }, { destination: Destination.fromHost('b'), weight: 0 }] }] });
    expect(codeAt(zero)).toEqual([['CI0126', 'spec.http[0].route']]);
  });

  test('mirroring: mirror with mirrors and a percentage outside 0-100 fail; mirrorPercentage without mirror only warns (CI0124)', () => {
    const vs = new VirtualService(Testing.chart(), 'vs', {
      hosts: ['a'],
      httpRoutes: [
        { name: 'a', match: [HttpMatch.prefix('/a')], route: [{ destination: ratings }], mirrorPercentage: 50 },
        { name: 'b', match: [HttpMatch.prefix('/b')], route: [{ destination: ratings }], mirror: ratings, mirrorPercentage: 101 },
        { name: 'c', route: [{ destination: ratings }], mirror: ratings, mirrors: [{ destination: ratings, percentage: -5 }] },
      ],
    });
    expect(findingsOf(vs).map((f) => [f.code, f.field, f.severity])).toEqual([
      ['CI0124', 'spec.http[0].mirrorPercentage', 'warning'],
      ['CI0124', 'spec.http[1].mirrorPercentage.value', 'error'],
      ['CI0124', 'spec.http[2].mirrors', 'error'],
      ['CI0124', 'spec.http[2].mirrors[0].percentage.value', 'error'],
    ]);
  });

  test('fails on the authority set both by rewrite and by a request header (CI0117)', () => {
    const vs = new VirtualService(Testing.chart(), 'vs', { hosts: ['a'], httpRoutes: [{ route: [{ destination: ratings }], rewrite: { authority: 'x' }, headers: { request: { set: { host: 'y' } } } }] });
    expect(codeAt(vs)).toEqual([['CI0117', 'spec.http[0].headers.request.set.host']]);
  });

  test('places the problems of the routing values under their route and match', () => {
    const vs = new VirtualService(Testing.chart(), 'vs', {
      hosts: ['a', 'b.example.com'],
      httpRoutes: [{
        match: [HttpMatch.prefix('/ok'), HttpMatch.of({ uri: StringMatch.regex('(?=x)'), headers: { 'x user': StringMatch.exact('a') } })],
        route: [{ destination: Destination.fromHost('b', { port: 70000 }) }],
        retries: { attempts: 1, retryOn: ['sometimes' as RetryOn] },
        fault: FaultInjection.of({}),
      }],
      tcpRoutes: [{ route: [{ destination: ratings, weight: -1 }] }],
      tlsRoutes: [{ match: [{ sniHosts: ['c.example.com'] }], route: [{ destination: ratings }] }],
    });
    expect(codeAt(vs)).toEqual([
      ['CI0109', 'spec.http[0].match[1].uri.regex'],
      ['CI0112', "spec.http[0].match[1].headers['x user']"],
      ['CI0119', 'spec.http[0].fault'],
      ['CI0120', 'spec.http[0].retries.retryOn'],
      ['CI0125', 'spec.http[0].route[0].destination.port.number'],
      ['CI0126', 'spec.tcp[0].route[0].weight'],
      ['CI0130', 'spec.tls[0].match[0].sniHosts[0]'],
    ]);
  });

  test('fails on bad exportTo entries (CI0023)', () => {
    const vs = new VirtualService(Testing.chart(), 'vs', { metadata: { namespace: 'prod' }, hosts: ['a'], exportTo: ['.', 'prod', 'Bad_NS', '*'], httpRoutes: [{ route: [{ destination: ratings }] }] });
    expect(codeAt(vs)).toEqual([['CI0023', 'spec.exportTo[1]'], ['CI0023', 'spec.exportTo[2]'], ['CI0023', 'spec.exportTo']]);
  });

  test('fails on a gateway name that is not DNS-1123 (CI0105); uppercase letters are fine, as in Istio', () => {
    const vs = new VirtualService(Testing.chart(), 'vs', { hosts: ['a'], gateways: [GatewayBinding.fromName('istio-system/Gateway_1')], httpRoutes: [{ route: [{ destination: ratings }] }] });
    expect(codeAt(vs)).toEqual([['CI0105', 'spec.gateways[0]']]);
    const upper = new VirtualService(Testing.chart(), 'vs', { hosts: ['a'], gateways: [GatewayBinding.fromName('istio-system/Gateway-1')], httpRoutes: [{ route: [{ destination: ratings }] }] });
    expect(codeAt(upper)).toEqual([]);
  });
});

describe('Istio\'s rules apply to the manifest, whatever wrote it', () => {
  test('host * patched in for the sidecars fails like host * given to the construct (CI0101)', () => {
    // GIVEN a valid VirtualService
    const vs = new VirtualService(Testing.chart(), 'vs', { hosts: ['reviews'], httpRoutes: [{ route: [{ destination: ratings }] }] });
    expect(findingsOf(vs)).toEqual([]);
    // WHEN a JSON patch adds host *
    ApiObject.of(vs).addJsonPatch(JsonPatch.add('/spec/hosts/-', '*'));
    // THEN
    expect(codeAt(vs)).toEqual([['CI0101', 'spec.hosts[1]']]);
  });

  test('the imported L1 class is checked the same (CI0109, CI0119, CI0120, CI0126, CI0127)', () => {
    // GIVEN the mistakes users reported, written with the L1 class
    const chart = Testing.chart();
    const l1 = new networking.VirtualService(chart, 'l1', {
      metadata: { name: 'l1' },
      spec: {
        hosts: ['reviews'],
        http: [{
          match: [{ uri: { regex: '^/(?=api).*' } }],
          route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 110 }, { destination: { host: 'reviews', subset: 'v2' }, weight: -10 }],
          timeout: '0s',
          retries: { attempts: 3, retryOn: 'reset,connect-failure, 5xx' },
          fault: { delay: { fixedDelay: '1s', percentage: { value: 150 } } },
        }],
      },
    });
    // THEN
    expect(findingsOf(l1).map((f) => [f.code, f.field])).toEqual([
      ['CI0109', 'spec.http[0].match[0].uri.regex'],
      ['CI0119', 'spec.http[0].fault.delay.percentage.value'],
      ['CI0120', 'spec.http[0].retries.retryOn'],
      ['CI0126', 'spec.http[0].route[1].weight'],
      ['CI0127', 'spec.http[0].timeout'],
    ]);
  });

  test('every served version is checked (v1beta1 and v1alpha3 as v1)', () => {
    for (const cls of [networking.VirtualServiceV1Beta1, networking.VirtualServiceV1Alpha3]) {
      const chart = Testing.chart();
      const o = new cls(chart, 'old', { metadata: { name: 'old' }, spec: { hosts: ['*'], http: [{ route: [{ destination: { host: 'reviews' } }] }] } });
      expect(findingsOf(o).map((f) => [f.code, f.field])).toEqual([['CI0101', 'spec.hosts[0]']]);
    }
  });
});

describe('values a plain-JavaScript user (or a cast) passes render as given, for the checks to judge', () => {
  test('a string timeout renders as given instead of crashing with "d.toMilliseconds is not a function"', () => {
    // GIVEN
    const chart = Testing.chart();
    const vs = new VirtualService(chart, 'vs', { hosts: ['a'], httpRoutes: [{ route: [{ destination: ratings }], timeout: '10s' as unknown as Duration }] });
    // THEN it renders, and is valid
    expect(virtualServices(chart)[0].spec.http[0].timeout).toBe('10s');
    expect(findingsOf(vs)).toEqual([]);
  });

  test('a string timeout Istio rejects, and string retry and fault durations, are judged by the checks', () => {
    const vs = new VirtualService(Testing.chart(), 'vs', {
      hosts: ['a'],
      httpRoutes: [{
        route: [{ destination: ratings }],
        timeout: '0s' as unknown as Duration,
        retries: { attempts: 2, perTryTimeout: '2s' as unknown as Duration, retryOn: 'reset,connect-failure, 5xx' as unknown as RetryOn[] },
        fault: FaultInjection.delay({ fixedDelay: '1.5ms' as unknown as Duration }),
      }],
    });
    expect(codeAt(vs)).toEqual([
      ['CI0119', 'spec.http[0].fault.delay.fixedDelay'],
      ['CI0120', 'spec.http[0].retries.retryOn'],
      ['CI0127', 'spec.http[0].timeout'],
    ]);
  });

  test('plain objects in place of matches, destinations and gateway bindings render as given', () => {
    // GIVEN the Istio form where the value objects belong
    const chart = Testing.chart();
    new VirtualService(chart, 'vs', {
      hosts: ['a'],
      gateways: ['istio-system/gw' as unknown as GatewayBinding],
      httpRoutes: [{ match: [{ uri: { prefix: '/a' } } as unknown as HttpMatch], route: [{ destination: { host: 'b' } as unknown as Destination }] }],
    });
    // THEN
    expect(virtualServices(chart)[0].spec).toEqual({
      hosts: ['a'], gateways: ['istio-system/gw'],
      http: [{ match: [{ uri: { prefix: '/a' } }], route: [{ destination: { host: 'b' } }] }],
    });
  });
});

describe('VirtualService.forService', () => {
  test('is named after the Service and routes its short host in the same namespace', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'c', { namespace: 'shop' });
    const reviews = new kplus.Service(chart, 'reviews-svc', { metadata: { name: 'reviews' }, ports: [{ port: 9080, name: 'http' }] });
    // WHEN
    const vs = VirtualService.forService(chart, 'reviews-routes', reviews, { hosts: ['reviews.example.com'], httpRoutes: [{ route: [{ destination: Destination.fromService(reviews) }] }] });
    // THEN
    const out = Testing.synth(chart).find((o) => o.kind === 'VirtualService');
    expect(vs.name).toBe('reviews');
    expect(out.spec.hosts).toEqual(['reviews', 'reviews.example.com']);
  });

  test('renders the FQDN of a Service in another namespace, and keeps an explicit name', () => {
    // GIVEN
    const app = Testing.app();
    const reviews = new kplus.Service(new Chart(app, 'backend', { namespace: 'backend' }), 'reviews', { metadata: { name: 'reviews' }, ports: [{ port: 9080, name: 'http' }] });
    const chart = new Chart(app, 'front', { namespace: 'front' });
    // WHEN
    VirtualService.forService(chart, 'vs', reviews, { metadata: { name: 'reviews-from-front' }, httpRoutes: [{ route: [{ destination: Destination.fromService(reviews) }] }] });
    // THEN
    const out = Testing.synth(chart)[0];
    expect(out.metadata.name).toBe('reviews-from-front');
    expect(out.spec.hosts).toEqual(['reviews.backend.svc.cluster.local']);
    expect(out.spec.http[0].route[0].destination.host).toBe('reviews.backend.svc.cluster.local');
  });
});

describe('list options from plain JavaScript', () => {
  test.each([
    { option: 'hosts', props: { hosts: 'reviews', httpRoutes: [{ route: [{ destination: Destination.fromHost('reviews') }] }] }, field: 'spec.hosts', message: 'hosts must be a list, got string; it is left out of the manifest' },
    { option: 'gateways', props: { hosts: ['reviews'], gateways: 'mesh', httpRoutes: [{ route: [{ destination: Destination.fromHost('reviews') }] }] }, field: 'spec.gateways', message: 'gateways must be a list, got string; it is left out of the manifest' },
    { option: 'httpRoutes', props: { hosts: ['reviews'], httpRoutes: [undefined, { route: [{ destination: Destination.fromHost('reviews') }] }] }, field: 'spec.http', message: 'httpRoutes has null or undefined entries; they are left out of the manifest' },
  ])('fails: $option that is not a list of entries is a CI0019 on its field, not its characters or a TypeError', ({ props, field, message }) => {
    // GIVEN / WHEN
    const chart = Testing.chart();
    const vs = new VirtualService(chart, 'js', props as any);
    // THEN
    expect(errors(vs).map((f) => [f.code, f.field, f.message])).toEqual([['CI0019', field, message]]);
    expect(ApiObject.of(vs).toJson().spec.hosts).toEqual(field === 'spec.hosts' ? undefined : ['reviews']);
  });

  test('forService reports hosts that are not a list and keeps the Service host', () => {
    // GIVEN
    const chart = Testing.chart();
    const reviews = service(chart, 'reviews');
    // WHEN
    const vs = VirtualService.forService(chart, 'js', reviews, { hosts: 'reviews.example.com' as any, httpRoutes: [{ route: [{ destination: Destination.fromService(reviews) }] }] });
    // THEN
    expect(codeAt(vs)).toEqual([['CI0019', 'spec.hosts']]);
    expect(ApiObject.of(vs).toJson().spec.hosts).toEqual(['reviews']);
  });

  test('addHttpRoute(undefined) renders a route without action (CI0108) instead of throwing', () => {
    // GIVEN
    const vs = new VirtualService(Testing.chart(), 'js', { hosts: ['reviews'] });
    // WHEN
    vs.addHttpRoute(undefined as any);
    // THEN
    expect(codeAt(vs)).toEqual([['CI0108', 'spec.http[0]']]);
  });
});
