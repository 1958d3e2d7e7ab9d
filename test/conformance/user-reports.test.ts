/**
 * Inputs from real users' reports (issue 8), each the kind of a whole class of mistakes, checked
 * the three ways an app reaches the checks: the typed API (`MeshApp.check()`), YAML brought into a
 * cdk8s app with `Include`, and the `cdk8s-istio check` command over the same YAML files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Include } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Destination, DestinationRule, Gateway, GatewayBinding, GatewayServer, HttpMatch, MeshApp, VirtualService } from '../../lib';
import { Finding } from '../../lib/analysis/finding';
import { collectObjects } from '../analysis/fixtures';
import { runCli, writeTree } from '../cli/fixtures';

/** A finding as `CODE severity Kind ns/name field`, the same whichever way the app was read. */
type Line = string;

/** The findings (errors and warnings) of a MeshApp, named by the object they are about. */
function appFindings(app: MeshApp): { lines: Line[]; findings: Finding[] } {
  const objects = new Map(collectObjects(app).map((o) => [o.path, o.qualifiedName.includes('/') ? `${o.kind} ${o.qualifiedName}` : `${o.kind} ${o.name}`]));
  const report = app.check();
  const findings = [...report.errors, ...report.warnings];
  return { lines: findings.map((f) => `${f.code} ${f.severity} ${objects.get(f.path) ?? f.path} ${f.field}`).sort(), findings };
}

/** The findings of `cdk8s-istio check` over `files`, from its text output. */
function cliFindings(files: Record<string, string>): { lines: Line[]; stdout: string; code: number } {
  const run = runCli(['check', writeTree(files)]);
  const lines = run.stdout.trimEnd().split('\n').filter((l) => l !== '').map((l) => {
    const m = /^(error|warning) (CI\d{4}) \S+ \[(\S+) ([^\]]+)\] (\S+)/.exec(l);
    if (!m) throw new Error(`unexpected output line: ${l}`);
    return `${m[2]} ${m[1]} ${m[3]} ${m[4]} ${m[5]}`;
  });
  return { lines: lines.sort(), stdout: run.stdout, code: run.code };
}

/** A MeshApp that `Include`s `files` (each into its own chart). */
function includeApp(files: Record<string, string>): MeshApp {
  const app = new MeshApp({ outdir: '/nonexistent', log: () => undefined });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'user-reports-'));
  for (const [name, yaml] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, yaml);
    new Include(new Chart(app, name.replace(/\.yaml$/, '')), 'included', { url: file });
  }
  return app;
}

const newApp = () => new MeshApp({ outdir: '/nonexistent', log: () => undefined });

describe('user reports of issue 8: routes and hosts (inputs 1, 2 and 4)', () => {
  // ---- 1: hosts written name.namespace and name.namespace.svc match no Service (Istio expands only dotless names)
  describe('1: a destination `inventory.stock` and a DestinationRule `inventory.stock.svc` for Service stock/inventory', () => {
    const FILES = {
      'stock.yaml': 'apiVersion: v1\nkind: Service\nmetadata: { name: inventory, namespace: stock }\nspec:\n  selector: { app: inventory }\n  ports: [{ name: http, port: 8080 }]\n',
      'web.yaml': [
        'apiVersion: networking.istio.io/v1', 'kind: VirtualService', 'metadata: { name: inventory, namespace: web }', 'spec:',
        '  hosts: [inventory.stock.svc.cluster.local]', '  http:', '  - route:', '    - destination: { host: inventory.stock }', '---',
        'apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata: { name: inventory, namespace: web }', 'spec:',
        '  host: inventory.stock.svc', '  trafficPolicy: { tls: { mode: ISTIO_MUTUAL } }', '',
      ].join('\n'),
    };
    const EXPECTED = [
      'CI1002 error VirtualService web/inventory spec.http[0].route[0].destination.host',
      'CI1015 warning DestinationRule web/inventory spec.host',
    ];

    test('through the typed API', () => {
      // GIVEN
      const app = newApp();
      const stock = new Chart(app, 'stock', { namespace: 'stock' });
      new kplus.Service(stock, 'inventory', { metadata: { name: 'inventory' }, ports: [{ port: 8080, name: 'http' }] }).selectLabel('app', 'inventory');
      const web = new Chart(app, 'web', { namespace: 'web' });
      new VirtualService(web, 'inventory', { hosts: ['inventory.stock.svc.cluster.local'], httpRoutes: [{ route: [{ destination: Destination.fromHost('inventory.stock') }] }] });
      new DestinationRule(web, 'inventory-rule', { metadata: { name: 'inventory' }, host: 'inventory.stock.svc' });
      // WHEN
      const { lines, findings } = appFindings(app);
      // THEN
      expect(lines).toEqual(EXPECTED);
      expect(findings.find((f) => f.code === 'CI1002')!.message).toBe("destination host 'inventory.stock' is taken as written, not as Service 'stock/inventory': Istio expands only short names without a dot");
      expect(findings.find((f) => f.code === 'CI1002')!.fix).toBe("write the Service's full name 'inventory.stock.svc.cluster.local'");
    });

    test('through cdk8s Include', () => {
      // WHEN / THEN
      expect(appFindings(includeApp(FILES)).lines).toEqual(EXPECTED);
    });

    test('through the cdk8s-istio check command', () => {
      // WHEN
      const run = cliFindings(FILES);
      // THEN
      expect(run.lines).toEqual(EXPECTED);
      expect(run.code).toBe(1);
    });
  });

  // ---- 2: a `*` VirtualService on a gateway whose routes an exact host of another VirtualService hides
  describe('2: `legacy-routes` for `*` and `status-routes` for `shop.example.com` on gateway shop/shared-gateway', () => {
    const service = (name: string) => `apiVersion: v1\nkind: Service\nmetadata: { name: ${name}, namespace: shop }\nspec:\n  selector: { app: ${name} }\n  ports: [{ name: http, port: 8080 }]\n`;
    const FILES = {
      'services.yaml': `${service('status')}---\n${service('legacy')}`,
      'routes.yaml': [
        'apiVersion: networking.istio.io/v1', 'kind: Gateway', 'metadata: { name: shared-gateway, namespace: shop }', 'spec:',
        '  selector: { istio: ingressgateway }', '  servers:', '  - port: { number: 80, name: http, protocol: HTTP }', '    hosts: ["*"]', '---',
        'apiVersion: networking.istio.io/v1', 'kind: VirtualService', 'metadata: { name: status-routes, namespace: shop }', 'spec:',
        '  hosts: [shop.example.com]', '  gateways: [shared-gateway]', '  http:', '  - match: [{ uri: { prefix: /status } }]', '    route: [{ destination: { host: status } }]', '---',
        'apiVersion: networking.istio.io/v1', 'kind: VirtualService', 'metadata: { name: legacy-routes, namespace: shop }', 'spec:',
        '  hosts: ["*"]', '  gateways: [shared-gateway]', '  http:', '  - match: [{ uri: { prefix: /legacy } }]', '    route: [{ destination: { host: legacy } }]', '',
      ].join('\n'),
    };
    const EXPECTED = ['CI1023 warning VirtualService shop/legacy-routes spec.hosts[0]'];
    const MESSAGE = /^on gateway 'shop\/shared-gateway', requests for 'shop\.example\.com' never reach this VirtualService: VirtualService shop\/status-routes claims that host, .* none matches shop\.example\.com\/legacy .*; such requests get a 404$/;

    test('through the typed API', () => {
      // GIVEN
      const app = newApp();
      const shop = new Chart(app, 'shop', { namespace: 'shop' });
      const status = new kplus.Service(shop, 'status', { metadata: { name: 'status' }, ports: [{ port: 8080, name: 'http' }] });
      const legacy = new kplus.Service(shop, 'legacy', { metadata: { name: 'legacy' }, ports: [{ port: 8080, name: 'http' }] });
      const gateway = new Gateway(shop, 'shared-gateway', { servers: [GatewayServer.http({ port: 80, name: 'http', hosts: ['*'] })] });
      new VirtualService(shop, 'status-routes', { hosts: ['shop.example.com'], gateways: [GatewayBinding.fromGateway(gateway)], httpRoutes: [{ match: [HttpMatch.prefix('/status')], route: [{ destination: Destination.fromService(status) }] }] });
      new VirtualService(shop, 'legacy-routes', { hosts: ['*'], gateways: [GatewayBinding.fromGateway(gateway)], httpRoutes: [{ match: [HttpMatch.prefix('/legacy')], route: [{ destination: Destination.fromService(legacy) }] }] });
      // WHEN
      const { lines, findings } = appFindings(app);
      // THEN
      expect(lines).toEqual(EXPECTED);
      expect(findings[0].message).toMatch(MESSAGE);
    });

    test('through cdk8s Include', () => {
      // WHEN
      const { lines, findings } = appFindings(includeApp(FILES));
      // THEN
      expect(lines).toEqual(EXPECTED);
      expect(findings[0].message).toMatch(MESSAGE);
    });

    test('through the cdk8s-istio check command (a warning: exit 0)', () => {
      // WHEN
      const run = cliFindings(FILES);
      // THEN
      expect(run.lines).toEqual(EXPECTED);
      expect(run.stdout).toMatch(/shop\.example\.com\/legacy/);
      expect(run.code).toBe(0);
    });
  });

  // ---- 4: one host claimed in two namespaces, each VirtualService exported to its own namespace only
  describe('4: VirtualServices for host reviews in namespaces a and b, each `exportTo: [\'.\']`', () => {
    const vsYaml = (ns: string, host: string, exportTo: boolean) => [
      'apiVersion: networking.istio.io/v1', 'kind: VirtualService', `metadata: { name: reviews, namespace: ${ns} }`, 'spec:',
      `  hosts: [${host}]`, ...(exportTo ? ['  exportTo: ["."]'] : []), '  http:', '  - route: [{ destination: { host: reviews.a.svc.cluster.local } }]', '',
    ].join('\n');
    const files = (exportTo: boolean) => ({
      'a.yaml': `apiVersion: v1\nkind: Service\nmetadata: { name: reviews, namespace: a }\nspec:\n  selector: { app: reviews }\n  ports: [{ name: http, port: 9080 }]\n---\n${vsYaml('a', 'reviews', exportTo)}`,
      // b names the same host by its FQDN: without exportTo both would apply in every namespace
      'b.yaml': vsYaml('b', 'reviews.a.svc.cluster.local', exportTo),
    });
    const typedApp = (exportTo: boolean) => {
      const app = newApp();
      const a = new Chart(app, 'a', { namespace: 'a' });
      const reviews = new kplus.Service(a, 'reviews', { metadata: { name: 'reviews' }, ports: [{ port: 9080, name: 'http' }] });
      const b = new Chart(app, 'b', { namespace: 'b' });
      const to = [{ route: [{ destination: Destination.fromHost('reviews.a.svc.cluster.local') }] }];
      new VirtualService(a, 'reviews-routes', { metadata: { name: 'reviews' }, hosts: [reviews.name], exportTo: exportTo ? ['.'] : [], httpRoutes: to });
      new VirtualService(b, 'reviews-routes', { metadata: { name: 'reviews' }, hosts: ['reviews.a.svc.cluster.local'], exportTo: exportTo ? ['.'] : [], httpRoutes: to });
      return app;
    };
    const CONFLICT = ['CI1007 error VirtualService a/reviews spec.hosts[0]', 'CI1007 error VirtualService b/reviews spec.hosts[0]'];

    test('through the typed API: no conflict (and a conflict without exportTo, where both apply in every namespace)', () => {
      // WHEN / THEN
      expect(appFindings(typedApp(true)).lines).toEqual([]);
      expect(appFindings(typedApp(false)).lines).toEqual(CONFLICT);
    });

    test('through cdk8s Include', () => {
      // WHEN / THEN
      expect(appFindings(includeApp(files(true))).lines).toEqual([]);
      expect(appFindings(includeApp(files(false))).lines).toEqual(CONFLICT);
    });

    test('through the cdk8s-istio check command', () => {
      // WHEN
      const clean = cliFindings(files(true));
      // THEN
      expect(clean).toEqual({ lines: [], stdout: '', code: 0 });
      expect(cliFindings(files(false)).lines).toEqual(CONFLICT);
    });
  });
});
