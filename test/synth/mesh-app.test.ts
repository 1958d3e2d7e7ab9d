import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, AppProps, Chart, YamlOutputType } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as YAML from 'yaml';
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
    expect(Object.keys(files)).toEqual(['10-base.k8s.yaml', 'Kustomization', 'scenarios/routes/Kustomization', 'scenarios/routes/routes.k8s.yaml']);
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

describe('MeshApp writes what cdk8s\'s App writes for the same app', () => {
  /** A Namespace chart and a web chart that depends on it, in `app`. */
  function namespacedWeb(app: App) {
    const namespaces = new Chart(app, 'namespaces');
    new kplus.Namespace(namespaces, 'shop', { metadata: { name: 'shop' } });
    const web = new Chart(app, 'web', { namespace: 'shop' });
    const svc = new kplus.Service(web, 'web', { metadata: { name: 'web' }, ports: [{ port: 80, name: 'http' }] });
    svc.selectLabel('app', 'web');
    new kplus.ConfigMap(web, 'settings', { metadata: { name: 'settings' }, data: { a: '1' } });
    web.addDependency(namespaces);
    return app;
  }

  test.each([
    ['the default (a file per chart)', {}],
    ['FILE_PER_RESOURCE', { yamlOutputType: YamlOutputType.FILE_PER_RESOURCE }],
    ['FOLDER_PER_CHART_FILE_PER_RESOURCE', { yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE }],
    ['FILE_PER_APP', { yamlOutputType: YamlOutputType.FILE_PER_APP }],
    ['another file extension', { outputFileExtension: '.yaml' }],
    ['construct metadata for the cdk8s CLI\'s validation plugins', { recordConstructMetadata: true }],
  ] as Array<[string, AppProps]>)('%s', (_name, props) => {
    // GIVEN the same app as a cdk8s App and as a MeshApp
    const plain = namespacedWeb(new App({ ...props, outdir: path.join(tmp, 'app') }));
    const mesh = namespacedWeb(new MeshApp({ ...props, outdir: path.join(tmp, 'mesh'), log: () => undefined }));

    // WHEN
    plain.synth();
    mesh.synth();

    // THEN the same files, with the same content
    expect(readTree(path.join(tmp, 'mesh'))).toEqual(readTree(path.join(tmp, 'app')));
    expect(fs.readdirSync(tmp).sort()).toEqual(['app', 'mesh']);
  });

  test('charts that depend on each other are numbered in apply order, as App numbers them', () => {
    // WHEN
    namespacedWeb(new MeshApp({ outdir: path.join(tmp, 'dist'), log: () => undefined })).synth();
    // THEN kubectl apply -f dist/ applies the Namespace first
    expect(Object.keys(readTree(path.join(tmp, 'dist')))).toEqual(['0000-namespaces.k8s.yaml', '0001-web.k8s.yaml']);
  });

  test('kustomization: true adds a Kustomization listing the files in apply order, which kubectl apply -f skips', () => {
    // WHEN
    namespacedWeb(new MeshApp({ outdir: path.join(tmp, 'dist'), kustomization: true, log: () => undefined })).synth();
    // THEN
    const files = readTree(path.join(tmp, 'dist'));
    expect(Object.keys(files)).toEqual(['0000-namespaces.k8s.yaml', '0001-web.k8s.yaml', 'Kustomization']);
    expect(YAML.parse(files.Kustomization)).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['0000-namespaces.k8s.yaml', '0001-web.k8s.yaml'],
    });
  });

  test('kustomization: false writes placed charts without Kustomization files', () => {
    // GIVEN
    const { app, chart } = appWithService(path.join(tmp, 'dist'));
    placeChart(chart, { file: 'base.k8s.yaml' });
    const app2 = new MeshApp({ outdir: path.join(tmp, 'plain'), kustomization: false, log: () => undefined });
    placeChart(new Chart(app2, 'base'), { file: 'base.k8s.yaml' });
    new kplus.ConfigMap(app2.charts[0], 'c', { data: { a: '1' } });
    // WHEN
    app.synth();
    app2.synth();
    // THEN
    expect(Object.keys(readTree(path.join(tmp, 'dist')))).toEqual(['Kustomization', 'base.k8s.yaml']);
    expect(Object.keys(readTree(path.join(tmp, 'plain')))).toEqual(['base.k8s.yaml']);
  });

  test('fails before writing when a layer\'s files share a folder with the base app (no Kustomization could list the layer alone)', () => {
    // GIVEN a previous output and a layer placed at the top level
    const out = path.join(tmp, 'dist');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'keep.yaml'), 'previous\n');
    const { app, chart } = appWithService(out);
    placeChart(chart, { file: 'base.k8s.yaml' });
    const layer = new Chart(app, 'canary', { namespace: 'shop' });
    new kplus.ConfigMap(layer, 'c', { data: { a: '1' } });
    placeChart(layer, { file: 'canary.k8s.yaml', layer: 'canary' });
    // WHEN / THEN
    expect(() => app.synth()).toThrow("the files of layer 'canary' (canary.k8s.yaml) must be in a folder of their own for its Kustomization, but the top folder also holds base.k8s.yaml; place them under one folder, e.g. scenarios/canary/ (placeChart), or set MeshAppProps.kustomization to false");
    expect(readTree(out)).toEqual({ 'keep.yaml': 'previous\n' });
  });
});

describe('what a failed synthesis says about the output folder is true on every path', () => {
  const env = { ...process.env };
  afterEach(() => {
    for (const key of ['CDK8S_RECORD_CONSTRUCT_METADATA', 'CDK8S_ISTIO_SAFE_SYNTH']) {
      if (env[key] === undefined) delete process.env[key];
      else process.env[key] = env[key];
    }
  });

  /** The summary of the failure of an app with a subset no DestinationRule defines, writing to `out`. */
  function failure(out: string): MeshSynthError {
    const { app, chart, reviews } = appWithService(out);
    new VirtualService(chart, 'routes', { hosts: ['reviews'], httpRoutes: [{ route: [{ destination: Destination.fromService(reviews, { subset: 'v9' }) }] }] });
    try {
      app.synth();
    } catch (e) {
      return e as MeshSynthError;
    }
    throw new Error('expected the synthesis to fail');
  }

  test('run directly: the previous output was left as it was, or nothing was written where there was none', () => {
    // GIVEN a previous output
    const out = path.join(tmp, 'dist');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'shop.k8s.yaml'), 'previous\n');
    // WHEN / THEN
    expect(failure(out).summary).toBe(`synthesis failed with 1 error(s); ${out}/ was left as it was`);
    expect(readTree(out)).toEqual({ 'shop.k8s.yaml': 'previous\n' });
    expect(failure(path.join(tmp, 'none')).summary).toBe(`synthesis failed with 1 error(s); nothing was written to ${path.join(tmp, 'none')}/`);
    expect(fs.existsSync(path.join(tmp, 'none'))).toBe(false);
  });

  test('run by cdk8s synth (which empties the folder first): nothing was written, and how to keep the last good output', () => {
    // GIVEN the variable the cdk8s CLI sets for the app
    process.env.CDK8S_RECORD_CONSTRUCT_METADATA = 'false';
    // WHEN / THEN
    expect(failure(path.join(tmp, 'dist')).summary).toBe(`synthesis failed with 1 error(s); nothing was written to ${path.join(tmp, 'dist')}/, which the cdk8s CLI empties before it runs the app (\`npx cdk8s-istio synth\` keeps the last good output)`);
  });

  test('run by cdk8s-istio synth: the folder it keeps was left as it was, and it prints the summary itself', () => {
    // GIVEN the variables cdk8s-istio synth (through the cdk8s CLI) sets for the app
    process.env.CDK8S_RECORD_CONSTRUCT_METADATA = 'false';
    process.env.CDK8S_ISTIO_SAFE_SYNTH = 'dist';
    // WHEN
    const error = failure(path.join(tmp, '.dist.staging-1'));
    // THEN
    expect(error.summary).toBe('synthesis failed with 1 error(s); dist/ was left as it was');
    expect(error.describe()).toMatch(/^error CI1003 \[base\/routes\] spec\.http\[0\]\.route\[0\]\.destination\.subset = 'v9': [^\n]+\n$/);
  });
});
