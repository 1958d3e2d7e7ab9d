/**
 * Four ways in, the same findings (issue 7): each mistake Istio rejects, and each valid
 * configuration a check once rejected, written every way a user can write it (the L2 API, a JSON
 * patch on an L2, an imported L1 class, a plain ApiObject, cdk8s Include of a YAML file) and
 * checked every way a user can check it (MeshApp, cdk8s's App with IstioChecks.enable, the cdk8s
 * CLI validation plugin, the cdk8s-istio check command). Every cell must show the same findings:
 * code, manifest field and severity, on the object under test. Where a way cannot write a row,
 * the row says why, and the table (the snapshot) shows it.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ApiObject, Chart, Duration, JsonPatch } from 'cdk8s';
import { IConstruct } from 'constructs';
import {
  AuthorizationAction, AuthorizationPolicy, AuthorizationRule, ClientTls, Condition, Destination, DestinationRule, FaultInjection, Gateway, GatewayServer,
  HttpMatch, HttpRouteOptions, LoadBalancer, Operation, PortProtocol, RetryOn, ServerProtocol, ServerTls, ServiceEntry, ServiceEntryLocation,
  ServiceEntryResolution, Severity, Source, StringMatch, Subset, TrafficPolicy, VirtualService, WorkloadSelector,
} from '../../lib';
import { REPO_ROOT } from '../util/tree';
import {
  apiObject, Build, Builder, cleanUp, fromJsonFinding, isBuild, l1Object, Manifest, Seen, tempDir, viaCheckCommand, viaIstioChecks,
  viaIncludeTable, viaMeshApp, viaPlugin, Way, WAYS, writeRow,
} from '../util/ways-in';

afterAll(cleanUp);

const NET = 'networking.istio.io/v1';
const SEC = 'security.istio.io/v1';
const object = (apiVersion: string, kind: string, name: string, spec: Record<string, unknown>): Manifest =>
  ({ apiVersion, kind, metadata: { name, namespace: 'shop' }, spec });
const vs = (spec: Record<string, unknown>) => object(NET, 'VirtualService', 'routes', spec);
const dr = (name: string, spec: Record<string, unknown>) => object(NET, 'DestinationRule', name, { host: 'reviews', ...spec });
const gateway = (server: Record<string, unknown>) =>
  object(NET, 'Gateway', 'shop-gateway', { selector: { istio: 'ingressgateway' }, servers: [{ hosts: ['shop.example.com'], ...server }] });
const policy = (name: string, spec: Record<string, unknown>) => object(SEC, 'AuthorizationPolicy', name, { selector: { matchLabels: { app: 'reviews' } }, ...spec });
const to = (subset = 'v1') => ({ destination: { host: 'reviews', subset } });

// the same objects through the L2 API (construct id 'row', the manifest's name)
const routesL2 = (chart: Chart, ...httpRoutes: HttpRouteOptions[]) =>
  new VirtualService(chart, 'row', { metadata: { name: 'routes' }, hosts: ['reviews'], httpRoutes });
const toL2 = (subset = 'v1'): HttpRouteOptions => ({ route: [{ destination: Destination.fromHost('reviews', { subset }) }] });
const ruleL2 = (chart: Chart, name: string, options: { trafficPolicy?: TrafficPolicy; subsets?: Subset[] } = {}) =>
  new DestinationRule(chart, 'row', { metadata: { name }, host: 'reviews', ...options });
const gatewayL2 = (chart: Chart, server: GatewayServer) => new Gateway(chart, 'row', { metadata: { name: 'shop-gateway' }, servers: [server] });
const policyL2 = (chart: Chart, name: string, action?: AuthorizationAction, rules?: AuthorizationRule[]) =>
  new AuthorizationPolicy(chart, 'row', { metadata: { name }, selector: WorkloadSelector.fromLabels({ app: 'reviews' }), action, rules });
const patch = (construct: IConstruct, ...patches: JsonPatch[]) => { ApiObject.of(construct).addJsonPatch(...patches); };

interface Expected {
  readonly code: string;
  readonly field: string;
  readonly severity: Severity;
}
const error = (code: string, field: string): Expected => ({ code, field, severity: Severity.ERROR });
const warning = (code: string, field: string): Expected => ({ code, field, severity: Severity.WARNING });

interface Row {
  /** What is written. */
  readonly name: string;
  /** The object as YAML writes it (also what the L1 class, ApiObject, Include and the command get). */
  readonly manifest: Manifest;
  /** Every finding, on the object under test, in every way. */
  readonly expect: readonly Expected[];
  /** The object through the L2 API, or why the L2 API cannot write it. */
  readonly l2: Builder;
  /** A valid L2 object with a JSON patch (`ApiObject.of(l2).addJsonPatch(...)`) that makes it the object. */
  readonly patch: Builder;
}

const notExpressible = (why: string) => ({ notExpressible: why });

/** The mistakes issue 7 lists: what Istio rejects, or (the subset typo) what the mesh checks report. */
const MISTAKES: readonly Row[] = [
  {
    name: 'a regex with a lookahead',
    manifest: vs({ hosts: ['reviews'], http: [{ match: [{ uri: { regex: '^/(?=api)' } }], route: [to()] }] }),
    expect: [error('CI0109', 'spec.http[0].match[0].uri.regex')],
    l2: (c) => { routesL2(c, { match: [HttpMatch.uri(StringMatch.regex('^/(?=api)'))], ...toL2() }); },
    patch: (c) => patch(routesL2(c, toL2()), JsonPatch.add('/spec/http/0/match', [{ uri: { regex: '^/(?=api)' } }])),
  },
  {
    name: "retryOn 'reset,connect-failure, 5xx'",
    manifest: vs({ hosts: ['reviews'], http: [{ route: [to()], retries: { attempts: 3, retryOn: 'reset,connect-failure, 5xx' } }] }),
    expect: [error('CI0120', 'spec.http[0].retries.retryOn')],
    l2: notExpressible("retryOn is a list of RetryOn values joined with ',', so the typed API cannot write the space (a plain-JavaScript string can: see 'values a plain-JavaScript user passes')"),
    patch: (c) => patch(routesL2(c, { ...toL2(), retries: { attempts: 3, retryOn: [RetryOn.RESET, RetryOn.CONNECT_FAILURE, RetryOn.FIVE_XX] } }),
      JsonPatch.replace('/spec/http/0/retries/retryOn', 'reset,connect-failure, 5xx')),
  },
  {
    name: 'weight -10',
    manifest: vs({ hosts: ['reviews'], http: [{ route: [{ ...to('v1'), weight: 110 }, { ...to('v2'), weight: -10 }] }] }),
    expect: [error('CI0126', 'spec.http[0].route[1].weight')],
    l2: (c) => {
      routesL2(c, { route: [{ destination: Destination.fromHost('reviews', { subset: 'v1' }), weight: 110 }, { destination: Destination.fromHost('reviews', { subset: 'v2' }), weight: -10 }] });
    },
    patch: (c) => patch(
      routesL2(c, { route: [{ destination: Destination.fromHost('reviews', { subset: 'v1' }), weight: 90 }, { destination: Destination.fromHost('reviews', { subset: 'v2' }), weight: 10 }] }),
      JsonPatch.replace('/spec/http/0/route/0/weight', 110), JsonPatch.replace('/spec/http/0/route/1/weight', -10)),
  },
  {
    name: "timeout '0s'",
    manifest: vs({ hosts: ['reviews'], http: [{ route: [to()], timeout: '0s' }] }),
    expect: [error('CI0127', 'spec.http[0].timeout')],
    l2: (c) => { routesL2(c, { ...toL2(), timeout: Duration.seconds(0) }); },
    patch: (c) => patch(routesL2(c, { ...toL2(), timeout: Duration.seconds(10) }), JsonPatch.replace('/spec/http/0/timeout', '0s')),
  },
  {
    name: "'*' as a mesh host",
    manifest: vs({ hosts: ['*'], http: [{ route: [to()] }] }),
    expect: [error('CI0101', 'spec.hosts[0]')],
    l2: (c) => { new VirtualService(c, 'row', { metadata: { name: 'routes' }, hosts: ['*'], httpRoutes: [toL2()] }); },
    patch: (c) => patch(routesL2(c, toL2()), JsonPatch.replace('/spec/hosts/0', '*')),
  },
  {
    name: 'a fault at 150%',
    manifest: vs({ hosts: ['reviews'], http: [{ route: [to()], fault: { delay: { fixedDelay: '7s', percentage: { value: 150 } } } }] }),
    expect: [error('CI0119', 'spec.http[0].fault.delay.percentage.value')],
    l2: (c) => { routesL2(c, { ...toL2(), fault: FaultInjection.delay({ fixedDelay: Duration.seconds(7), percentage: 150 }) }); },
    patch: (c) => patch(routesL2(c, { ...toL2(), fault: FaultInjection.delay({ fixedDelay: Duration.seconds(7), percentage: 10 }) }),
      JsonPatch.replace('/spec/http/0/fault/delay/percentage/value', 150)),
  },
  {
    name: 'MUTUAL client TLS (DestinationRule) without a certificate',
    manifest: dr('reviews-tls', { trafficPolicy: { tls: { mode: 'MUTUAL' } } }),
    // and no CA to verify the server with (istioctl IST0128)
    expect: [error('CI0213', 'spec.trafficPolicy.tls.clientCertificate'), error('CI0213', 'spec.trafficPolicy.tls.privateKey'), warning('CI1044', 'spec.trafficPolicy.tls')],
    l2: (c) => { ruleL2(c, 'reviews-tls', { trafficPolicy: TrafficPolicy.of({ tls: ClientTls.mutual({}) }) }); },
    patch: (c) => patch(ruleL2(c, 'reviews-tls', { trafficPolicy: TrafficPolicy.of({ tls: ClientTls.istioMutual() }) }), JsonPatch.replace('/spec/trafficPolicy/tls/mode', 'MUTUAL')),
  },
  {
    name: 'a MUTUAL Gateway server without a certificate',
    manifest: gateway({ port: { number: 443, name: 'https', protocol: 'HTTPS' }, tls: { mode: 'MUTUAL' } }),
    expect: [error('CI0308', 'spec.servers[0].tls.credentialName')],
    // ServerTls.mutual requires a credentialName (and mutualFromFiles the certificate and key) at compile time; an empty one
    // (what an unset variable gives) renders credentialName: '', which Istio reads as unset
    l2: (c) => { gatewayL2(c, GatewayServer.of({ port: 443, name: 'https', protocol: ServerProtocol.HTTPS, hosts: ['shop.example.com'], tls: ServerTls.mutual('') })); },
    patch: (c) => patch(gatewayL2(c, GatewayServer.https({ name: 'https', hosts: ['shop.example.com'], tls: ServerTls.mutual('shop-credential') })),
      JsonPatch.remove('/spec/servers/0/tls/credentialName')),
  },
  {
    name: 'an empty trafficPolicy',
    manifest: dr('reviews-policy', { trafficPolicy: {} }),
    expect: [error('CI0206', 'spec.trafficPolicy')],
    l2: (c) => { ruleL2(c, 'reviews-policy', { trafficPolicy: TrafficPolicy.of({}) }); },
    patch: (c) => patch(ruleL2(c, 'reviews-policy', { trafficPolicy: TrafficPolicy.of({ tls: ClientTls.istioMutual() }) }), JsonPatch.remove('/spec/trafficPolicy/tls')),
  },
  {
    name: 'tunnel protocol GET',
    manifest: dr('reviews-tunnel', { trafficPolicy: { tunnel: { protocol: 'GET', targetHost: 'proxy.corp.example.com', targetPort: 3128 } } }),
    expect: [error('CI0214', 'spec.trafficPolicy.tunnel.protocol')],
    l2: notExpressible('the L2 TrafficPolicy does not model tunnel: it is an escape-hatch field (JSON patch)'),
    // the rule has no traffic policy, so the patch adds it whole (see the README's escape hatch)
    patch: (c) => patch(ruleL2(c, 'reviews-tunnel'), JsonPatch.add('/spec/trafficPolicy', { tunnel: { protocol: 'GET', targetHost: 'proxy.corp.example.com', targetPort: 3128 } })),
  },
  {
    name: 'CUSTOM without a provider',
    manifest: policy('ext-authz', { action: 'CUSTOM', rules: [{ to: [{ operation: { paths: ['/admin/*'] } }] }] }),
    expect: [error('CI0701', 'spec.provider.name')],
    l2: (c) => { policyL2(c, 'ext-authz', AuthorizationAction.CUSTOM, [{ to: [Operation.paths('/admin/*')] }]); },
    patch: (c) => patch(policyL2(c, 'ext-authz', AuthorizationAction.ALLOW, [{ to: [Operation.paths('/admin/*')] }]), JsonPatch.replace('/spec/action', 'CUSTOM')),
  },
  {
    name: 'DENY without rules',
    manifest: policy('deny-nothing', { action: 'DENY' }),
    expect: [error('CI0701', 'spec.rules')],
    l2: (c) => { policyL2(c, 'deny-nothing', AuthorizationAction.DENY); },
    patch: (c) => patch(policyL2(c, 'deny-nothing', AuthorizationAction.DENY, [{}]), JsonPatch.remove('/spec/rules')),
  },
  {
    name: 'an HTTPS server without tls',
    // www: the MUTUAL row's Gateway serves shop.example.com on 443 for the same proxies (CI1042 when the table is one input)
    manifest: gateway({ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['www.example.com'] }),
    expect: [error('CI0307', 'spec.servers[0].tls')],
    // GatewayServer.https requires tls at compile time; GatewayServer.of takes any protocol with tls optional
    l2: (c) => { gatewayL2(c, GatewayServer.of({ port: 443, name: 'https', protocol: ServerProtocol.HTTPS, hosts: ['www.example.com'] })); },
    patch: (c) => patch(gatewayL2(c, GatewayServer.https({ name: 'https', hosts: ['www.example.com'], tls: ServerTls.simple('www-credential') })), JsonPatch.remove('/spec/servers/0/tls')),
  },
  {
    name: 'a subset typo (mesh check)',
    manifest: vs({ hosts: ['reviews'], http: [{ route: [to('v3')] }] }),
    expect: [error('CI1003', 'spec.http[0].route[0].destination.subset')],
    l2: (c) => { routesL2(c, toL2('v3')); },
    patch: (c) => patch(routesL2(c, toL2()), JsonPatch.replace('/spec/http/0/route/0/destination/subset', 'v3')),
  },
];

/** The valid configurations issue 7 lists, which checks stricter than Istio once rejected: no error, whatever the way. */
const VALID: readonly Row[] = [
  {
    name: 'a subset name with uppercase letters',
    manifest: dr('reviews-upper', { subsets: [{ name: 'V1', labels: { version: 'v1' } }] }),
    expect: [],
    l2: (c) => { ruleL2(c, 'reviews-upper', { subsets: [Subset.fromLabels('V1', { version: 'v1' })] }); },
    patch: (c) => patch(ruleL2(c, 'reviews-upper', { subsets: [Subset.fromLabels('v1', { version: 'v1' })] }), JsonPatch.replace('/spec/subsets/0/name', 'V1')),
  },
  {
    name: 'a Gateway server port name with uppercase letters',
    manifest: gateway({ port: { number: 80, name: 'HTTP', protocol: 'HTTP' } }),
    expect: [],
    l2: (c) => { gatewayL2(c, GatewayServer.http({ name: 'HTTP', hosts: ['shop.example.com'] })); },
    patch: (c) => patch(gatewayL2(c, GatewayServer.http({ name: 'http', hosts: ['shop.example.com'] })), JsonPatch.replace('/spec/servers/0/port/name', 'HTTP')),
  },
  {
    name: 'a ServiceEntry port name with uppercase letters',
    manifest: object(NET, 'ServiceEntry', 'partner', { hosts: ['api.partner.example.com'], location: 'MESH_EXTERNAL', resolution: 'DNS', ports: [{ number: 443, name: 'HTTPS', protocol: 'TLS' }] }),
    expect: [],
    l2: (c) => { partnerL2(c, 'HTTPS'); },
    patch: (c) => patch(partnerL2(c, 'https'), JsonPatch.replace('/spec/ports/0/name', 'HTTPS')),
  },
  {
    name: 'two HTTP routes with one name (a warning only: stricter than Istio)',
    manifest: vs({ hosts: ['reviews'], http: [{ name: 'r', match: [{ headers: { 'end-user': { exact: 'jason' } } }], route: [to('v2')] }, { name: 'r', route: [to()] }] }),
    expect: [warning('CI0133', 'spec.http[1].name')],
    l2: (c) => { routesL2(c, { name: 'r', match: [HttpMatch.header('end-user', StringMatch.exact('jason'))], ...toL2('v2') }, { name: 'r', ...toL2() }); },
    patch: (c) => patch(routesL2(c, { name: 'r', match: [HttpMatch.header('end-user', StringMatch.exact('jason'))], ...toL2('v2') }, { name: 's', ...toL2() }),
      JsonPatch.replace('/spec/http/1/name', 'r')),
  },
  {
    name: "a subset without labels (Istio's egress-gateway task)",
    manifest: dr('reviews-all', { subsets: [{ name: 'all' }] }),
    expect: [],
    l2: (c) => { ruleL2(c, 'reviews-all', { subsets: [Subset.fromLabels('all', {})] }); },
    patch: (c) => patch(ruleL2(c, 'reviews-all', { subsets: [Subset.fromLabels('all', { version: 'v1' })] }), JsonPatch.remove('/spec/subsets/0/labels')),
  },
  {
    name: 'the source.trustDomain condition key',
    manifest: policy('same-domain', { rules: [{ when: [{ key: 'source.trustDomain', values: ['cluster.local'] }] }] }),
    expect: [],
    l2: (c) => { policyL2(c, 'same-domain', undefined, [{ when: [Condition.values('source.trustDomain', 'cluster.local')] }]); },
    patch: (c) => patch(policyL2(c, 'same-domain', undefined, [{ when: [Condition.values('source.namespace', 'shop')] }]),
      JsonPatch.replace('/spec/rules/0/when/0', { key: 'source.trustDomain', values: ['cluster.local'] })),
  },
  {
    name: 'an uppercase consistent-hash header name',
    manifest: dr('reviews-sticky', { trafficPolicy: { loadBalancer: { consistentHash: { httpHeaderName: 'X-User-Id' } } } }),
    expect: [],
    l2: (c) => { ruleL2(c, 'reviews-sticky', { trafficPolicy: TrafficPolicy.of({ loadBalancer: LoadBalancer.consistentHash({ httpHeaderName: 'X-User-Id' }) }) }); },
    patch: (c) => patch(ruleL2(c, 'reviews-sticky', { trafficPolicy: TrafficPolicy.of({ loadBalancer: LoadBalancer.consistentHash({ httpHeaderName: 'x-user-id' }) }) }),
      JsonPatch.replace('/spec/trafficPolicy/loadBalancer/consistentHash/httpHeaderName', 'X-User-Id')),
  },
  {
    name: "DENY notRequestPrincipals ['*'] for /api/* (a warning only: Istio warns)",
    manifest: policy('require-jwt', { action: 'DENY', rules: [{ from: [{ source: { notRequestPrincipals: ['*'] } }], to: [{ operation: { paths: ['/api/*'] } }] }] }),
    expect: [warning('CI0712', 'spec.rules[0]')],
    l2: (c) => { policyL2(c, 'require-jwt', AuthorizationAction.DENY, [{ from: [Source.of({ notRequestPrincipals: ['*'] })], to: [Operation.paths('/api/*')] }]); },
    patch: (c) => patch(policyL2(c, 'require-jwt', AuthorizationAction.DENY, [{ from: [Source.of({ notRequestPrincipals: ['*'] })], to: [Operation.paths('/admin/*')] }]),
      JsonPatch.replace('/spec/rules/0/to/0/operation/paths/0', '/api/*')),
  },
];

function partnerL2(chart: Chart, portName: string): ServiceEntry {
  return new ServiceEntry(chart, 'row', {
    metadata: { name: 'partner' }, hosts: ['api.partner.example.com'], location: ServiceEntryLocation.MESH_EXTERNAL, resolution: ServiceEntryResolution.DNS,
    ports: [{ number: 443, name: portName, protocol: PortProtocol.TLS }],
  });
}

/** One cell of the table: what a way showed, and how it failed or passed, or why the way cannot write the row. */
type Cell = { readonly seen: readonly Seen[]; readonly failed: boolean; readonly via?: string } | { readonly notExpressible: string };

/** Every way in for one row (`include`: what the row showed in the one Include of the whole table). */
async function cells(row: Row, include: Seen[]): Promise<Record<Way, Cell>> {
  const meshApp = (b: Builder): Cell => (isBuild(b) ? outcome(viaMeshApp(b)) : b);
  const l1: Build = (c) => { l1Object(c, row.manifest); };
  const app = isBuild(row.l2) ? { build: row.l2, via: 'L2' } : isBuild(row.patch) ? { build: row.patch, via: 'JSON patch' } : undefined;
  const istioChecks = app ? viaIstioChecks(app.build) : undefined;
  // the plugin gets what any cdk8s app writes: an app in another language has the imported classes, not our L2
  const plugin = await viaPlugin(l1);
  const command = viaCheckCommand(row.manifest);
  return {
    'L2 API': meshApp(row.l2),
    'JSON patch on an L2': meshApp(row.patch),
    'L1 class': meshApp(l1),
    'plain ApiObject': meshApp(apiObject(row.manifest)),
    'Include': { ...outcome(include), via: 'one Include, all rows' },
    'App + IstioChecks.enable': istioChecks && app ? { seen: istioChecks.seen, failed: istioChecks.threw, via: app.via } : notExpressible('neither the L2 API nor a JSON patch writes it'),
    'validation plugin': { seen: plugin.seen, failed: !plugin.success, via: 'L1' },
    'cdk8s-istio check': { seen: command.seen, failed: command.code !== 0 },
  };
}

/** A MeshApp's findings: its synth() fails exactly when one is an error. */
function outcome(seen: Seen[]): { readonly seen: readonly Seen[]; readonly failed: boolean } {
  return { seen, failed: seen.some((s) => s.severity === Severity.ERROR) };
}

const sorted = <T extends Expected>(list: readonly T[]) => [...list].sort((a, b) => `${a.code} ${a.field}`.localeCompare(`${b.code} ${b.field}`));
const shape = (s: Seen): Expected & { onRow?: boolean } => ({ code: s.code, field: s.field, severity: s.severity as Severity, onRow: s.onRow });

const ROWS = [...MISTAKES, ...VALID];
const TABLE = new Map<Row, Record<Way, Cell>>();

// every row through every way, once (about 2 s); cdk8s's Include reads each file in a child process,
// so the whole table is one file, read once, each row in a namespace of its own
beforeAll(async () => {
  const included = viaIncludeTable(ROWS.map((r) => r.manifest));
  for (const [i, row] of ROWS.entries()) TABLE.set(row, await cells(row, included[i]));
});

describe.each([['mistakes', MISTAKES], ['valid configurations', VALID]] as const)('%s: every way in shows the same findings', (_kind, rows) => {
  test.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    // GIVEN the row written every way / WHEN each way checks it (beforeAll)
    const byWay = TABLE.get(row)!;
    const errors = row.expect.some((e) => e.severity === Severity.ERROR);
    for (const way of WAYS) {
      const cell = byWay[way];
      if ('notExpressible' in cell) continue;
      // THEN exactly the expected findings, on the object under test (the base objects are clean)
      expect({ way, seen: sorted(cell.seen.map(shape)) }).toEqual({ way, seen: sorted(row.expect.map((e) => ({ ...e, onRow: true }))) });
      // and the way fails (throws, exits 1, submits a failure) exactly when there is an error
      expect({ way, failed: cell.failed }).toEqual({ way, failed: errors });
    }
  });
});

test('the table: each row through each way in, or why the way cannot write it', () => {
  // GIVEN every row through every way (beforeAll)
  expect(TABLE.size).toBe(ROWS.length);
  // WHEN written as a table: the findings of the row, then per way 'same' or what differs, or why the way cannot write the row
  const findings = (seen: readonly Seen[]) => (seen.length === 0 ? 'none' : sorted(seen.map(shape)).map((s) => `${s.code} ${s.field} (${s.severity})`).join('; '));
  const text = (r: Row, cell: Cell) => ('notExpressible' in cell ? `not expressible: ${cell.notExpressible}`
    : (findings(cell.seen) === findings(r.expect.map((e) => ({ ...e, onRow: true }))) && cell.seen.every((s) => s.onRow) ? 'same' : findings(cell.seen))
      + (cell.via ? ` (via ${cell.via})` : ''));
  const lines = [`| row | findings | ${WAYS.join(' | ')} |`, `| --- | --- | ${WAYS.map(() => '---').join(' | ')} |`,
    ...ROWS.map((r) => `| ${r.name} | ${findings(r.expect.map((e) => ({ ...e, onRow: true })))} | ${WAYS.map((w) => text(r, TABLE.get(r)![w])).join(' | ')} |`)];
  // THEN (every L2 gap is a compile-time limit of the typed API, with its reason)
  expect(lines.join('\n')).toMatchSnapshot();
  const gaps = ROWS.flatMap((r) => WAYS.filter((w) => 'notExpressible' in TABLE.get(r)![w]).map((w) => `${r.name}: ${w}`));
  expect(gaps).toEqual(["retryOn 'reset,connect-failure, 5xx': L2 API", 'tunnel protocol GET: L2 API']);
});

test('the DENY rule on notRequestPrincipals: the fix does not tell the user to add ports unconditionally, in every way', () => {
  // GIVEN / WHEN the row through every way (beforeAll)
  const byWay = TABLE.get(VALID.find((r) => r.name.startsWith('DENY notRequestPrincipals'))!)!;
  // THEN the fix keeps the rule as it is for workloads that serve only HTTP, and names the gateway's container port
  for (const way of WAYS) {
    const cell = byWay[way];
    if ('notExpressible' in cell) continue;
    expect({ way, fixes: cell.seen.map((s) => s.fix) }).toEqual({
      way, fixes: [expect.stringMatching(/^nothing to change if the selected workloads serve only HTTP; otherwise .*ports.*container port/)],
    });
  }
});

test('one spawned cdk8s-istio check over every row at once (each in its own namespace) gives the same findings per row', () => {
  // GIVEN each row and its base in a folder and namespace of its own
  const dir = tempDir('ways-in-spawn-');
  ROWS.forEach((r, i) => writeRow(r.manifest, path.join(dir, `row-${i}`), `row-${i}`));
  // WHEN the command runs as users run it (node bin/cdk8s-istio.js)
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'cdk8s-istio.js'), 'check', '-R', '--format', 'json', dir], { encoding: 'utf8', timeout: 60_000 });
  // THEN it fails (there are errors), and each row shows its own findings, on its own object
  expect(run.status).toBe(1);
  const findings: any[] = JSON.parse(run.stdout).findings;
  ROWS.forEach((r, i) => {
    const objectName = `${r.manifest.kind} row-${i}/${r.manifest.metadata.name}`;
    const mine = findings.filter((f) => String(f.object).includes(` row-${i}/`)).map((f) => shape(fromJsonFinding(f, objectName)));
    expect({ row: r.name, seen: sorted(mine) }).toEqual({ row: r.name, seen: sorted(r.expect.map((e) => ({ ...e, onRow: true }))) });
  });
  // and nothing is reported beyond the rows' own findings
  expect(findings.length).toBe(ROWS.reduce((n, r) => n + r.expect.length, 0));
});

/**
 * What a plain-JavaScript user (or a cast) passes where the types say otherwise: each gives
 * findings, on the construct and the field, and never makes building the app or `check()` throw.
 */
const PLAIN_JAVASCRIPT: readonly { readonly name: string; readonly build: Build; readonly expect: readonly Expected[] }[] = [
  {
    name: "timeout: '10s' (a string where a Duration is expected) renders as given, which Istio accepts",
    build: (c) => { routesL2(c, { ...toL2(), timeout: '10s' as unknown as Duration }); },
    expect: [],
  },
  {
    name: 'timeout: 10 (a number)',
    build: (c) => { routesL2(c, { ...toL2(), timeout: 10 as unknown as Duration }); },
    expect: [error('CI0016', 'spec.http[0].timeout')],
  },
  {
    name: "Subset.fromWorkload('v1', undefined)",
    build: (c) => { ruleL2(c, 'reviews-v3', { subsets: [Subset.fromWorkload('v3', undefined as any)] }); },
    expect: [error('CI0019', 'spec.subsets[0]')],
  },
  {
    name: "retryOn: 'reset,connect-failure, 5xx' (Istio's string instead of a list)",
    build: (c) => { routesL2(c, { ...toL2(), retries: { attempts: 3, retryOn: 'reset,connect-failure, 5xx' as any } }); },
    expect: [error('CI0120', 'spec.http[0].retries.retryOn')],
  },
  {
    name: "weight: '100' (a string)",
    build: (c) => { routesL2(c, { route: [{ destination: Destination.fromHost('reviews', { subset: 'v1' }), weight: '100' as any }] }); },
    expect: [error('CI0016', 'spec.http[0].route[0].weight')],
  },
  {
    name: 'Destination.fromService(undefined)',
    build: (c) => { routesL2(c, { route: [{ destination: Destination.fromService(undefined as any) }] }); },
    expect: [error('CI0019', 'spec.http[0].route[0].destination.host'), error('CI0125', 'spec.http[0].route[0].destination.host')],
  },
  {
    name: 'FaultInjection.delay(undefined)',
    build: (c) => { routesL2(c, { ...toL2(), fault: FaultInjection.delay(undefined as any) }); },
    expect: [error('CI0119', 'spec.http[0].fault')],
  },
  {
    name: "hosts: 'reviews' (a string, not a list of its characters)",
    build: (c) => { new VirtualService(c, 'row', { metadata: { name: 'routes' }, hosts: 'reviews' as any, httpRoutes: [toL2()] }); },
    // and, as the manifest has no hosts, the warning that Istio takes it for a delegate
    expect: [error('CI0019', 'spec.hosts'), warning('CI0019', 'spec.hosts')],
  },
  {
    name: 'httpRoutes: [undefined]',
    build: (c) => { new VirtualService(c, 'row', { metadata: { name: 'routes' }, hosts: ['reviews'], httpRoutes: [undefined as any] }); },
    // and, as the manifest has no route left, Istio's rejection of a VirtualService without routes
    expect: [error('CI0019', 'spec.http'), error('CI0103', 'spec.http')],
  },
  {
    name: 'ClientTls.mutual(undefined)',
    build: (c) => { ruleL2(c, 'reviews-tls', { trafficPolicy: TrafficPolicy.of({ tls: ClientTls.mutual(undefined as any) }) }); },
    expect: [error('CI0213', 'spec.trafficPolicy.tls.clientCertificate'), error('CI0213', 'spec.trafficPolicy.tls.privateKey'), warning('CI1044', 'spec.trafficPolicy.tls')],
  },
  {
    name: 'a Gateway with servers: [undefined]',
    build: (c) => { new Gateway(c, 'row', { metadata: { name: 'shop-gateway' }, servers: [undefined as any] }); },
    expect: [error('CI0302', 'spec.servers[0]')],
  },
  {
    name: 'an AuthorizationPolicy with rules: [null] (left out, so it would allow nothing)',
    build: (c) => { policyL2(c, 'allow-null', AuthorizationAction.ALLOW, [null as any]); },
    expect: [error('CI0019', 'spec.rules')],
  },
  {
    name: "an AuthorizationPolicy with action 'deny' (lowercase)",
    build: (c) => { policyL2(c, 'deny-all', 'deny' as any, [{}]); },
    expect: [error('CI0016', 'spec.action')],
  },
  {
    name: "a ServiceEntry port number '443' (a string)",
    build: (c) => {
      new ServiceEntry(c, 'row', { metadata: { name: 'partner' }, hosts: ['api.partner.example.com'], location: ServiceEntryLocation.MESH_EXTERNAL, resolution: ServiceEntryResolution.DNS, ports: [{ number: '443' as any, name: 'tls', protocol: PortProtocol.TLS }] });
    },
    expect: [error('CI0016', 'spec.ports[0].number')],
  },
];

describe('values a plain-JavaScript user passes: findings, never a throw', () => {
  test.each(PLAIN_JAVASCRIPT.map((c) => [c.name, c] as const))('%s', (_name, { build, expect: expected }) => {
    // GIVEN / WHEN the app is built and MeshApp.check() runs (viaMeshApp lets any throw through)
    const seen = viaMeshApp(build);
    // THEN exactly these findings, on the construct
    expect(sorted(seen.map(shape))).toEqual(sorted(expected.map((e) => ({ ...e, onRow: true }))));
  });
});
