/**
 * An end-to-end corpus of mistakes: each case starts from a small valid meshed app, adds exactly
 * one mistake through the public API, runs the whole check pipeline (`MeshApp.check()`: per-object
 * rules, cdk8s/cdk8s-plus validations, CRD schema, cross-resource analysis, suppressions) and
 * asserts the exact findings: code, construct path, field and severity, and nothing else.
 */
import { ApiObject, Chart, Duration, JsonPatch } from 'cdk8s';
import { CHECKS as LEGACY } from '../../lib/analysis/codes';
import * as kplus from 'cdk8s-plus-27';
import {
  AuthorizationAction, AuthorizationPolicy, CHECKS, checkInfo, ClientTls, ConnectionPool, Destination, DestinationRule, FaultInjection, Finding,
  Gateway, GatewayBinding, GatewayServer, HttpMatch, HttpRouteOptions, LoadBalancer, MeshApp, MtlsMode, Operation, OutlierDetection,
  PeerAuthentication, PortProtocol, LoadBalancerAlgorithm, RequestAuthentication, RetryOn, ServerProtocol, ServerTls, ServiceEntry, ServiceEntryLocation,
  ServiceEntryResolution, Severity, Sidecar, Source, StringMatch, Subset, Suppressions, TrafficPolicy, VirtualService, WorkloadSelector,
} from '../../lib';

// ---------------------------------------------------------------------------------------------
// the fixture: a small valid meshed app

interface ServicePortSpec {
  readonly port: number;
  readonly name?: string;
}

interface Ctx {
  readonly app: MeshApp;
  /** Cluster-scoped objects (Namespaces). */
  readonly cluster: Chart;
  /** The meshed namespace `shop`. */
  readonly chart: Chart;
  readonly namespace: kplus.Namespace;
  readonly reviews: kplus.Service;
  readonly ratings: kplus.Service;
  readonly reviewsV1: kplus.Deployment;
  readonly reviewsV2: kplus.Deployment;
  readonly ratingsV1: kplus.Deployment;
  readonly reviewsRule: DestinationRule;
  readonly ratingsRule: DestinationRule;
  readonly gateway: Gateway;
  /** `shop.example.com` on the gateway: /reviews to reviews v1, /ratings to ratings v1. */
  readonly front: VirtualService;
  /** `reviews` for the sidecars: jason to v2, everyone else to v1. */
  readonly reviewsRoutes: VirtualService;
  /** A Service `name` selecting `app: name`, with one port `http` 9080 unless told otherwise. */
  service(name: string, options?: { ports?: ServicePortSpec[]; scope?: Chart }): kplus.Service;
  /** A Deployment `<app>-<version>` with pod labels `app`, `version` (or `labels`), selected by them. */
  deployment(app: string, version: string, options?: { scope?: Chart; labels?: Record<string, string> }): kplus.Deployment;
  /** A Service and its Deployment `<name>-v1`. */
  backend(name: string): { service: kplus.Service; v1: kplus.Deployment };
  /** A sidecar VirtualService `<id>` for the host `<id>.example.com` with these HTTP routes. */
  routes(id: string, ...httpRoutes: HttpRouteOptions[]): VirtualService;
  /** A workload-level PeerAuthentication for `workload`. */
  peerAuthentication(id: string, workload: kplus.Deployment, mtlsMode: MtlsMode): PeerAuthentication;
}

function baseApp(): Ctx {
  const app = new MeshApp({ outdir: '/nonexistent', log: () => undefined });
  const cluster = new Chart(app, 'cluster');
  const namespace = new kplus.Namespace(cluster, 'shop-namespace', { metadata: { name: 'shop', labels: { 'istio-injection': 'enabled' } } });
  const chart = new Chart(app, 'shop', { namespace: 'shop' });

  const service: Ctx['service'] = (name, options = {}) => {
    const svc = new kplus.Service(options.scope ?? chart, name, { metadata: { name }, ports: options.ports ?? [{ port: 9080, name: 'http' }] });
    svc.selectLabel('app', name);
    return svc;
  };
  const deployment: Ctx['deployment'] = (app_, version, options = {}) => {
    const labels = options.labels ?? { app: app_, version };
    const d = new kplus.Deployment(options.scope ?? chart, `${app_}-${version}`, {
      metadata: { name: `${app_}-${version}` },
      select: false,
      replicas: 1,
      podMetadata: { labels },
      containers: [{ image: `example/${app_}:${version}`, ports: [{ number: 9080 }] }],
    });
    d.select(kplus.LabelSelector.of({ labels }));
    return d;
  };
  const backend: Ctx['backend'] = (name) => ({ service: service(name), v1: deployment(name, 'v1') });

  const reviews = service('reviews');
  const ratings = service('ratings');
  const reviewsV1 = deployment('reviews', 'v1');
  const reviewsV2 = deployment('reviews', 'v2');
  const ratingsV1 = deployment('ratings', 'v1');
  const reviewsRule = DestinationRule.forService(chart, 'reviews-rule', reviews, {
    subsets: [Subset.fromWorkload('v1', reviewsV1), Subset.fromWorkload('v2', reviewsV2)],
  });
  const ratingsRule = DestinationRule.forService(chart, 'ratings-rule', ratings, { subsets: [Subset.fromWorkload('v1', ratingsV1)] });
  const gateway = new Gateway(chart, 'shop-gateway', { servers: [GatewayServer.http({ port: 8080, name: 'http', hosts: ['shop.example.com'] })] });
  const front = new VirtualService(chart, 'shop', {
    hosts: ['shop.example.com'],
    gateways: [GatewayBinding.fromGateway(gateway)],
    httpRoutes: [
      { match: [HttpMatch.prefix('/reviews')], route: [{ destination: Destination.fromService(reviews, { subset: 'v1' }) }] },
      { match: [HttpMatch.prefix('/ratings')], route: [{ destination: Destination.fromService(ratings, { subset: 'v1' }) }] },
    ],
  });
  const reviewsRoutes = new VirtualService(chart, 'reviews-routes', {
    metadata: { name: 'reviews' },
    hosts: ['reviews'],
    httpRoutes: [
      { match: [HttpMatch.header('end-user', StringMatch.exact('jason'))], route: [{ destination: Destination.fromService(reviews, { subset: 'v2' }) }] },
      { route: [{ destination: Destination.fromService(reviews, { subset: 'v1' }) }] },
    ],
  });

  const routes: Ctx['routes'] = (id, ...httpRoutes) => new VirtualService(chart, id, { hosts: [`${id}.example.com`], httpRoutes });
  const peerAuthentication: Ctx['peerAuthentication'] = (id, workload, mtlsMode) =>
    new PeerAuthentication(chart, id, { selector: WorkloadSelector.fromWorkload(workload), mtlsMode });

  return {
    app, cluster, chart, namespace, reviews, ratings, reviewsV1, reviewsV2, ratingsV1, reviewsRule, ratingsRule, gateway, front, reviewsRoutes,
    service, deployment, backend, routes, peerAuthentication,
  };
}

/** A route to a destination, for brevity. */
const to = (destination: Destination): HttpRouteOptions => ({ route: [{ destination }] });

// ---------------------------------------------------------------------------------------------
// the corpus

interface Expected {
  readonly code: string;
  readonly path: string;
  readonly field: string;
  /** @default the check's default severity (CHECKS[code].severity) */
  readonly severity?: Severity;
}

interface Case {
  readonly name: string;
  readonly mutate: (ctx: Ctx) => void;
  readonly expect: Expected[];
}

const W = Severity.WARNING;

const CASES: Case[] = [
  // ---- CI0001 InvalidName
  {
    name: 'CI0001 resource name with an underscore',
    mutate: (ctx) => {
      new VirtualService(ctx.chart, 'reviews-canary', {
        metadata: { name: 'reviews_canary' }, hosts: ['reviews-canary.example.com'], httpRoutes: [to(Destination.fromService(ctx.reviews, { subset: 'v2' }))],
      });
    },
    expect: [{ code: 'CI0001', path: 'shop/reviews-canary', field: 'metadata.name' }],
  },
  {
    name: 'CI0001 subset name in uppercase',
    mutate: (ctx) => {
      const { service, v1 } = ctx.backend('upper-subset');
      DestinationRule.forService(ctx.chart, 'upper-subset-rule', service, { subsets: [Subset.fromWorkload('V1', v1)] });
    },
    expect: [{ code: 'CI0001', path: 'shop/upper-subset-rule', field: 'spec.subsets[0].name' }],
  },
  {
    name: 'CI0001 gateway name with a dot',
    mutate: (ctx) => { new Gateway(ctx.chart, 'dotted-gateway', { metadata: { name: 'shop.gateway' }, servers: [GatewayServer.http({ hosts: ['dotted.example.com'] })] }); },
    expect: [{ code: 'CI0001', path: 'shop/dotted-gateway', field: 'metadata.name' }],
  },
  {
    name: 'CI0001 ServiceEntry port name in uppercase',
    mutate: (ctx) => {
      new ServiceEntry(ctx.chart, 'payments-api', {
        hosts: ['api.payments.example.com'], location: ServiceEntryLocation.MESH_EXTERNAL, resolution: ServiceEntryResolution.DNS,
        ports: [{ number: 443, name: 'HTTPS', protocol: PortProtocol.HTTPS }],
      });
    },
    expect: [{ code: 'CI0001', path: 'shop/payments-api', field: 'spec.ports[0].name' }],
  },

  // ---- CI0002 InvalidHost
  {
    name: 'CI0002 VirtualService host * for the sidecars',
    mutate: (ctx) => { new VirtualService(ctx.chart, 'every-host', { hosts: ['*'], httpRoutes: [to(Destination.fromService(ctx.reviews, { subset: 'v1' }))] }); },
    expect: [{ code: 'CI0002', path: 'shop/every-host', field: 'spec.hosts[0]' }],
  },
  {
    name: 'CI0002 gateway server host is a short name',
    mutate: (ctx) => { new Gateway(ctx.chart, 'short-host-gateway', { servers: [GatewayServer.http({ hosts: ['shop'] })] }); },
    expect: [{ code: 'CI0002', path: 'shop/short-host-gateway', field: 'spec.servers[0].hosts[0]' }],
  },
  {
    name: 'CI0002 Sidecar egress host without namespace',
    mutate: (ctx) => {
      new Sidecar(ctx.chart, 'reviews-egress', { workloadSelector: WorkloadSelector.fromWorkload(ctx.reviewsV1), egress: [{ hosts: ['./*', 'api.example.com'] }] });
    },
    expect: [{ code: 'CI0002', path: 'shop/reviews-egress', field: 'spec.egress[0].hosts[1]' }],
  },
  {
    name: 'CI0002 destination host is a URL',
    mutate: (ctx) => { ctx.routes('url-host', to(Destination.fromHost('http://ratings'))); },
    expect: [
      { code: 'CI0002', path: 'shop/url-host', field: 'spec.http[0].route[0].destination.host' },
      { code: 'CI1002', path: 'shop/url-host', field: 'spec.http[0].route[0].destination.host' },
    ],
  },
  {
    name: 'CI0002 DestinationRule host *',
    mutate: (ctx) => {
      new DestinationRule(ctx.chart, 'all-hosts-rule', { host: '*', trafficPolicy: TrafficPolicy.of({ connectionPool: ConnectionPool.of({ tcp: { maxConnections: 100 } }) }) });
    },
    expect: [{ code: 'CI0002', path: 'shop/all-hosts-rule', field: 'spec.host' }],
  },
  {
    name: 'CI0002 ServiceEntry wildcard host with DNS resolution',
    mutate: (ctx) => {
      new ServiceEntry(ctx.chart, 'googleapis', {
        hosts: ['*.googleapis.com'], location: ServiceEntryLocation.MESH_EXTERNAL, resolution: ServiceEntryResolution.DNS,
        ports: [{ number: 443, name: 'tls', protocol: PortProtocol.TLS }],
      });
    },
    expect: [{ code: 'CI0002', path: 'shop/googleapis', field: 'spec.hosts[0]' }],
  },

  // ---- CI0003 InvalidPort
  {
    name: 'CI0003 destination port above 65535',
    mutate: (ctx) => { ctx.routes('big-port', to(Destination.fromService(ctx.reviews, { port: 90800, subset: 'v1' }))); },
    expect: [
      { code: 'CI0003', path: 'shop/big-port', field: 'spec.http[0].route[0].destination.port.number' },
      { code: 'CI1005', path: 'shop/big-port', field: 'spec.http[0].route[0].destination.port.number' },
    ],
  },
  {
    name: 'CI0003 gateway server port 0',
    mutate: (ctx) => { new Gateway(ctx.chart, 'zero-port-gateway', { servers: [GatewayServer.http({ port: 0, name: 'http', hosts: ['zero.example.com'] })] }); },
    expect: [{ code: 'CI0003', path: 'shop/zero-port-gateway', field: 'spec.servers[0].port.number' }],
  },
  {
    name: 'CI0003 ServiceEntry port 70000',
    mutate: (ctx) => {
      new ServiceEntry(ctx.chart, 'bad-port-entry', {
        hosts: ['db.example.com'], location: ServiceEntryLocation.MESH_EXTERNAL, resolution: ServiceEntryResolution.DNS,
        ports: [{ number: 70000, name: 'tcp-db', protocol: PortProtocol.TCP }],
      });
    },
    expect: [{ code: 'CI0003', path: 'shop/bad-port-entry', field: 'spec.ports[0].number' }],
  },
  {
    name: 'CI0003 AuthorizationPolicy operation port 0',
    mutate: (ctx) => {
      new AuthorizationPolicy(ctx.chart, 'port-zero-policy', {
        selector: WorkloadSelector.fromWorkload(ctx.ratingsV1),
        rules: [{ from: [Source.fromNamespaces('shop')], to: [Operation.ports(0)] }],
      });
    },
    expect: [{ code: 'CI0003', path: 'shop/port-zero-policy', field: 'spec.rules[0].to[0].operation.ports[0]' }],
  },

  // ---- CI0004 InvalidDuration
  {
    name: 'CI0004 0.5ms timeout',
    mutate: (ctx) => { ctx.routes('half-ms-timeout', { ...to(Destination.fromService(ctx.reviews, { subset: 'v1' })), timeout: Duration.millis(0.5) }); },
    expect: [{ code: 'CI0004', path: 'shop/half-ms-timeout', field: 'spec.http[0].timeout' }],
  },
  {
    name: 'CI0004 perTryTimeout of zero',
    mutate: (ctx) => {
      ctx.routes('zero-per-try', {
        ...to(Destination.fromService(ctx.reviews, { subset: 'v1' })),
        retries: { attempts: 3, perTryTimeout: Duration.seconds(0), retryOn: [RetryOn.FIVE_XX] },
      });
    },
    expect: [{ code: 'CI0004', path: 'shop/zero-per-try', field: 'spec.http[0].retries.perTryTimeout' }],
  },
  {
    name: 'CI0004 connectTimeout below 1ms',
    mutate: (ctx) => {
      const { service } = ctx.backend('fast-connect');
      DestinationRule.forService(ctx.chart, 'fast-connect-rule', service, {
        trafficPolicy: TrafficPolicy.of({ connectionPool: ConnectionPool.of({ tcp: { connectTimeout: Duration.millis(0.25) } }) }),
      });
    },
    expect: [{ code: 'CI0004', path: 'shop/fast-connect-rule', field: 'spec.trafficPolicy.connectionPool.tcp.connectTimeout' }],
  },

  // ---- CI0005 InvalidPercentage
  {
    name: 'CI0005 fault delay percentage 150',
    mutate: (ctx) => {
      ctx.routes('delay-150', { ...to(Destination.fromService(ctx.ratings, { subset: 'v1' })), fault: FaultInjection.delay({ fixedDelay: Duration.seconds(7), percentage: 150 }) });
    },
    expect: [{ code: 'CI0005', path: 'shop/delay-150', field: 'spec.http[0].fault.delay.percentage.value' }],
  },
  {
    name: 'CI0005 mirrorPercentage 200',
    mutate: (ctx) => {
      ctx.routes('mirror-200', {
        ...to(Destination.fromService(ctx.reviews, { subset: 'v1' })),
        mirror: Destination.fromService(ctx.reviews, { subset: 'v2' }),
        mirrorPercentage: 200,
      });
    },
    expect: [{ code: 'CI0005', path: 'shop/mirror-200', field: 'spec.http[0].mirrorPercentage.value' }],
  },
  {
    name: 'CI0005 maxEjectionPercent 120',
    mutate: (ctx) => {
      const { service } = ctx.backend('eject-all');
      DestinationRule.forService(ctx.chart, 'eject-all-rule', service, {
        trafficPolicy: TrafficPolicy.of({ outlierDetection: OutlierDetection.of({ consecutive5xxErrors: 5, maxEjectionPercent: 120 }) }),
      });
    },
    expect: [{ code: 'CI0005', path: 'shop/eject-all-rule', field: 'spec.trafficPolicy.outlierDetection.maxEjectionPercent' }],
  },

  // ---- CI0006 InvalidHttpStatus
  {
    name: 'CI0006 abort 700',
    mutate: (ctx) => {
      ctx.routes('abort-700', { ...to(Destination.fromService(ctx.ratings, { subset: 'v1' })), fault: FaultInjection.abort({ httpStatus: 700, percentage: 100 }) });
    },
    expect: [{ code: 'CI0006', path: 'shop/abort-700', field: 'spec.http[0].fault.abort.httpStatus' }],
  },
  {
    name: 'CI0006 redirect 200',
    mutate: (ctx) => { ctx.routes('redirect-200', { redirect: { uri: '/v2/reviews', redirectCode: 200 } }); },
    expect: [{ code: 'CI0006', path: 'shop/redirect-200', field: 'spec.http[0].redirect.redirectCode' }],
  },
  {
    name: 'CI0006 direct response 600',
    mutate: (ctx) => { ctx.routes('direct-600', { directResponse: { status: 600, body: 'maintenance' } }); },
    expect: [{ code: 'CI0006', path: 'shop/direct-600', field: 'spec.http[0].directResponse.status' }],
  },

  // ---- CI0007 InvalidRetryOn
  {
    name: 'CI0007 retryOn typo connect-failures',
    mutate: (ctx) => {
      ctx.routes('retry-typo', {
        ...to(Destination.fromService(ctx.reviews, { subset: 'v1' })),
        retries: { attempts: 3, retryOn: [RetryOn.FIVE_XX, 'connect-failures' as RetryOn] },
      });
    },
    expect: [{ code: 'CI0007', path: 'shop/retry-typo', field: 'spec.http[0].retries.retryOn[1]' }],
  },
  {
    name: 'CI0007 retryOn 5XX in uppercase',
    mutate: (ctx) => {
      ctx.routes('retry-upper', { ...to(Destination.fromService(ctx.reviews, { subset: 'v1' })), retries: { attempts: 2, retryOn: ['5XX' as RetryOn] } });
    },
    expect: [{ code: 'CI0007', path: 'shop/retry-upper', field: 'spec.http[0].retries.retryOn[0]' }],
  },
  {
    name: 'CI0007 retryOn status 999',
    mutate: (ctx) => {
      ctx.routes('retry-999', { ...to(Destination.fromService(ctx.reviews, { subset: 'v1' })), retries: { attempts: 2, retryOn: [RetryOn.RETRIABLE_STATUS_CODES, 999] } });
    },
    expect: [{ code: 'CI0007', path: 'shop/retry-999', field: 'spec.http[0].retries.retryOn[1]' }],
  },

  // ---- CI0008 InvalidRegex
  {
    name: 'CI0008 regex lookahead',
    mutate: (ctx) => {
      ctx.routes('regex-lookahead', { match: [HttpMatch.uri(StringMatch.regex('^/api/(?!internal).*'))], route: [{ destination: Destination.fromService(ctx.reviews, { subset: 'v1' }) }] });
    },
    expect: [{ code: 'CI0008', path: 'shop/regex-lookahead', field: 'spec.http[0].match[0].uri.regex' }],
  },
  {
    name: 'CI0008 regex backreference in a header match',
    mutate: (ctx) => {
      ctx.routes('regex-backref', {
        match: [HttpMatch.header('x-tenant', StringMatch.regex('^(\\w+)-\\1$'))],
        route: [{ destination: Destination.fromService(ctx.reviews, { subset: 'v2' }) }],
      });
    },
    expect: [{ code: 'CI0008', path: 'shop/regex-backref', field: 'spec.http[0].match[0].headers.x-tenant.regex' }],
  },
  {
    name: 'CI0008 uriRegexRewrite with a lookbehind',
    mutate: (ctx) => {
      ctx.routes('rewrite-lookbehind', {
        ...to(Destination.fromService(ctx.reviews, { subset: 'v1' })),
        rewrite: { uriRegexRewrite: { match: '(?<=/api)/v1(/.*)', rewrite: '/v2\\1' } },
      });
    },
    expect: [{ code: 'CI0008', path: 'shop/rewrite-lookbehind', field: 'spec.http[0].rewrite.uriRegexRewrite.match' }],
  },

  // ---- CI0009 InvalidHeaderName
  {
    name: 'CI0009 uppercase header (a warning: Envoy matches names case-insensitively)',
    mutate: (ctx) => {
      ctx.routes('upper-header', { match: [HttpMatch.header('End-User', StringMatch.exact('jason'))], route: [{ destination: Destination.fromService(ctx.reviews, { subset: 'v2' }) }] });
    },
    expect: [{ code: 'CI0009', path: 'shop/upper-header', field: 'spec.http[0].match[0].headers.End-User', severity: W }],
  },
  {
    name: 'CI0009 consistent-hash header in uppercase',
    mutate: (ctx) => {
      const { service } = ctx.backend('sticky');
      DestinationRule.forService(ctx.chart, 'sticky-rule', service, {
        trafficPolicy: TrafficPolicy.of({ loadBalancer: LoadBalancer.consistentHash({ httpHeaderName: 'X-User-Id' }) }),
      });
    },
    expect: [{ code: 'CI0009', path: 'shop/sticky-rule', field: 'spec.trafficPolicy.loadBalancer.consistentHash.httpHeaderName' }],
  },
  {
    name: 'CI0009 JWT payload header with a space',
    mutate: (ctx) => {
      new RequestAuthentication(ctx.chart, 'jwt', {
        selector: WorkloadSelector.fromWorkload(ctx.reviewsV1),
        jwtRules: [{ issuer: 'https://issuer.example.com', jwksUri: 'https://issuer.example.com/jwks.json', outputPayloadToHeader: 'x jwt payload' }],
      });
    },
    expect: [{ code: 'CI0009', path: 'shop/jwt', field: 'spec.jwtRules[0].outputPayloadToHeader' }],
  },

  // ---- CI0010 RouteActionConflict
  {
    name: 'CI0010 route without any action',
    mutate: (ctx) => { ctx.routes('no-action', { match: [HttpMatch.prefix('/reviews')] }); },
    expect: [{ code: 'CI0010', path: 'shop/no-action', field: 'spec.http[0]' }],
  },
  {
    name: 'CI0010 route and redirect together',
    mutate: (ctx) => {
      ctx.routes('route-and-redirect', { ...to(Destination.fromService(ctx.reviews, { subset: 'v1' })), redirect: { uri: '/reviews/v1' } });
    },
    expect: [{ code: 'CI0010', path: 'shop/route-and-redirect', field: 'spec.http[0].redirect' }],
  },
  {
    name: 'CI0010 fault on a direct response',
    mutate: (ctx) => {
      ctx.routes('fault-direct', { directResponse: { status: 503 }, fault: FaultInjection.delay({ fixedDelay: Duration.seconds(1) }) });
    },
    expect: [{ code: 'CI0010', path: 'shop/fault-direct', field: 'spec.http[0].fault' }],
  },

  // ---- CI0011 InvalidWeights
  {
    name: 'CI0011 weights all 0',
    mutate: (ctx) => {
      ctx.routes('all-zero', {
        route: [
          { destination: Destination.fromService(ctx.reviews, { subset: 'v1' }), weight: 0 },
          { destination: Destination.fromService(ctx.reviews, { subset: 'v2' }), weight: 0 },
        ],
      });
    },
    expect: [{ code: 'CI0011', path: 'shop/all-zero', field: 'spec.http[0].route' }],
  },
  {
    name: 'CI0011 negative weight',
    mutate: (ctx) => {
      ctx.routes('negative-weight', {
        route: [
          { destination: Destination.fromService(ctx.reviews, { subset: 'v1' }), weight: 110 },
          { destination: Destination.fromService(ctx.reviews, { subset: 'v2' }), weight: -10 },
        ],
      });
    },
    expect: [{ code: 'CI0011', path: 'shop/negative-weight', field: 'spec.http[0].route[1].weight' }],
  },
  {
    // the CRD types weight as an integer, so the schema check reports it too
    name: 'CI0011 fractional weight',
    mutate: (ctx) => {
      ctx.routes('fractional-weight', {
        route: [
          { destination: Destination.fromService(ctx.reviews, { subset: 'v1' }), weight: 66.6 },
          { destination: Destination.fromService(ctx.reviews, { subset: 'v2' }), weight: 33.4 },
        ],
      });
    },
    expect: [
      { code: 'CI0011', path: 'shop/fractional-weight', field: 'spec.http[0].route[0].weight' },
      { code: 'CI0011', path: 'shop/fractional-weight', field: 'spec.http[0].route[1].weight' },
    ],
  },

  // ---- CI0012 DuplicateName
  {
    name: 'CI0012 duplicate subset names',
    mutate: (ctx) => {
      const { service, v1 } = ctx.backend('dup-subset');
      DestinationRule.forService(ctx.chart, 'dup-subset-rule', service, { subsets: [Subset.fromWorkload('v1', v1), Subset.fromLabels('v1', { version: 'v1' })] });
    },
    expect: [{ code: 'CI0012', path: 'shop/dup-subset-rule', field: 'spec.subsets[1].name' }],
  },
  {
    name: 'CI0012 duplicate HTTP route names',
    mutate: (ctx) => {
      ctx.routes('dup-route-name',
        { name: 'primary', match: [HttpMatch.header('end-user', StringMatch.exact('jason'))], route: [{ destination: Destination.fromService(ctx.reviews, { subset: 'v2' }) }] },
        { name: 'primary', route: [{ destination: Destination.fromService(ctx.reviews, { subset: 'v1' }) }] });
    },
    expect: [{ code: 'CI0012', path: 'shop/dup-route-name', field: 'spec.http[1].name' }],
  },
  {
    name: 'CI0012 duplicate gateway server port names',
    mutate: (ctx) => {
      new Gateway(ctx.chart, 'dup-port-gateway', {
        servers: [GatewayServer.http({ port: 80, name: 'http', hosts: ['a.example.com'] }), GatewayServer.http({ port: 8080, name: 'http', hosts: ['b.example.com'] })],
      });
    },
    expect: [{ code: 'CI0012', path: 'shop/dup-port-gateway', field: 'spec.servers[1].port.name' }],
  },
  {
    name: 'CI0012 duplicate VirtualService hosts',
    mutate: (ctx) => {
      new VirtualService(ctx.chart, 'dup-hosts', { hosts: ['dup.example.com', 'dup.example.com'], httpRoutes: [to(Destination.fromService(ctx.reviews, { subset: 'v1' }))] });
    },
    expect: [{ code: 'CI0012', path: 'shop/dup-hosts', field: 'spec.hosts[1]' }],
  },

  // ---- CI0013 InvalidTlsSettings
  {
    name: 'CI0013 SIMPLE TLS without credentialName',
    mutate: (ctx) => { new Gateway(ctx.chart, 'tls-gateway', { servers: [GatewayServer.https({ hosts: ['secure.example.com'], tls: ServerTls.simple('') })] }); },
    expect: [{ code: 'CI0013', path: 'shop/tls-gateway', field: 'spec.servers[0].tls.credentialName' }],
  },
  {
    name: 'CI0013 HTTPS server without TLS settings',
    mutate: (ctx) => {
      new Gateway(ctx.chart, 'https-no-tls', { servers: [GatewayServer.of({ port: 443, name: 'https', protocol: ServerProtocol.HTTPS, hosts: ['plain.example.com'] })] });
    },
    expect: [{ code: 'CI0013', path: 'shop/https-no-tls', field: 'spec.servers[0].tls' }],
  },
  {
    name: 'CI0013 MUTUAL client TLS without a client certificate',
    mutate: (ctx) => {
      new ServiceEntry(ctx.chart, 'bank-api', {
        hosts: ['api.bank.example.com'], location: ServiceEntryLocation.MESH_EXTERNAL, resolution: ServiceEntryResolution.DNS,
        ports: [{ number: 443, name: 'tls', protocol: PortProtocol.TLS }],
      });
      new DestinationRule(ctx.chart, 'bank-api-rule', {
        host: 'api.bank.example.com',
        trafficPolicy: TrafficPolicy.of({ tls: ClientTls.mutual({ caCertificates: '/etc/certs/ca.pem' }) }),
      });
    },
    expect: [{ code: 'CI0013', path: 'shop/bank-api-rule', field: 'spec.trafficPolicy.tls.clientCertificate' }],
  },
  {
    name: 'CI0013 insecureSkipVerify together with caCertificates',
    mutate: (ctx) => {
      new ServiceEntry(ctx.chart, 'partner-api', {
        hosts: ['api.partner.example.com'], location: ServiceEntryLocation.MESH_EXTERNAL, resolution: ServiceEntryResolution.DNS,
        ports: [{ number: 443, name: 'tls', protocol: PortProtocol.TLS }],
      });
      new DestinationRule(ctx.chart, 'partner-api-rule', {
        host: 'api.partner.example.com',
        trafficPolicy: TrafficPolicy.of({ tls: ClientTls.simple({ caCertificates: '/etc/certs/partner-ca.pem', insecureSkipVerify: true }) }),
      });
    },
    expect: [{ code: 'CI0013', path: 'shop/partner-api-rule', field: 'spec.trafficPolicy.tls.insecureSkipVerify' }],
  },

  // ---- CI0014 InvalidAuthorizationPolicy
  {
    name: 'CI0014 AuthorizationPolicy CUSTOM without provider',
    mutate: (ctx) => {
      new AuthorizationPolicy(ctx.chart, 'ext-authz', {
        selector: WorkloadSelector.fromWorkload(ctx.reviewsV1), action: AuthorizationAction.CUSTOM, rules: [{ to: [Operation.paths('/admin/*')] }],
      });
    },
    expect: [{ code: 'CI0014', path: 'shop/ext-authz', field: 'spec.provider.name' }],
  },
  {
    name: 'CI0014 DENY without rules',
    mutate: (ctx) => { new AuthorizationPolicy(ctx.chart, 'deny-nothing', { selector: WorkloadSelector.fromWorkload(ctx.ratingsV1), action: AuthorizationAction.DENY }); },
    expect: [{ code: 'CI0014', path: 'shop/deny-nothing', field: 'spec.rules' }],
  },
  {
    name: 'CI0014 provider with action ALLOW',
    mutate: (ctx) => {
      new AuthorizationPolicy(ctx.chart, 'allow-with-provider', {
        selector: WorkloadSelector.fromWorkload(ctx.ratingsV1), action: AuthorizationAction.ALLOW, provider: 'opa',
        rules: [{ from: [Source.fromNamespaces('shop')] }],
      });
    },
    expect: [{ code: 'CI0014', path: 'shop/allow-with-provider', field: 'spec.provider' }],
  },
  {
    name: 'CI0014 empty source',
    mutate: (ctx) => {
      new AuthorizationPolicy(ctx.chart, 'empty-source', { selector: WorkloadSelector.fromWorkload(ctx.ratingsV1), rules: [{ from: [Source.of({})] }] });
    },
    expect: [{ code: 'CI0014', path: 'shop/empty-source', field: 'spec.rules[0].from[0].source' }],
  },

  // ---- CI0015 MissingField
  {
    name: 'CI0015 VirtualService without routes',
    mutate: (ctx) => { new VirtualService(ctx.chart, 'no-routes', { hosts: ['no-routes.example.com'] }); },
    expect: [{ code: 'CI0015', path: 'shop/no-routes', field: 'spec.http' }],
  },
  {
    name: 'CI0015 Gateway without servers',
    mutate: (ctx) => { new Gateway(ctx.chart, 'empty-gateway'); },
    expect: [{ code: 'CI0015', path: 'shop/empty-gateway', field: 'spec.servers' }],
  },
  {
    name: 'CI0015 ServiceEntry STATIC without endpoints',
    mutate: (ctx) => {
      new ServiceEntry(ctx.chart, 'legacy-vm', {
        hosts: ['vm.legacy.example.com'], location: ServiceEntryLocation.MESH_INTERNAL, resolution: ServiceEntryResolution.STATIC,
        ports: [{ number: 8080, name: 'http', protocol: PortProtocol.HTTP }],
      });
    },
    expect: [{ code: 'CI0015', path: 'shop/legacy-vm', field: 'spec.endpoints', severity: W }],
  },
  {
    name: 'CI0015 mirrorPercentage without a mirror',
    mutate: (ctx) => { ctx.routes('no-mirror', { ...to(Destination.fromService(ctx.reviews, { subset: 'v1' })), mirrorPercentage: 10 }); },
    expect: [{ code: 'CI0015', path: 'shop/no-mirror', field: 'spec.http[0].mirror' }],
  },
  {
    name: 'CI0015 abort without a status',
    mutate: (ctx) => { ctx.routes('abort-no-status', { ...to(Destination.fromService(ctx.ratings, { subset: 'v1' })), fault: FaultInjection.abort({ percentage: 10 }) }); },
    expect: [{ code: 'CI0015', path: 'shop/abort-no-status', field: 'spec.http[0].fault.abort.httpStatus' }],
  },

  // ---- CI0016 SchemaViolation (escape hatch)
  {
    name: 'CI0016 JSON patch with a number where the CRD wants a duration string',
    mutate: (ctx) => {
      const vs = ctx.routes('patched-timeout', to(Destination.fromService(ctx.reviews, { subset: 'v1' })));
      ApiObject.of(vs).addJsonPatch(JsonPatch.add('/spec/http/0/timeout', 10));
    },
    expect: [{ code: 'CI0016', path: 'shop/patched-timeout', field: 'spec.http[0].timeout' }],
  },
  {
    name: 'CI0016 JSON patch with a string where the CRD wants an integer',
    mutate: (ctx) => {
      const { service } = ctx.backend('patched-pool');
      const rule = DestinationRule.forService(ctx.chart, 'patched-pool-rule', service, {
        trafficPolicy: TrafficPolicy.of({ connectionPool: ConnectionPool.of({ tcp: { maxConnections: 10 } }) }),
      });
      ApiObject.of(rule).addJsonPatch(JsonPatch.add('/spec/trafficPolicy/connectionPool/http', { http1MaxPendingRequests: 'ten' }));
    },
    expect: [{ code: 'CI0016', path: 'shop/patched-pool-rule', field: 'spec.trafficPolicy.connectionPool.http.http1MaxPendingRequests' }],
  },

  // ---- CI0017 InvalidValue
  {
    name: 'CI0017 uri prefix without /',
    mutate: (ctx) => { ctx.routes('prefix-no-slash', { match: [HttpMatch.prefix('reviews')], route: [{ destination: Destination.fromService(ctx.reviews, { subset: 'v1' }) }] }); },
    expect: [{ code: 'CI0017', path: 'shop/prefix-no-slash', field: 'spec.http[0].match[0].uri.prefix' }],
  },
  {
    name: 'CI0017 abort grpcStatus typo',
    mutate: (ctx) => {
      ctx.routes('grpc-typo', { ...to(Destination.fromService(ctx.ratings, { subset: 'v1' })), fault: FaultInjection.abort({ grpcStatus: 'UNAVAILABEL' }) });
    },
    expect: [{ code: 'CI0017', path: 'shop/grpc-typo', field: 'spec.http[0].fault.abort.grpcStatus' }],
  },
  {
    name: 'CI0017 negative retry attempts',
    mutate: (ctx) => { ctx.routes('negative-attempts', { ...to(Destination.fromService(ctx.reviews, { subset: 'v1' })), retries: { attempts: -1 } }); },
    expect: [{ code: 'CI0017', path: 'shop/negative-attempts', field: 'spec.http[0].retries.attempts' }],
  },
  {
    name: 'CI0017 portLevelMtls on a namespace-wide PeerAuthentication',
    mutate: (ctx) => { new PeerAuthentication(ctx.chart, 'namespace-ports', { portLevelMtls: { 9080: MtlsMode.PERMISSIVE } }); },
    expect: [
      { code: 'CI0017', path: 'shop/namespace-ports', field: 'spec.portLevelMtls' },
      // the CRD rule "portLevelMtls requires selector", declared on spec
      { code: 'CI0021', path: 'shop/namespace-ports', field: 'spec' },
    ],
  },
  {
    name: 'CI0017 redirect scheme ftp',
    mutate: (ctx) => { ctx.routes('ftp-redirect', { redirect: { scheme: 'ftp', authority: 'files.example.com' } }); },
    expect: [{ code: 'CI0017', path: 'shop/ftp-redirect', field: 'spec.http[0].redirect.scheme' }],
  },
  {
    name: 'CI0017 DestinationRule with a workloadSelector exported to every namespace',
    mutate: (ctx) => {
      new DestinationRule(ctx.chart, 'client-scoped-rule', {
        host: 'ratings', workloadSelector: WorkloadSelector.fromWorkload(ctx.reviewsV2), exportTo: ['*'],
        trafficPolicy: TrafficPolicy.of({ connectionPool: ConnectionPool.of({ http: { maxRetries: 1 } }) }),
      });
    },
    expect: [{ code: 'CI0017', path: 'shop/client-scoped-rule', field: 'spec.exportTo' }],
  },

  // ---- CI0018 InvalidLabels
  {
    name: 'CI0018 selector label with a wildcard',
    mutate: (ctx) => {
      new AuthorizationPolicy(ctx.chart, 'wildcard-selector', { selector: WorkloadSelector.fromLabels({ app: 'reviews-*' }), rules: [{ from: [Source.fromNamespaces('shop')] }] });
    },
    expect: [
      { code: 'CI0018', path: 'shop/wildcard-selector', field: 'spec.selector.matchLabels[\'app\']' },
      { code: 'CI0021', path: 'shop/wildcard-selector', field: 'spec.selector.matchLabels.app' },
    ],
  },
  {
    name: 'CI0018 gateway selector value with a space',
    mutate: (ctx) => {
      new Gateway(ctx.chart, 'spaced-selector-gateway', { selector: { istio: 'ingress gateway' }, servers: [GatewayServer.http({ hosts: ['spaced.example.com'] })] });
    },
    expect: [{ code: 'CI0018', path: 'shop/spaced-selector-gateway', field: 'spec.selector[\'istio\']' }],
  },
  {
    name: 'CI0018 empty Sidecar workload selector',
    mutate: (ctx) => {
      new Sidecar(ctx.chart, 'empty-selector-sidecar', { workloadSelector: WorkloadSelector.fromLabels({}), egress: [{ hosts: ['./*', 'istio-system/*'] }] });
    },
    expect: [{ code: 'CI0018', path: 'shop/empty-selector-sidecar', field: 'spec.workloadSelector.labels', severity: W }],
  },
  {
    name: 'CI0018 subset label value with a +',
    mutate: (ctx) => {
      const { service } = ctx.backend('build-label');
      DestinationRule.forService(ctx.chart, 'build-label-rule', service, { subsets: [Subset.fromLabels('v1', { version: 'v1+build.7' })] });
    },
    expect: [
      { code: 'CI0018', path: 'shop/build-label-rule', field: 'spec.subsets[0].labels[\'version\']' },
      { code: 'CI1009', path: 'shop/build-label-rule', field: 'spec.subsets[0].labels' },
    ],
  },

  // ---- CI0019 ConstructValidation
  {
    name: 'CI0019 Ingress without rules or default backend',
    mutate: (ctx) => { new kplus.Ingress(ctx.chart, 'legacy-ingress'); },
    expect: [{ code: 'CI0019', path: 'shop/legacy-ingress', field: '(construct)' }],
  },
  {
    name: 'CI0020 Service without ports',
    mutate: (ctx) => {
      const broken = new Chart(ctx.app, 'broken', { namespace: 'shop' });
      new kplus.Service(broken, 'headless', { metadata: { name: 'headless' } });
    },
    expect: [{ code: 'CI0020', path: 'broken/headless', field: '(render)' }],
  },

  // ---- CI0020 RenderFailed
  {
    name: 'CI0020 JSON patch under a traffic policy the rule does not have, next to a subset typo',
    mutate: (ctx) => {
      ApiObject.of(ctx.ratingsRule).addJsonPatch(JsonPatch.add('/spec/trafficPolicy/tunnel', { protocol: 'CONNECT', targetHost: 'proxy', targetPort: 8080 }));
      ctx.routes('typo-subset', to(Destination.fromService(ctx.ratings, { subset: 'v9' })));
    },
    expect: [
      { code: 'CI0020', path: 'shop/ratings-rule', field: 'spec.trafficPolicy.tunnel' },
      { code: 'CI1003', path: 'shop/typo-subset', field: 'spec.http[0].route[0].destination.subset' },
    ],
  },
  {
    name: 'CI0020 JSON patch replacing a path that does not exist',
    mutate: (ctx) => { ApiObject.of(ctx.reviewsRule).addJsonPatch(JsonPatch.replace('/spec/trafficPolicy/loadBalancer/simple', 'RANDOM')); },
    expect: [{ code: 'CI0020', path: 'shop/reviews-rule', field: 'spec.trafficPolicy.loadBalancer.simple' }],
  },

  // ---- CI0021 CrdValidationRule (escape hatch and plain API objects)
  {
    name: 'CI0021 JSON patch with a sub-millisecond TCP connect timeout',
    mutate: (ctx) => {
      const { service } = ctx.backend('quick-connect');
      const rule = DestinationRule.forService(ctx.chart, 'quick-connect-rule', service, {
        trafficPolicy: TrafficPolicy.of({ connectionPool: ConnectionPool.of({ tcp: { maxConnections: 10 } }) }),
      });
      ApiObject.of(rule).addJsonPatch(JsonPatch.add('/spec/trafficPolicy/connectionPool/tcp/connectTimeout', '500us'));
    },
    expect: [{ code: 'CI0021', path: 'shop/quick-connect-rule', field: 'spec.trafficPolicy.connectionPool.tcp.connectTimeout' }],
  },
  {
    name: 'CI0021 WasmPlugin object with an ftp:// module URL',
    mutate: (ctx) => {
      new ApiObject(ctx.chart, 'ftp-filter', {
        apiVersion: 'extensions.istio.io/v1alpha1', kind: 'WasmPlugin', metadata: { name: 'ftp-filter' },
        spec: { selector: { matchLabels: { app: 'reviews' } }, url: 'ftp://registry.example.com/filter.wasm' },
      });
    },
    expect: [{ code: 'CI0021', path: 'shop/ftp-filter', field: 'spec.url' }],
  },

  // ---- CI0022 DuplicateListKey
  {
    name: 'CI0022 JSON patch adding a second ServiceEntry port named https',
    mutate: (ctx) => {
      const entry = new ServiceEntry(ctx.chart, 'billing-api', {
        hosts: ['billing.example.com'], location: ServiceEntryLocation.MESH_EXTERNAL, resolution: ServiceEntryResolution.DNS,
        ports: [{ number: 443, name: 'https', protocol: PortProtocol.TLS }],
      });
      ApiObject.of(entry).addJsonPatch(JsonPatch.add('/spec/ports/-', { number: 8443, name: 'https', protocol: 'TLS' }));
    },
    expect: [{ code: 'CI0022', path: 'shop/billing-api', field: 'spec.ports[1]' }],
  },
  {
    name: 'CI0022 WasmPlugin object with one env variable twice',
    mutate: (ctx) => {
      new ApiObject(ctx.chart, 'env-filter', {
        apiVersion: 'extensions.istio.io/v1alpha1', kind: 'WasmPlugin', metadata: { name: 'env-filter' },
        spec: { selector: { matchLabels: { app: 'reviews' } }, url: 'oci://registry.example.com/filter:v1', vmConfig: { env: [{ name: 'MODE', value: 'a' }, { name: 'MODE', value: 'b' }] } },
      });
    },
    expect: [{ code: 'CI0022', path: 'shop/env-filter', field: 'spec.vmConfig.env[1]' }],
  },

  // ---- CI1001 GatewayNotFound
  {
    name: 'CI1001 gateway missing (typo)',
    mutate: (ctx) => {
      new VirtualService(ctx.chart, 'typo-gateway', {
        hosts: ['typo.example.com'], gateways: [GatewayBinding.fromName('shop-gw')], httpRoutes: [to(Destination.fromService(ctx.reviews, { subset: 'v1' }))],
      });
    },
    expect: [{ code: 'CI1001', path: 'shop/typo-gateway', field: 'spec.gateways[0]' }],
  },
  {
    name: 'CI1001 gateway in another namespace',
    mutate: (ctx) => {
      new VirtualService(ctx.chart, 'system-gateway', {
        hosts: ['system.example.com'], gateways: [GatewayBinding.fromName('istio-system/shop-gateway')], httpRoutes: [to(Destination.fromService(ctx.reviews, { subset: 'v1' }))],
      });
    },
    expect: [{ code: 'CI1001', path: 'shop/system-gateway', field: 'spec.gateways[0]' }],
  },
  {
    name: 'CI1001 match restricted to a missing gateway',
    mutate: (ctx) => {
      ctx.routes('match-gateway', {
        match: [HttpMatch.of({ uri: StringMatch.prefix('/internal'), gateways: [GatewayBinding.fromName('internal-gateway')] })],
        route: [{ destination: Destination.fromService(ctx.reviews, { subset: 'v1' }) }],
      });
    },
    expect: [{ code: 'CI1001', path: 'shop/match-gateway', field: 'spec.http[0].match[0].gateways[0]' }],
  },

  // ---- CI1002 DestinationHostNotFound
  {
    name: 'CI1002 Service FQDN in the wrong namespace',
    mutate: (ctx) => { ctx.routes('wrong-namespace', to(Destination.fromHost('ratings.default.svc.cluster.local', { port: 9080 }))); },
    expect: [{ code: 'CI1002', path: 'shop/wrong-namespace', field: 'spec.http[0].route[0].destination.host' }],
  },
  {
    name: 'CI1002 external host without a ServiceEntry',
    mutate: (ctx) => { ctx.routes('github-api', to(Destination.fromHost('api.github.com', { port: 443 }))); },
    expect: [{ code: 'CI1002', path: 'shop/github-api', field: 'spec.http[0].route[0].destination.host' }],
  },
  {
    name: 'CI1002 mirror to an unknown host',
    mutate: (ctx) => {
      ctx.routes('shadow', { ...to(Destination.fromService(ctx.reviews, { subset: 'v1' })), mirror: Destination.fromHost('reviews-shadow'), mirrorPercentage: 5 });
    },
    expect: [{ code: 'CI1002', path: 'shop/shadow', field: 'spec.http[0].mirror.host' }],
  },

  // ---- CI1003 SubsetNotFound
  {
    name: 'CI1003 subset not defined',
    mutate: (ctx) => { ctx.routes('reviews-v3', to(Destination.fromService(ctx.reviews, { subset: 'v3' }))); },
    expect: [{ code: 'CI1003', path: 'shop/reviews-v3', field: 'spec.http[0].route[0].destination.subset' }],
  },
  {
    name: 'CI1003 canary subset not defined in a weighted split',
    mutate: (ctx) => {
      ctx.routes('ratings-canary', {
        route: [
          { destination: Destination.fromService(ctx.ratings, { subset: 'v1' }), weight: 90 },
          { destination: Destination.fromService(ctx.ratings, { subset: 'v2' }), weight: 10 },
        ],
      });
    },
    expect: [{ code: 'CI1003', path: 'shop/ratings-canary', field: 'spec.http[0].route[1].destination.subset' }],
  },
  {
    name: 'CI1003 subset of a service without DestinationRule',
    mutate: (ctx) => {
      const { service } = ctx.backend('no-rule');
      ctx.routes('no-rule-routes', to(Destination.fromService(service, { subset: 'v1' })));
    },
    expect: [{ code: 'CI1003', path: 'shop/no-rule-routes', field: 'spec.http[0].route[0].destination.subset' }],
  },

  // ---- CI1004 DestinationPortRequired
  {
    name: 'CI1004 port missing with a 2-port Service',
    mutate: (ctx) => {
      const svc = ctx.service('two-ports', { ports: [{ port: 9080, name: 'http' }, { port: 9090, name: 'http-admin' }] });
      ctx.deployment('two-ports', 'v1');
      ctx.routes('two-ports-routes', to(Destination.fromService(svc)));
    },
    expect: [{ code: 'CI1004', path: 'shop/two-ports-routes', field: 'spec.http[0].route[0].destination.port' }],
  },
  {
    name: 'CI1004 mirror port missing with a 2-port Service',
    mutate: (ctx) => {
      const svc = ctx.service('mirror-ports', { ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }] });
      ctx.deployment('mirror-ports', 'v1');
      ctx.routes('mirror-ports-routes', { ...to(Destination.fromService(ctx.reviews, { subset: 'v1' })), mirror: Destination.fromService(svc) });
    },
    expect: [{ code: 'CI1004', path: 'shop/mirror-ports-routes', field: 'spec.http[0].mirror.port' }],
  },

  // ---- CI1005 DestinationPortNotFound
  {
    name: 'CI1005 port not on the Service',
    mutate: (ctx) => { ctx.routes('container-port', to(Destination.fromService(ctx.reviews, { port: 8080, subset: 'v1' }))); },
    expect: [{ code: 'CI1005', path: 'shop/container-port', field: 'spec.http[0].route[0].destination.port.number' }],
  },
  {
    name: 'CI1005 mirror port not on the Service',
    mutate: (ctx) => {
      ctx.routes('mirror-port', { ...to(Destination.fromService(ctx.reviews, { subset: 'v1' })), mirror: Destination.fromService(ctx.reviews, { subset: 'v2', port: 80 }) });
    },
    expect: [{ code: 'CI1005', path: 'shop/mirror-port', field: 'spec.http[0].mirror.port.number' }],
  },

  // ---- CI1006 GatewayHostNotServed
  {
    name: 'CI1006 host not on the gateway',
    mutate: (ctx) => {
      new VirtualService(ctx.chart, 'admin', {
        hosts: ['admin.example.com'], gateways: [GatewayBinding.fromGateway(ctx.gateway)], httpRoutes: [to(Destination.fromService(ctx.ratings, { subset: 'v1' }))],
      });
    },
    expect: [{ code: 'CI1006', path: 'shop/admin', field: 'spec.hosts[0]' }],
  },
  {
    name: 'CI1006 gateway host reserved for another namespace',
    mutate: (ctx) => {
      const gw = new Gateway(ctx.chart, 'payments-gateway', { servers: [GatewayServer.http({ hosts: ['payments/*.pay.example.com'] })] });
      new VirtualService(ctx.chart, 'checkout', {
        hosts: ['checkout.pay.example.com'], gateways: [GatewayBinding.fromGateway(gw)], httpRoutes: [to(Destination.fromService(ctx.ratings, { subset: 'v1' }))],
      });
    },
    expect: [{ code: 'CI1006', path: 'shop/checkout', field: 'spec.hosts[0]' }],
  },

  // ---- CI1007 ConflictingVirtualServices
  {
    name: 'CI1007 two VirtualServices for one host',
    mutate: (ctx) => {
      new VirtualService(ctx.chart, 'reviews-canary-routes', { hosts: ['reviews'], httpRoutes: [to(Destination.fromService(ctx.reviews, { subset: 'v2' }))] });
    },
    expect: [
      { code: 'CI1007', path: 'shop/reviews-canary-routes', field: 'spec.hosts[0]' },
      { code: 'CI1007', path: 'shop/reviews-routes', field: 'spec.hosts[0]' },
    ],
  },
  {
    name: 'CI1007 two VirtualServices for one gateway host',
    mutate: (ctx) => {
      new VirtualService(ctx.chart, 'shop-api', {
        hosts: ['shop.example.com'], gateways: [GatewayBinding.fromGateway(ctx.gateway)],
        httpRoutes: [{ match: [HttpMatch.prefix('/api')], route: [{ destination: Destination.fromService(ctx.ratings, { subset: 'v1' }) }] }],
      });
    },
    expect: [
      { code: 'CI1007', path: 'shop/shop', field: 'spec.hosts[0]', severity: W },
      { code: 'CI1007', path: 'shop/shop-api', field: 'spec.hosts[0]', severity: W },
    ],
  },

  // ---- CI1008 UnreachableRoute
  {
    name: 'CI1008 route after catch-all',
    mutate: (ctx) => {
      ctx.routes('catch-all-first',
        { route: [{ destination: Destination.fromService(ctx.reviews, { subset: 'v1' }) }] },
        { match: [HttpMatch.header('end-user', StringMatch.exact('jason'))], route: [{ destination: Destination.fromService(ctx.reviews, { subset: 'v2' }) }] });
    },
    expect: [{ code: 'CI1008', path: 'shop/catch-all-first', field: 'spec.http[1]' }],
  },
  {
    name: 'CI1008 route after a prefix / match',
    mutate: (ctx) => {
      ctx.routes('slash-first',
        { match: [HttpMatch.prefix('/')], route: [{ destination: Destination.fromService(ctx.reviews, { subset: 'v1' }) }] },
        { match: [HttpMatch.prefix('/v2')], route: [{ destination: Destination.fromService(ctx.reviews, { subset: 'v2' }) }] });
    },
    expect: [{ code: 'CI1008', path: 'shop/slash-first', field: 'spec.http[1]' }],
  },

  // ---- CI1009 SubsetSelectsNoPods
  {
    name: 'CI1009 subset selecting no pods',
    mutate: (ctx) => {
      const { service, v1 } = ctx.backend('one-version');
      DestinationRule.forService(ctx.chart, 'one-version-rule', service, { subsets: [Subset.fromWorkload('v1', v1), Subset.fromLabels('v2', { version: 'v2' })] });
    },
    expect: [{ code: 'CI1009', path: 'shop/one-version-rule', field: 'spec.subsets[1].labels' }],
  },
  {
    name: 'CI1009 subset label key typo',
    mutate: (ctx) => {
      const { service } = ctx.backend('typo-label');
      DestinationRule.forService(ctx.chart, 'typo-label-rule', service, { subsets: [Subset.fromLabels('v1', { verison: 'v1' })] });
    },
    expect: [{ code: 'CI1009', path: 'shop/typo-label-rule', field: 'spec.subsets[0].labels' }],
  },

  // ---- CI1010 ConflictingDestinationRules
  {
    name: 'CI1010 second DestinationRule for one host redefining subset v1',
    mutate: (ctx) => {
      DestinationRule.forService(ctx.chart, 'reviews-pool-rule', ctx.reviews, {
        metadata: { name: 'reviews-pool' },
        trafficPolicy: TrafficPolicy.of({ connectionPool: ConnectionPool.of({ http: { http1MaxPendingRequests: 10 } }) }),
        subsets: [Subset.fromWorkload('v1', ctx.reviewsV1)],
      });
    },
    expect: [
      { code: 'CI1010', path: 'shop/reviews-pool-rule', field: 'spec.subsets[0].name' },
      { code: 'CI1010', path: 'shop/reviews-rule', field: 'spec.subsets[0].name' },
    ],
  },
  {
    name: 'CI1010 DestinationRules by FQDN and by short name, each with a traffic policy',
    mutate: (ctx) => {
      new DestinationRule(ctx.chart, 'ratings-fqdn-rule', {
        host: 'ratings.shop.svc.cluster.local',
        trafficPolicy: TrafficPolicy.of({ outlierDetection: OutlierDetection.of({ consecutive5xxErrors: 3 }) }),
      });
      new DestinationRule(ctx.chart, 'ratings-lb-rule', {
        host: 'ratings',
        trafficPolicy: TrafficPolicy.of({ connectionPool: ConnectionPool.of({ tcp: { maxConnections: 10 } }) }),
      });
    },
    expect: [
      { code: 'CI1010', path: 'shop/ratings-fqdn-rule', field: 'spec.trafficPolicy' },
      { code: 'CI1010', path: 'shop/ratings-lb-rule', field: 'spec.trafficPolicy' },
    ],
  },

  // ---- CI1011 PortNameNotProtocol
  {
    name: 'CI1011 Service port named web',
    mutate: (ctx) => { ctx.service('web-frontend', { ports: [{ port: 80, name: 'web' }] }); },
    expect: [{ code: 'CI1011', path: 'shop/web-frontend', field: 'spec.ports[0].name', severity: W }],
  },
  {
    name: 'CI1011 unnamed Service port',
    mutate: (ctx) => { ctx.service('unnamed-port', { ports: [{ port: 8080 }] }); },
    expect: [{ code: 'CI1011', path: 'shop/unnamed-port', field: 'spec.ports[0].name', severity: W }],
  },

  // ---- CI1012 MissingAppVersionLabels
  {
    name: 'CI1012 Deployment without a version label',
    mutate: (ctx) => { ctx.deployment('worker', 'v1', { labels: { app: 'worker' } }); },
    expect: [{ code: 'CI1012', path: 'shop/worker-v1', field: 'spec.template.metadata.labels', severity: W }],
  },

  // ---- CI1013 DestinationNotInjected
  {
    name: 'CI1013 route into a namespace without injection',
    mutate: (ctx) => {
      new kplus.Namespace(ctx.cluster, 'legacy-namespace', { metadata: { name: 'legacy' } });
      const legacy = new Chart(ctx.app, 'legacy', { namespace: 'legacy' });
      const billing = ctx.service('billing', { scope: legacy });
      ctx.deployment('billing', 'v1', { scope: legacy });
      ctx.routes('billing-routes', to(Destination.fromService(billing)));
    },
    expect: [{ code: 'CI1013', path: 'shop/billing-routes', field: 'spec.http[0].route[0].destination.host', severity: W }],
  },
  {
    name: 'CI1013 route into a namespace with injection disabled',
    mutate: (ctx) => {
      new kplus.Namespace(ctx.cluster, 'batch-namespace', { metadata: { name: 'batch', labels: { 'istio-injection': 'disabled' } } });
      const batch = new Chart(ctx.app, 'batch', { namespace: 'batch' });
      const jobs = ctx.service('jobs', { scope: batch });
      ctx.deployment('jobs', 'v1', { scope: batch });
      ctx.routes('jobs-routes', to(Destination.fromService(jobs)));
    },
    expect: [{ code: 'CI1013', path: 'shop/jobs-routes', field: 'spec.http[0].route[0].destination.host', severity: W }],
  },

  // ---- CI1014 MtlsConflict
  {
    name: 'CI1014 mTLS STRICT vs DestinationRule DISABLE',
    mutate: (ctx) => {
      const { service, v1 } = ctx.backend('vault');
      ctx.peerAuthentication('vault-strict', v1, MtlsMode.STRICT);
      DestinationRule.forService(ctx.chart, 'vault-rule', service, { trafficPolicy: TrafficPolicy.of({ tls: ClientTls.disable() }) });
    },
    expect: [{ code: 'CI1014', path: 'shop/vault-rule', field: 'spec.trafficPolicy.tls.mode' }],
  },
  {
    name: 'CI1014 mTLS DISABLE vs DestinationRule ISTIO_MUTUAL',
    mutate: (ctx) => {
      const { service, v1 } = ctx.backend('metrics');
      ctx.peerAuthentication('metrics-plaintext', v1, MtlsMode.DISABLE);
      DestinationRule.forService(ctx.chart, 'metrics-rule', service, { trafficPolicy: TrafficPolicy.of({ tls: ClientTls.istioMutual() }) });
    },
    expect: [{ code: 'CI1014', path: 'shop/metrics-rule', field: 'spec.trafficPolicy.tls.mode' }],
  },
  {
    name: 'CI1014 subset-level DISABLE vs STRICT workload',
    mutate: (ctx) => {
      const { service, v1 } = ctx.backend('ledger');
      ctx.peerAuthentication('ledger-strict', v1, MtlsMode.STRICT);
      DestinationRule.forService(ctx.chart, 'ledger-rule', service, {
        subsets: [Subset.fromWorkload('v1', v1, { trafficPolicy: TrafficPolicy.of({ tls: ClientTls.disable() }) })],
      });
    },
    expect: [{ code: 'CI1014', path: 'shop/ledger-rule', field: 'spec.subsets[0].trafficPolicy.tls.mode' }],
  },
  {
    name: 'CI1014 mesh-wide STRICT vs DestinationRule DISABLE',
    mutate: (ctx) => {
      const mesh = new Chart(ctx.app, 'mesh', { namespace: 'istio-system' });
      PeerAuthentication.meshWide(mesh, 'default', { mtlsMode: MtlsMode.STRICT });
      const { service } = ctx.backend('plain-client');
      DestinationRule.forService(ctx.chart, 'plain-client-rule', service, { trafficPolicy: TrafficPolicy.of({ tls: ClientTls.disable() }) });
    },
    expect: [{ code: 'CI1014', path: 'shop/plain-client-rule', field: 'spec.trafficPolicy.tls.mode' }],
  },

  // ---- CI1015 DestinationRuleHostNotFound
  {
    name: 'CI1015 DestinationRule for a host without Service',
    mutate: (ctx) => {
      new DestinationRule(ctx.chart, 'payments-rule', { host: 'payments', trafficPolicy: TrafficPolicy.of({ connectionPool: ConnectionPool.of({ tcp: { maxConnections: 50 } }) }) });
    },
    expect: [{ code: 'CI1015', path: 'shop/payments-rule', field: 'spec.host', severity: W }],
  },
  {
    name: 'CI1015 DestinationRule for a Service in a namespace the app does not have',
    mutate: (ctx) => {
      new DestinationRule(ctx.chart, 'prod-reviews-rule', {
        host: 'reviews.prod.svc.cluster.local', trafficPolicy: TrafficPolicy.of({ outlierDetection: OutlierDetection.of({ consecutive5xxErrors: 5 }) }),
      });
    },
    expect: [{ code: 'CI1015', path: 'shop/prod-reviews-rule', field: 'spec.host', severity: W }],
  },

  // ---- CI1016 InvalidSuppression
  {
    name: 'CI1016 suppression without reason',
    mutate: (ctx) => {
      const svc = ctx.service('vendor', { ports: [{ port: 7000, name: 'vendor' }] });
      Suppressions.add(svc, 'CI1011', '');
    },
    expect: [
      { code: 'CI1011', path: 'shop/vendor', field: 'spec.ports[0].name', severity: W },
      { code: 'CI1016', path: 'shop/vendor', field: 'suppressions.CI1011' },
    ],
  },
  {
    name: 'CI1016 suppression of an istioctl code instead of ours',
    mutate: (ctx) => {
      const worker = ctx.deployment('cron', 'v1');
      Suppressions.add(worker, 'IST0118', 'istioctl name for the port check');
    },
    expect: [{ code: 'CI1016', path: 'shop/cron-v1', field: 'suppressions.IST0118' }],
  },
  {
    name: 'CI1016 suppression of CI1016',
    mutate: (ctx) => {
      const svc = ctx.service('quiet', { ports: [{ port: 9080, name: 'http' }] });
      Suppressions.add(svc, 'CI1016', 'silence everything');
    },
    expect: [{ code: 'CI1016', path: 'shop/quiet', field: 'suppressions.CI1016' }],
  },
  // ---- found in review: mistakes Istio's webhook rejects
  {
    name: 'CI0014 CUSTOM AuthorizationPolicy matching serviceAccounts (the ext-authz provider sees identities itself)',
    mutate: ({ chart, reviewsV1 }) => { new AuthorizationPolicy(chart, 'ext-authz-sa', { selector: WorkloadSelector.fromWorkload(reviewsV1), action: AuthorizationAction.CUSTOM, provider: 'opa', rules: [{ from: [Source.of({ serviceAccounts: ['shop/reviews'] })] }] }); },
    expect: [{ code: 'CI0014', path: 'shop/ext-authz-sa', field: 'spec.rules[0].from[0].source.serviceAccounts' }],
  },
  {
    name: 'CI0017 warmup aggression below 1',
    mutate: ({ chart, backend }) => { DestinationRule.forService(chart, 'warm-rule', backend('warm').service, { trafficPolicy: TrafficPolicy.of({ loadBalancer: LoadBalancer.simple(LoadBalancerAlgorithm.ROUND_ROBIN, { warmup: { duration: Duration.seconds(30), aggression: 0.5 } }) }) }); },
    expect: [{ code: 'CI0017', path: 'shop/warm-rule', field: 'spec.trafficPolicy.loadBalancer.warmup.aggression' }],
  },
  {
    name: 'CI0017 JWT-claim routing in a VirtualService that applies to sidecars',
    mutate: ({ routes, reviews }) => { routes('claims', { match: [HttpMatch.header('@request.auth.claims.group', StringMatch.exact('admin'))], ...to(Destination.fromService(reviews, { subset: 'v1' })) }, to(Destination.fromService(reviews, { subset: 'v1' }))); },
    expect: [{ code: 'CI0017', path: 'shop/claims', field: 'spec.http[0].match[0].headers.@request.auth.claims.group' }],
  },
  {
    name: 'CI1008 a catch-all route with only a statPrefix before another route',
    mutate: ({ routes, reviews }) => { routes('stats', { match: [HttpMatch.of({ uri: StringMatch.prefix('/'), statPrefix: 'all' })], ...to(Destination.fromService(reviews, { subset: 'v1' })) }, { match: [HttpMatch.prefix('/v2')], ...to(Destination.fromService(reviews, { subset: 'v2' })) }); },
    expect: [{ code: 'CI1008', path: 'shop/stats', field: 'spec.http[1]' }],
  },
  {
    name: 'CI0005 a fault percentage between 0 and 0.0001',
    mutate: ({ routes, reviews }) => { routes('tiny-fault', { fault: FaultInjection.abort({ httpStatus: 503, percentage: 0.00001 }), ...to(Destination.fromService(reviews, { subset: 'v1' })) }); },
    expect: [{ code: 'CI0005', path: 'shop/tiny-fault', field: 'spec.http[0].fault.abort.percentage.value' }],
  },
  {
    name: 'CI1016 a suppression of a per-object check',
    mutate: ({ routes, reviews }) => { const vs = routes('short-timeout', { timeout: Duration.millis(0.5), ...to(Destination.fromService(reviews, { subset: 'v1' })) }); Suppressions.add(vs, 'CI0004', 'we know'); },
    expect: [{ code: 'CI0004', path: 'shop/short-timeout', field: 'spec.http[0].timeout' }, { code: 'CI1016', path: 'shop/short-timeout', field: 'suppressions.CI0004' }],
  },
  // ---- found in the second review
  {
    name: 'CI0013 SIMPLE client TLS with credentialName and caCertificates',
    mutate: ({ chart, backend }) => { DestinationRule.forService(chart, 'ca-rule', backend('ca').service, { trafficPolicy: TrafficPolicy.of({ tls: ClientTls.simple({ credentialName: 'ca-secret', caCertificates: '/etc/ca.pem' }) }) }); },
    expect: [{ code: 'CI0013', path: 'shop/ca-rule', field: 'spec.trafficPolicy.tls.credentialName' }],
  },
  {
    name: 'CI0007 retryOn status without a standard status text (520)',
    mutate: ({ routes, reviews }) => { routes('retry-520', { retries: { attempts: 2, retryOn: [RetryOn.RETRIABLE_STATUS_CODES, 520] }, ...to(Destination.fromService(reviews, { subset: 'v1' })) }); },
    expect: [{ code: 'CI0007', path: 'shop/retry-520', field: 'spec.http[0].retries.retryOn[1]' }],
  },
  {
    name: 'CI0017 unix socket endpoint on a ServiceEntry with two ports',
    mutate: ({ chart }) => {
      new ServiceEntry(chart, 'socket', {
        hosts: ['socket.internal.example.com'], location: ServiceEntryLocation.MESH_INTERNAL, resolution: ServiceEntryResolution.STATIC,
        ports: [{ number: 80, name: 'http', protocol: PortProtocol.HTTP }, { number: 81, name: 'http-admin', protocol: PortProtocol.HTTP }],
        endpoints: [{ address: 'unix:///var/run/app.sock' }],
      });
    },
    expect: [{ code: 'CI0017', path: 'shop/socket', field: 'spec.endpoints[0].address' }],
  },
  {
    name: 'CI0002 host with an all-numeric top-level domain',
    mutate: ({ chart }) => {
      new ServiceEntry(chart, 'numeric-tld', { hosts: ['api.example.123'], location: ServiceEntryLocation.MESH_EXTERNAL, resolution: ServiceEntryResolution.DNS, ports: [{ number: 443, name: 'tls', protocol: PortProtocol.TLS }] });
    },
    expect: [{ code: 'CI0002', path: 'shop/numeric-tld', field: 'spec.hosts[0]' }],
  },
  {
    name: 'CI1004 destination without a port to a ServiceEntry host with two ports',
    mutate: ({ chart, routes }) => {
      new ServiceEntry(chart, 'api-ext', { hosts: ['api.partner-one.org'], location: ServiceEntryLocation.MESH_EXTERNAL, resolution: ServiceEntryResolution.DNS, ports: [{ number: 80, name: 'http', protocol: PortProtocol.HTTP }, { number: 443, name: 'tls', protocol: PortProtocol.TLS }] });
      routes('partner', to(Destination.fromHost('api.partner-one.org')));
    },
    expect: [{ code: 'CI1004', path: 'shop/partner', field: 'spec.http[0].route[0].destination.port' }],
  },
  {
    name: 'CI1005 destination port a ServiceEntry does not declare',
    mutate: ({ chart, routes }) => {
      new ServiceEntry(chart, 'billing-ext', { hosts: ['billing.partner-two.org'], location: ServiceEntryLocation.MESH_EXTERNAL, resolution: ServiceEntryResolution.DNS, ports: [{ number: 80, name: 'http', protocol: PortProtocol.HTTP }] });
      routes('billing', to(Destination.fromHost('billing.partner-two.org', { port: 8080 })));
    },
    expect: [{ code: 'CI1005', path: 'shop/billing', field: 'spec.http[0].route[0].destination.port.number' }],
  },
  {
    name: 'CI0017 response header value with an unescaped % (Envoy reads % as a variable)',
    mutate: ({ routes, reviews }) => { routes('discount', { ...to(Destination.fromService(reviews, { subset: 'v1' })), headers: { response: { set: { 'x-discount': '50%' } } } }); },
    expect: [{ code: 'CI0017', path: 'shop/discount', field: 'spec.http[0].headers.response.set.x-discount' }],
  },
  {
    name: 'CI0017 Sidecar ingress listener with HTTP pool settings on a port without protocol (ignored)',
    mutate: ({ chart, ratingsV1 }) => {
      new Sidecar(chart, 'ratings-inbound', {
        workloadSelector: WorkloadSelector.fromWorkload(ratingsV1),
        ingress: [{ port: { number: 9080 }, defaultEndpoint: '127.0.0.1:9080', connectionPool: ConnectionPool.of({ http: { http1MaxPendingRequests: 1 } }) }],
      });
    },
    expect: [{ code: 'CI0017', path: 'shop/ratings-inbound', field: 'spec.ingress[0].connectionPool.http', severity: W }],
  },
];

// ---------------------------------------------------------------------------------------------
// the tests

interface Observed {
  readonly code: string;
  readonly path: string;
  readonly field: string;
  readonly severity: Severity;
}

const observe = (f: Finding): Observed => ({ code: f.code, path: f.path, field: f.field, severity: f.severity });
const withSeverity = (e: Expected): Observed => ({ code: e.code, path: e.path, field: e.field, severity: e.severity ?? checkInfo(e.code)!.severity });
const key = (o: Observed) => `${o.path}\0${o.code}\0${o.field}\0${o.severity}`;
const byPathCodeField = (a: Observed, b: Observed) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

function findings(ctx: Ctx): { errors: Finding[]; warnings: Finding[]; all: Observed[] } {
  const report = ctx.app.check();
  return { errors: report.errors, warnings: report.warnings, all: [...report.errors, ...report.warnings].map(observe) };
}

test('the base app passes every check: no errors, no warnings, nothing suppressed', () => {
  const ctx = baseApp();
  const report = ctx.app.check();
  expect(report.errors).toEqual([]);
  expect(report.warnings).toEqual([]);
  expect(report.suppressed).toEqual([]);
});

// codes the L2 constructs still report themselves, until they are checks over manifests
const LEGACY_CODES = Object.keys(LEGACY);

test('the corpus has at least 70 distinct cases and covers every check code', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(70);
  expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  const perCode = new Map<string, number>();
  for (const c of CASES) {
    for (const code of new Set(c.expect.map((e) => e.code))) perCode.set(code, (perCode.get(code) ?? 0) + 1);
  }
  const once = new Set(['CI0016', 'CI0019', 'CI1012', 'CI0020']);
  const thin = [...Object.keys(CHECKS), ...LEGACY_CODES].filter((code) => (perCode.get(code) ?? 0) < (once.has(code) ? 1 : 2));
  expect(thin).toEqual([]);
  // each case is named after the code it is about
  for (const c of CASES) expect(c.expect.map((e) => e.code)).toContain(c.name.slice(0, 6));
});

test.each(CASES)('fails: $name', ({ mutate, expect: expected }) => {
  // GIVEN the valid base app with one mistake
  const ctx = baseApp();
  mutate(ctx);
  // WHEN the whole pipeline runs
  const { errors, all } = findings(ctx);
  // THEN exactly the expected findings are reported (code, path, field, severity)
  expect([...all].sort(byPathCodeField)).toEqual(expected.map(withSeverity).sort(byPathCodeField));
  // and each expected error is the only error of its code
  for (const code of new Set(expected.map((e) => e.code))) {
    const want = expected.map(withSeverity).filter((e) => e.code === code && e.severity === Severity.ERROR);
    expect(errors.filter((f) => f.code === code).map(observe).sort(byPathCodeField)).toEqual(want.sort(byPathCodeField));
  }
});

test('fails: every corpus mistake applied at once is reported in one check(), sorted by path, code and field', () => {
  // GIVEN the base app with every mistake of the corpus
  const ctx = baseApp();
  for (const c of CASES) c.mutate(ctx);
  // WHEN
  const report = ctx.app.check();
  const all = [...report.errors, ...report.warnings].map(observe);
  // THEN every expected finding is there
  const expected = CASES.flatMap((c) => c.expect.map(withSeverity));
  const missing = expected.filter((e) => !all.some((o) => key(o) === key(e)));
  expect(missing).toEqual([]);
  // and each list is sorted by path, code, field (then message)
  const sorted = (list: Finding[]) => [...list].sort((a, b) => {
    const ka = [a.path, a.code, a.field, a.message];
    const kb = [b.path, b.code, b.field, b.message];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
  expect(report.errors).toEqual(sorted(report.errors));
  expect(report.warnings).toEqual(sorted(report.warnings));
  // and nothing beyond the corpus: every finding belongs to some case's expectation
  const extra = all.filter((o) => !expected.some((e) => key(e) === key(o)));
  expect(extra).toEqual([]);
});

// Valid inputs that checks once misreported (found in review): each must pass every check.
const VALID: { readonly name: string; readonly mutate: (ctx: Ctx) => void }[] = [
  {
    name: 'header values with %% and Envoy variables',
    mutate: ({ routes, reviews }) => {
      routes('formatted', { ...to(Destination.fromService(reviews, { subset: 'v1' })), headers: { request: { set: { 'x-client': '%DOWNSTREAM_REMOTE_ADDRESS%', 'x-start': '%START_TIME(%s)%', 'x-share': '100%%' } } } });
    },
  },
  {
    name: 'a JWT rule with a jwksUri and no issuer (any issuer whose keys verify)',
    mutate: ({ chart, reviewsV1 }) => { new RequestAuthentication(chart, 'any-issuer', { selector: WorkloadSelector.fromWorkload(reviewsV1), jwtRules: [{ jwksUri: 'https://idp.example.com/jwks.json' }] }); },
  },
  {
    name: 'a trailing-dot FQDN host (unambiguous name)',
    mutate: ({ chart }) => { new ServiceEntry(chart, 'dotted', { hosts: ['api.example.com.'], location: ServiceEntryLocation.MESH_EXTERNAL, resolution: ServiceEntryResolution.DNS, ports: [{ number: 443, name: 'tls', protocol: PortProtocol.TLS }] }); },
  },
  {
    name: 'a mirror percentage below 0.0001 (only fault percentages have that floor)',
    mutate: ({ routes, reviews }) => { routes('tiny-mirror', { ...to(Destination.fromService(reviews, { subset: 'v1' })), mirror: Destination.fromService(reviews, { subset: 'v2' }), mirrorPercentage: 0.00005 }); },
  },
  {
    name: 'a DestinationRule split in two: subsets in one, the traffic policy in the other (Istio merges them)',
    mutate: ({ chart, reviews }) => {
      DestinationRule.forService(chart, 'reviews-policy-rule', reviews, { metadata: { name: 'reviews-policy' }, trafficPolicy: TrafficPolicy.of({ tls: ClientTls.istioMutual() }) });
    },
  },
  {
    name: 'a TCP idleTimeout of 0s (turns the idle timeout off)',
    mutate: ({ chart, backend }) => { DestinationRule.forService(chart, 'idle-rule', backend('idle').service, { trafficPolicy: TrafficPolicy.of({ connectionPool: ConnectionPool.of({ tcp: { idleTimeout: Duration.seconds(0) } }) }) }); },
  },
  {
    name: 'routing to a Service in an ambient namespace',
    mutate: ({ app, cluster, routes, service, deployment }) => {
      new kplus.Namespace(cluster, 'amb-namespace', { metadata: { name: 'amb', labels: { 'istio.io/dataplane-mode': 'ambient' } } });
      const amb = new Chart(app, 'amb', { namespace: 'amb' });
      const svc = service('ledger', { scope: amb });
      deployment('ledger', 'v1', { scope: amb });
      routes('ambient', to(Destination.fromService(svc)));
    },
  },
];

test.each(VALID)('passes: $name', ({ mutate }) => {
  // GIVEN
  const ctx = baseApp();
  // WHEN
  mutate(ctx);
  // THEN
  const report = ctx.app.check();
  expect([...report.errors, ...report.warnings].map((f) => `${f.code} ${f.path} ${f.field}: ${f.message}`)).toEqual([]);
});

test('passes: the legacy gateway name <name>.<namespace> resolves to the gateway (only the webhook\'s format warning remains)', () => {
  // GIVEN a second gateway and a VirtualService bound to it by the legacy name
  const ctx = baseApp();
  const legacy = new Gateway(ctx.chart, 'legacy-gateway', { servers: [GatewayServer.http({ port: 8080, name: 'http', hosts: ['legacy.example.com'] })] });
  new VirtualService(ctx.chart, 'legacy-front', {
    hosts: ['legacy.example.com'], gateways: [GatewayBinding.fromName(`${legacy.name}.shop`)],
    httpRoutes: [to(Destination.fromService(ctx.reviews, { subset: 'v1' }))],
  });
  // WHEN
  const report = ctx.app.check();
  // THEN no CI1001 (gateway not found) nor CI1006 (host not served): the binding resolves to shop/legacy-gateway
  expect(report.errors).toEqual([]);
  expect(report.warnings.map((f) => `${f.code} ${f.path} ${f.field}`)).toEqual(['CI0001 shop/legacy-front spec.gateways[0]']);
});
