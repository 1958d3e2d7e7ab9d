/**
 * The README's examples, as code: if an API they use changes, this fails and the README is fixed
 * with it. Each family (routing, resilience, mirroring, egress and security, escape hatch) is
 * rendered in one app that must pass every check.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, Chart, Duration, Include, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AuthorizationPolicy, ClientTls, ConnectionPool, Destination, DestinationRule, FaultInjection, Gateway, GatewayBinding,
  GatewayServer, HttpMatch, MeshApp, MtlsMode, OutboundTrafficPolicy, OutlierDetection, PeerAuthentication, PortProtocol,
  RetryOn, ServiceEntry, ServiceEntryLocation, ServiceEntryResolution, Sidecar, Source, StringMatch, Subset, Suppressions,
  TrafficPolicy, VirtualService, WorkloadSelector,
} from '../lib';
import { REPO_ROOT } from './util/tree';

const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The code of the first TypeScript block under a README heading, without its import lines. */
function readmeCode(heading: string): string {
  const section = README.slice(README.indexOf(`\n${heading}\n`));
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error(`no code block under ${heading}`);
  return block[1].split('\n').filter((l) => !l.startsWith('import ')).join('\n');
}

/** Runs the README's escape-hatch code as written, with `rule` bound to `rule`. */
function runEscapeHatch(rule: DestinationRule): void {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('ApiObject', 'JsonPatch', 'rule', readmeCode('### Escape hatch'))(ApiObject, JsonPatch, rule);
}

function shop() {
  const app = new MeshApp({ outdir: '/nonexistent', log: () => undefined });
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  const service = (name: string, port: number) => {
    const svc = new kplus.Service(chart, `${name}-service`, { metadata: { name }, ports: [{ port, name: 'http' }] });
    svc.selectLabel('app', name);
    return svc;
  };
  const deployment = (app_: string, version: string, sa?: kplus.ServiceAccount) => {
    const d = new kplus.Deployment(chart, `${app_}-${version}`, {
      metadata: { name: `${app_}-${version}` }, select: false, replicas: 1, serviceAccount: sa,
      podMetadata: { labels: { app: app_, version } },
      containers: [{ image: `example/${app_}:${version}`, ports: [{ number: 9080 }] }],
    });
    d.select(kplus.LabelSelector.of({ labels: { app: app_, version } }));
    return d;
  };
  return { app, chart, service, deployment };
}

test('the README examples render and pass every check', () => {
  const { app, chart, service, deployment } = shop();
  const reviews = service('reviews', 9080);
  const httpbin = service('httpbin', 8000);
  const ratings = service('ratings', 9080);
  const reviewsServiceAccount = new kplus.ServiceAccount(chart, 'reviews-sa', { metadata: { name: 'bookinfo-reviews' } });
  const reviewsV1 = deployment('reviews', 'v1', reviewsServiceAccount);
  const reviewsV2 = deployment('reviews', 'v2', reviewsServiceAccount);
  const ratingsV1 = deployment('ratings', 'v1');
  const httpbinV1 = deployment('httpbin', 'v1');
  const httpbinV2 = deployment('httpbin', 'v2');

  // Routing
  const rule = DestinationRule.forService(chart, 'reviews-rule', reviews);
  rule.addSubset(Subset.fromWorkload('v1', reviewsV1));
  rule.addSubset(Subset.fromWorkload('v2', reviewsV2));
  VirtualService.forService(chart, 'reviews-routes', reviews, {
    httpRoutes: [
      { match: [HttpMatch.header('end-user', StringMatch.exact('jason'))], route: [{ destination: Destination.fromService(reviews, { subset: 'v2' }) }] },
      { route: [
        { destination: Destination.fromService(reviews, { subset: 'v1' }), weight: 90 },
        { destination: Destination.fromService(reviews, { subset: 'v2' }), weight: 10 },
      ] },
    ],
  });
  const gw = new Gateway(chart, 'gw', { servers: [GatewayServer.http({ port: 8080, hosts: ['*'] })] });
  new VirtualService(chart, 'front', {
    hosts: ['*'], gateways: [GatewayBinding.fromGateway(gw)],
    httpRoutes: [{ match: [HttpMatch.prefix('/reviews')], route: [{ destination: Destination.fromService(reviews, { subset: 'v1' }) }] }],
  });

  // Resilience
  new VirtualService(chart, 'ratings-routes', {
    metadata: { name: 'ratings' },
    hosts: ['ratings'],
    httpRoutes: [{
      route: [{ destination: Destination.fromService(ratings) }],
      timeout: Duration.seconds(10),
      retries: { attempts: 3, perTryTimeout: Duration.seconds(2), retryOn: [RetryOn.FIVE_XX, RetryOn.CONNECT_FAILURE] },
      fault: FaultInjection.delay({ fixedDelay: Duration.seconds(7), percentage: 10 }),
    }],
  });
  const httpbinRule = DestinationRule.forService(chart, 'httpbin-rule', httpbin, {
    trafficPolicy: TrafficPolicy.of({
      connectionPool: ConnectionPool.of({ tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1 } }),
      outlierDetection: OutlierDetection.of({ consecutive5xxErrors: 1, interval: Duration.seconds(1), baseEjectionTime: Duration.minutes(3) }),
      tls: ClientTls.istioMutual(),
    }),
    subsets: [Subset.fromWorkload('v1', httpbinV1), Subset.fromWorkload('v2', httpbinV2)],
  });

  // Mirroring
  new VirtualService(chart, 'httpbin-routes', {
    metadata: { name: 'httpbin' },
    hosts: ['httpbin'],
    httpRoutes: [{
      route: [{ destination: Destination.fromService(httpbin, { subset: 'v1' }) }],
      mirror: Destination.fromService(httpbin, { subset: 'v2' }),
      mirrorPercentage: 100,
    }],
  });

  // Egress and security
  new ServiceEntry(chart, 'edition-cnn-com', {
    hosts: ['edition.cnn.com'], location: ServiceEntryLocation.MESH_EXTERNAL, resolution: ServiceEntryResolution.DNS,
    ports: [{ number: 80, name: 'http-port', protocol: PortProtocol.HTTP, targetPort: 443 }],
  });
  new Sidecar(chart, 'default', { egress: [{ hosts: ['./*', 'istio-system/*'] }], outboundTrafficPolicy: OutboundTrafficPolicy.REGISTRY_ONLY });
  const policy = new AuthorizationPolicy(chart, 'ratings-viewers', {
    selector: WorkloadSelector.fromService(ratings),
    rules: [{ from: [Source.fromServiceAccounts(reviewsServiceAccount)] }],
  });
  const meshChart = new Chart(app, 'mesh', { namespace: 'istio-system' });
  PeerAuthentication.meshWide(meshChart, 'default', { mtlsMode: MtlsMode.STRICT });

  // Escape hatch: the README's code as written, on the reviews rule (no traffic policy); and, as the README says for
  // a rule that has a traffic policy, the tunnel added under it
  runEscapeHatch(rule);
  ApiObject.of(httpbinRule).addJsonPatch(JsonPatch.add('/spec/trafficPolicy/tunnel', { protocol: 'CONNECT', targetHost: 'proxy', targetPort: 8080 }));

  // a sample client without a version label, suppressed with a reason
  const client = new kplus.Deployment(chart, 'client', { metadata: { name: 'client' }, select: false, podMetadata: { labels: { app: 'client' } }, containers: [{ image: 'curl' }] });
  client.select(kplus.LabelSelector.of({ labels: { app: 'client' } }));
  Suppressions.add(client, 'CI1012', 'a load client that nothing routes to');

  // THEN every check passes (the meshed-namespace checks only apply where a Namespace object says so)
  const report = app.check();
  expect(report.errors).toEqual([]);
  expect(report.warnings).toEqual([]);

  const out = Testing.synth(chart);
  const byName = (kind: string, name: string) => out.find((o) => o.kind === kind && o.metadata.name === name);
  expect(byName('DestinationRule', 'reviews').spec.subsets).toEqual([{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }]);
  expect(byName('DestinationRule', 'reviews').spec.trafficPolicy).toEqual({ tunnel: { protocol: 'CONNECT', targetHost: 'proxy', targetPort: 8080 } });
  expect(byName('DestinationRule', 'httpbin').spec.trafficPolicy.tls).toEqual({ mode: 'ISTIO_MUTUAL' });
  expect(byName('DestinationRule', 'httpbin').spec.trafficPolicy.tunnel).toEqual({ protocol: 'CONNECT', targetHost: 'proxy', targetPort: 8080 });
  expect(byName('VirtualService', 'httpbin').spec.http[0].mirrorPercentage).toEqual({ value: 100 });
  expect(byName('VirtualService', 'ratings').spec.http[0].retries).toEqual({ attempts: 3, perTryTimeout: '2s', retryOn: '5xx,connect-failure' });
  expect(byName('AuthorizationPolicy', policy.name).spec.rules[0].from[0].source.principals).toEqual(['cluster.local/ns/shop/sa/bookinfo-reviews']);
  // every version of ratings, not only ratings-v1
  expect(byName('AuthorizationPolicy', policy.name).spec.selector).toEqual({ matchLabels: { app: 'ratings' } });
  expect(ratingsV1.name).toBe('ratings-v1');
});

test('existing YAML brought in with Include is checked with the app, its findings named by construct path', () => {
  // GIVEN the app and a YAML file of routes, one of them to a subset nobody defines
  const { app, chart, service, deployment } = shop();
  const reviews = service('reviews', 9080);
  DestinationRule.forService(chart, 'reviews-rule', reviews).addSubset(Subset.fromWorkload('v1', deployment('reviews', 'v1')));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-include-'));
  const file = path.join(dir, 'legacy-routes.yaml');
  fs.writeFileSync(file, [
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    'metadata: { name: reviews-legacy, namespace: shop }',
    'spec:',
    '  hosts: [reviews]',
    '  http:',
    '    - route: [{ destination: { host: reviews, subset: v9 } }]',
  ].join('\n'));

  // WHEN (the README's line)
  new Include(chart, 'legacy', { url: file });
  const report = app.check();
  fs.rmSync(dir, { recursive: true, force: true });

  // THEN
  expect(report.errors.map((f) => [f.code, f.path, f.field])).toEqual([['CI1003', 'shop/legacy/reviews-legacy-virtualservice-shop', 'spec.http[0].route[0].destination.subset']]);
});

test('fails: the escape hatch\'s former form (a patch under a traffic policy the rule does not have) is a CI0020 on the rule whose fix works, and the rest of the app is still checked', () => {
  // GIVEN the README's routing, the former escape hatch, and a subset typo in another VirtualService
  const build = (escapeHatch: (rule: DestinationRule) => void) => {
    const { app, chart, service, deployment } = shop();
    const reviews = service('reviews', 9080);
    const rule = DestinationRule.forService(chart, 'reviews-rule', reviews);
    rule.addSubset(Subset.fromWorkload('v1', deployment('reviews', 'v1')));
    rule.addSubset(Subset.fromWorkload('v2', deployment('reviews', 'v2')));
    VirtualService.forService(chart, 'reviews-routes', reviews, {
      httpRoutes: [{ route: [{ destination: Destination.fromService(reviews, { subset: 'v1' }), weight: 90 }, { destination: Destination.fromService(reviews, { subset: 'v2' }), weight: 10 }] }],
    });
    new VirtualService(chart, 'typo-routes', { hosts: ['typo.example.com'], httpRoutes: [{ route: [{ destination: Destination.fromService(reviews, { subset: 'v9' }) }] }] });
    escapeHatch(rule);
    return app;
  };
  const broken = build((rule) => ApiObject.of(rule).addJsonPatch(JsonPatch.add('/spec/trafficPolicy/tunnel', { protocol: 'CONNECT', targetHost: 'proxy', targetPort: 8080 })));

  // WHEN
  const report = broken.check();

  // THEN the patch is a finding on the rule; the rule is still checked as it renders without the patch (its subsets
  // resolve), and the typo elsewhere is found
  expect(report.errors.map((f) => [f.code, f.path, f.field])).toEqual([
    ['CI0020', 'shop/reviews-rule', 'spec.trafficPolicy.tunnel'],
    ['CI1003', 'shop/typo-routes', 'spec.http[0].route[0].destination.subset'],
  ]);
  expect(report.warnings).toEqual([]);
  const fix = report.errors[0].fix;
  expect(fix).toBe('add the nearest missing parent instead, with the value nested: JsonPatch.add(\'/spec/trafficPolicy\', { tunnel: {"protocol":"CONNECT","targetHost":"proxy","targetPort":8080} })');

  // WHEN the fix is applied as written, and, separately, the README's escape hatch
  const call = /JsonPatch\.add\(.*\)$/.exec(fix)![0];
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const fixed = build((rule) => ApiObject.of(rule).addJsonPatch(new Function('JsonPatch', `return ${call};`)(JsonPatch)));
  const readme = build(runEscapeHatch);

  // THEN both render the tunnel, and only the typo is left
  for (const app of [fixed, readme]) {
    expect(app.check().errors.map((f) => [f.code, f.path])).toEqual([['CI1003', 'shop/typo-routes']]);
    const rules = app.charts.flatMap((c) => c.toJson()).filter((o) => o.kind === 'DestinationRule');
    expect(rules.map((r) => r.spec.trafficPolicy)).toEqual([{ tunnel: { protocol: 'CONNECT', targetHost: 'proxy', targetPort: 8080 } }]);
  }
});
