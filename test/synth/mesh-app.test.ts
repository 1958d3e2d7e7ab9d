import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Severity } from '../../lib/analysis/finding';
import { Suppressions } from '../../lib/analysis/suppressions';
import { Destination } from '../../lib/istio/routing/destination';
import { VirtualService } from '../../lib/istio/virtual-service';
import { MeshApp, MeshSynthError } from '../../lib/synth/mesh-app';
import { placeChart } from '../../lib/synth/output-layout';
import { readTree } from '../util/tree';

let tmp: string;
let logged: string[];
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-app-'));
  logged = [];
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** An app with one Service `reviews` (port 9080) in namespace `shop`. */
function appWithService(outdir: string) {
  const app = new MeshApp({ outdir, log: (l) => logged.push(l) });
  const chart = new Chart(app, 'base', { namespace: 'shop' });
  const reviews = new kplus.Service(chart, 'reviews', { metadata: { name: 'reviews' }, ports: [{ port: 9080, name: 'http' }] });
  reviews.selectLabel('app', 'reviews');
  return { app, chart, reviews };
}

describe('MeshApp', () => {
  test('writes each chart to its placement and prints a summary of charts, kinds and findings', () => {
    // GIVEN
    const out = path.join(tmp, 'dist');
    const { app, chart, reviews } = appWithService(out);
    placeChart(chart, { file: '10-base.k8s.yaml' });
    const routes = new Chart(app, 'routes', { namespace: 'shop' });
    new VirtualService(routes, 'reviews', { hosts: ['reviews'], httpRoutes: [{ route: [{ destination: Destination.fromService(reviews) }] }] });
    placeChart(routes, { file: 'scenarios/routes/routes.k8s.yaml', layer: 'routes' });

    // WHEN
    app.synth();

    // THEN
    const files = readTree(out);
    expect(Object.keys(files)).toEqual(['10-base.k8s.yaml', 'scenarios/routes/routes.k8s.yaml']);
    expect(files['scenarios/routes/routes.k8s.yaml']).toMatch(/kind: VirtualService/);
    expect(logged.join('\n')).toMatch(/synthesized 2 charts into 2 files/);
    expect(logged.join('\n')).toMatch(/objects: 2 \(Service 1, VirtualService 1\)/);
    expect(logged.join('\n')).toMatch(/findings: 0 errors, 0 warnings, 0 suppressed/);
  });

  test('fails with every error together, sorted by path, and leaves the previous output exactly as it was', () => {
    // GIVEN a previous output
    const out = path.join(tmp, 'dist');
    fs.mkdirSync(path.join(out, 'scenarios', 'x'), { recursive: true });
    fs.writeFileSync(path.join(out, 'base.k8s.yaml'), 'previous\n');
    fs.writeFileSync(path.join(out, 'scenarios', 'x', 'x.k8s.yaml'), 'previous x\n');
    const before = readTree(out);
    // and an app with a per-object error, a cross-resource error and a schema-level error
    const { app, chart, reviews } = appWithService(out);
    new VirtualService(chart, 'z-bad-port', { hosts: ['reviews'], httpRoutes: [{ route: [{ destination: Destination.fromService(reviews, { port: 70000 }) }] }] });
    new VirtualService(chart, 'a-missing-subset', { hosts: ['ratings.example.com'], httpRoutes: [{ route: [{ destination: Destination.fromService(reviews, { subset: 'v9' }) }] }] });

    // WHEN
    let error: MeshSynthError | undefined;
    try {
      app.synth();
    } catch (e) {
      error = e as MeshSynthError;
    }

    // THEN
    expect(error).toBeInstanceOf(MeshSynthError);
    const lines = error!.message.split('\n').slice(1);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => /CI0125 \[base\/z-bad-port\] spec\.http\[0\]\.route\[0\]\.destination\.port\.number = 70000/.test(l))).toBe(true);
    expect(lines.some((l) => /CI1003 \[base\/a-missing-subset\]/.test(l))).toBe(true);
    expect(lines.findIndex((l) => l.includes('a-missing-subset'))).toBeLessThan(lines.findIndex((l) => l.includes('z-bad-port')));
    for (const l of lines) expect(l).toMatch(/; fix: .+/);
    expect(readTree(out)).toEqual(before);
    expect(fs.readdirSync(tmp)).toEqual(['dist']);
  });

  test('warnings are printed and do not fail; warningsAsErrors makes them fail', () => {
    // GIVEN a Service port name that does not follow Istio's protocol naming (CI1011, a warning)
    const build = (warningsAsErrors: boolean) => {
      const app = new MeshApp({ outdir: path.join(tmp, `out-${warningsAsErrors}`), warningsAsErrors, log: (l) => logged.push(l) });
      const chart = new Chart(app, 'base', { namespace: 'shop' });
      new kplus.Service(chart, 'web', { metadata: { name: 'web' }, ports: [{ port: 80, name: 'web' }] }).selectLabel('app', 'web');
      return app;
    };
    // WHEN / THEN
    const lenient = build(false);
    expect(lenient.check().warnings.map((f) => f.code)).toEqual(['CI1011']);
    expect(() => lenient.synth()).not.toThrow();
    expect(logged.some((l) => l.startsWith('warning CI1011 [base/web]'))).toBe(true);
    const strict = build(true);
    expect(strict.check().errors.map((f) => [f.code, f.severity])).toEqual([['CI1011', Severity.ERROR]]);
    expect(() => strict.synth()).toThrow(/CI1011/);
  });

  test('a suppression with a reason keeps a warning out of the findings and reports it as suppressed', () => {
    // GIVEN
    const app = new MeshApp({ outdir: path.join(tmp, 'out'), warningsAsErrors: true, log: (l) => logged.push(l) });
    const chart = new Chart(app, 'base', { namespace: 'shop' });
    const web = new kplus.Service(chart, 'web', { metadata: { name: 'web' }, ports: [{ port: 80, name: 'web' }] });
    web.selectLabel('app', 'web');
    Suppressions.add(web, 'CI1011', 'legacy clients need the port name web');
    // WHEN
    app.synth();
    // THEN
    expect(logged.some((l) => /^suppressed CI1011 \[base\/web\].*\(reason: legacy clients need the port name web\)/.test(l))).toBe(true);
  });

  test('layers are checked with the base but never with each other: two scenarios may define the same host', () => {
    // GIVEN two layers each with a VirtualService for the same host
    const { app, reviews } = appWithService(path.join(tmp, 'out'));
    for (const id of ['one', 'two']) {
      const layer = new Chart(app, id, { namespace: 'shop' });
      new VirtualService(layer, 'reviews', { hosts: ['reviews'], httpRoutes: [{ route: [{ destination: Destination.fromService(reviews) }] }] });
      placeChart(layer, { file: `scenarios/${id}/${id}.k8s.yaml`, layer: id });
    }
    // WHEN
    const report = app.check();
    // THEN
    expect(report.errors).toEqual([]);

    // and the same two in the base conflict (CI1007)
    const clash = appWithService(path.join(tmp, 'out2'));
    for (const id of ['one', 'two']) {
      new VirtualService(clash.chart, id, { hosts: ['reviews'], httpRoutes: [{ route: [{ destination: Destination.fromService(clash.reviews) }] }] });
    }
    expect(clash.app.check().errors.map((f) => f.code)).toContain('CI1007');
  });
});

test('a failing cdk8s or cdk8s-plus validation is reported as CI0019 with its construct path', () => {
  // GIVEN a construct whose own validation fails
  const app = new MeshApp({ outdir: path.join(tmp, 'out'), log: () => undefined });
  const chart = new Chart(app, 'base');
  chart.node.addValidation({ validate: () => ['replicas must be positive'] });
  // WHEN
  const report = app.check();
  // THEN
  expect(report.errors.map((f) => [f.code, f.path, f.message])).toEqual([['CI0019', 'base', 'replicas must be positive']]);
});

test('an object that cannot render is reported on its construct with the other findings instead of stopping the check', () => {
  // GIVEN a Service without ports (cdk8s-plus cannot render it) next to an invalid VirtualService
  const app = new MeshApp({ outdir: path.join(tmp, 'out'), log: () => undefined });
  const chart = new Chart(app, 'base', { namespace: 'shop' });
  new kplus.Service(chart, 'portless', { metadata: { name: 'portless' } });
  new VirtualService(chart, 'vs', { hosts: ['Not_A_Host'], httpRoutes: [{ route: [{ destination: Destination.fromHost('web') }] }] });
  // WHEN
  const report = app.check();
  // THEN both are reported
  expect(report.errors.map((f) => f.code)).toEqual(expect.arrayContaining(['CI0020', 'CI0101']));
  expect(report.errors.find((f) => f.field === '(render)')!.path).toBe('base/portless');
});
