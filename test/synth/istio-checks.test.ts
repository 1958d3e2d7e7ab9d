import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, AppProps, Chart, Testing, YamlOutputType } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { AnalysisReport } from '../../lib/analysis/engine';
import { Severity } from '../../lib/analysis/finding';
import { Suppressions } from '../../lib/analysis/suppressions';
import { DestinationRule, Subset } from '../../lib/istio/destination-rule';
import { Destination } from '../../lib/istio/routing/destination';
import { VirtualService } from '../../lib/istio/virtual-service';
import { IstioChecks } from '../../lib/synth/istio-checks';
import { MeshApp, MeshSynthError } from '../../lib/synth/mesh-app';
import { placeChart } from '../../lib/synth/output-layout';
import { readTree } from '../util/tree';

let tmp: string;
let logged: string[];
const log = (line: string) => logged.push(line);
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-checks-'));
  logged = [];
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface ShopOptions {
  /** The subset the VirtualService routes to (the DestinationRule defines v1 only). */
  readonly subset?: string;
  /** The Service port's name ('http' follows Istio's protocol naming; 'web' is a CI1011 warning). */
  readonly portName?: string;
}

/** A chart with Service reviews, Deployment reviews-v1, a DestinationRule (subset v1) and a VirtualService. */
class Shop extends Chart {
  public readonly reviews: kplus.Service;
  constructor(scope: Construct, id: string, options: ShopOptions = {}) {
    super(scope, id, { namespace: 'shop' });
    this.reviews = new kplus.Service(this, 'reviews', { metadata: { name: 'reviews' }, ports: [{ port: 9080, name: options.portName ?? 'http' }] });
    const v1 = new kplus.Deployment(this, 'reviews-v1', {
      metadata: { name: 'reviews-v1' }, replicas: 1, select: false,
      podMetadata: { labels: { app: 'reviews', version: 'v1' } },
      containers: [{ image: 'example/reviews:v1', ports: [{ number: 9080 }] }],
    });
    this.reviews.select(v1);
    DestinationRule.forService(this, 'reviews-rule', this.reviews).addSubset(Subset.fromWorkload('v1', v1));
    VirtualService.forService(this, 'reviews-routes', this.reviews, {
      httpRoutes: [{ route: [{ destination: Destination.fromService(this.reviews, { subset: options.subset ?? 'v1' }) }] }],
    });
  }
}

function checkedApp(props: AppProps = {}, warningsAsErrors = false): App {
  const app = new App({ outdir: path.join(tmp, 'dist'), ...props });
  IstioChecks.enable(app, { warningsAsErrors, log });
  return app;
}

function thrown(fn: () => unknown): MeshSynthError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MeshSynthError) return e;
    throw e;
  }
  throw new Error('expected a MeshSynthError, nothing was thrown');
}

const summary = (r: AnalysisReport) => ({
  errors: r.errors.map((f) => `${f.code} [${f.path}] ${f.field}: ${f.message}`),
  warnings: r.warnings.map((f) => `${f.code} [${f.path}] ${f.field}`),
  suppressed: r.suppressed.map((f) => `${f.code} [${f.path}] ${f.field} (${f.reason})`),
});

describe('IstioChecks.enable on a cdk8s App', () => {
  test('fails app.synth() on a subset no DestinationRule defines, with the findings as the message, and writes nothing', () => {
    // GIVEN
    const app = checkedApp();
    new Shop(app, 'shop', { subset: 'v2' });
    // WHEN
    const error = thrown(() => app.synth());
    // THEN
    expect(error.message.split('\n')).toEqual([
      `synthesis failed with 1 error(s); nothing was written to ${path.join(tmp, 'dist')}/:`,
      expect.stringMatching(/^ {2}error CI1003 \[shop\/reviews-routes\] spec\.http\[0\]\.route\[0\]\.destination\.subset = 'v2': subset 'v2' of host 'reviews' is not defined by any DestinationRule; defined: v1.*; fix: .+/),
    ]);
    expect(readTree(path.join(tmp, 'dist'))).toEqual({});
  });

  test('the stack is the message and the line that called synth(), not cdk8s internals', () => {
    // GIVEN
    const app = checkedApp();
    new Shop(app, 'shop', { subset: 'v2' });
    // WHEN
    const error = thrown(() => app.synth());
    // THEN one frame, in this file
    const frames = error.stack!.split('\n').filter((l) => /^\s+at /.test(l));
    expect(frames).toHaveLength(1);
    expect(frames[0]).toContain('istio-checks.test.ts');
    expect(error.stack).toContain('error CI1003');
  });

  test('fails synthYaml() and Testing.synth() too', () => {
    // GIVEN
    const app = checkedApp();
    const chart = new Shop(app, 'shop', { subset: 'v2' });
    // WHEN / THEN
    expect(thrown(() => app.synthYaml()).report.errors.map((f) => f.code)).toEqual(['CI1003']);
    const viaTesting = thrown(() => Testing.synth(chart));
    expect(viaTesting.report.errors.map((f) => f.code)).toEqual(['CI1003']);
    expect(viaTesting.stack!.split('\n').filter((l) => /^\s+at /.test(l))[0]).toContain('istio-checks.test.ts');
  });

  test('reports an L2 per-object error once (not again through the construct\'s own cdk8s validation)', () => {
    // GIVEN a VirtualService with a destination port Istio rejects
    const app = checkedApp();
    const shop = new Shop(app, 'shop');
    new VirtualService(shop, 'bad-port', { hosts: ['reviews.example.com'], httpRoutes: [{ route: [{ destination: Destination.fromService(shop.reviews, { port: 70000 }) }] }] });
    // WHEN
    const error = thrown(() => app.synth());
    // THEN
    expect(error.report.errors.map((f) => [f.code, f.path])).toEqual([['CI0125', 'shop/bad-port'], ['CI1005', 'shop/bad-port']]);
    expect(error.message.match(/CI0125/g)).toHaveLength(1);
    expect(error.message).not.toMatch(/Validation failed with the following errors/);
  });

  test('warnings are printed one a line and pass; warningsAsErrors makes them fail', () => {
    // GIVEN a Service port name outside Istio's protocol naming (CI1011, a warning)
    const lenient = checkedApp({ outdir: path.join(tmp, 'lenient') });
    new Shop(lenient, 'shop', { portName: 'web' });
    // WHEN / THEN
    lenient.synth();
    expect(logged).toEqual([expect.stringMatching(/^warning CI1011 \[shop\/reviews\] spec\.ports\[0\]\.name = 'web': .*; fix: /)]);
    expect(Object.keys(readTree(path.join(tmp, 'lenient')))).toEqual(['shop.k8s.yaml']);

    const strict = checkedApp({ outdir: path.join(tmp, 'strict') }, true);
    new Shop(strict, 'shop', { portName: 'web' });
    const error = thrown(() => strict.synth());
    expect(error.report.errors.map((f) => [f.code, f.severity])).toEqual([['CI1011', Severity.ERROR]]);
    expect(readTree(path.join(tmp, 'strict'))).toEqual({});
  });

  test('runs once per synthesis, although cdk8s validates the app again for each chart it writes', () => {
    // GIVEN three charts and one warning
    const app = checkedApp();
    new Shop(app, 'shop', { portName: 'web' });
    new Chart(app, 'two');
    new Chart(app, 'three');
    // WHEN
    app.synth();
    app.synthYaml();
    // THEN the warning is printed once per synthesis
    expect(logged.map((l) => l.slice(0, 14))).toEqual(['warning CI1011', 'warning CI1011']);
  });

  test('suppressions apply: a suppressed warning is printed with its reason and does not fail under warningsAsErrors', () => {
    // GIVEN
    const app = checkedApp({}, true);
    const shop = new Shop(app, 'shop', { portName: 'web' });
    Suppressions.add(shop.reviews, 'CI1011', 'legacy clients need the port name web');
    // WHEN
    app.synth();
    // THEN
    expect(logged).toEqual([expect.stringMatching(/^suppressed CI1011 \[shop\/reviews\] .*\(reason: legacy clients need the port name web\)$/)]);
  });

  test('reports exactly what MeshApp.check() reports for the same app', () => {
    // GIVEN the same constructs in a MeshApp and in an App with the checks enabled: a cross-resource
    // error, a per-object error, a warning, a suppressed warning, a failing construct validation, and
    // a layer checked with the base
    const build = (app: App) => {
      const shop = new Shop(app, 'shop', { subset: 'v9', portName: 'web' });
      new VirtualService(shop, 'bad-port', { hosts: ['reviews.example.com'], httpRoutes: [{ route: [{ destination: Destination.fromService(shop.reviews, { port: 70000 }) }] }] });
      const legacy = new kplus.Service(shop, 'legacy', { metadata: { name: 'legacy' }, ports: [{ port: 80, name: 'legacy' }] });
      legacy.selectLabel('app', 'legacy');
      Suppressions.add(legacy, 'CI1011', 'a vendor port name');
      shop.node.addValidation({ validate: () => ['the chart needs an owner label'] });
      const layer = new Chart(app, 'canary', { namespace: 'shop' });
      VirtualService.forService(layer, 'reviews-canary', shop.reviews, { httpRoutes: [{ route: [{ destination: Destination.fromService(shop.reviews, { subset: 'v3' }) }] }] });
      placeChart(layer, { file: 'canary.k8s.yaml', layer: 'canary' });
    };
    const meshApp = new MeshApp({ outdir: path.join(tmp, 'mesh'), log: () => undefined });
    build(meshApp);
    const app = checkedApp();
    build(app);
    // WHEN
    const expected = meshApp.check();
    const error = thrown(() => app.synth());
    // THEN
    expect(summary(error.report)).toEqual(summary(expected));
    expect(error.report).toEqual(expected);
    expect(error.report.errors.map((f) => f.code)).toEqual(expect.arrayContaining(['CI0125', 'CI0019', 'CI1003']));
    expect(error.report.errors.filter((f) => f.code === 'CI1003').map((f) => f.path)).toEqual(['canary/reviews-canary', 'shop/reviews-routes']);
    expect(error.report.warnings.map((f) => f.code)).toEqual(['CI1011']);
    expect(error.report.suppressed.map((f) => f.code)).toEqual(['CI1011']);
  });

  test('keeps the validations its report replaces: the app\'s, API objects\', and those outside charts', () => {
    // GIVEN validations that cdk8s's own pass would report, on constructs the chart rendering does not visit
    const app = checkedApp();
    const shop = new Shop(app, 'shop');
    app.node.addValidation({ validate: () => ['the app needs a name'] });
    const raw = new ApiObject(shop, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config' } });
    raw.node.addValidation({ validate: () => ['config needs data'] });
    new Construct(app, 'loose').node.addValidation({ validate: () => ['a construct outside any chart'] });
    // WHEN
    const error = thrown(() => app.synth());
    // THEN each once, as CI0019 on its construct
    expect(error.report.errors.map((f) => [f.code, f.path, f.message])).toEqual([
      ['CI0019', '(app)', 'the app needs a name'],
      ['CI0019', 'loose', 'a construct outside any chart'],
      ['CI0019', 'shop/config', 'config needs data'],
    ]);
  });

  test('a valid app synthesizes the same files as without the checks, for every yamlOutputType', () => {
    for (const yamlOutputType of [YamlOutputType.FILE_PER_CHART, YamlOutputType.FILE_PER_APP, YamlOutputType.FILE_PER_RESOURCE,
      YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE]) {
      // GIVEN two charts, one depending on the other
      const build = (app: App) => {
        const shop = new Shop(app, 'shop');
        const routes = new Chart(app, 'routes', { namespace: 'shop' });
        new VirtualService(routes, 'reviews-external', { hosts: ['reviews.example.com'],
          httpRoutes: [{ route: [{ destination: Destination.fromService(shop.reviews, { subset: 'v1' }) }] }] });
        routes.addDependency(shop);
      };
      const plainOut = path.join(tmp, `plain-${yamlOutputType}`);
      const checkedOut = path.join(tmp, `checked-${yamlOutputType}`);
      const plain = new App({ outdir: plainOut, yamlOutputType });
      build(plain);
      const checked = checkedApp({ outdir: checkedOut, yamlOutputType });
      build(checked);
      // WHEN
      plain.synth();
      checked.synth();
      // THEN
      const files = readTree(plainOut);
      expect(Object.keys(files).length).toBeGreaterThan(0);
      expect({ yamlOutputType, files: readTree(checkedOut) }).toEqual({ yamlOutputType, files });
      expect(checked.synthYaml()).toEqual(plain.synthYaml());
    }
    expect(logged).toEqual([]);
  });

  test('fails on a subset typo for every yamlOutputType', () => {
    for (const yamlOutputType of [YamlOutputType.FILE_PER_APP, YamlOutputType.FILE_PER_RESOURCE, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE]) {
      // GIVEN
      const out = path.join(tmp, `out-${yamlOutputType}`);
      const app = checkedApp({ outdir: out, yamlOutputType });
      new Shop(app, 'shop', { subset: 'v2' });
      // WHEN / THEN
      expect({ yamlOutputType, codes: thrown(() => app.synth()).report.errors.map((f) => f.code) }).toEqual({ yamlOutputType, codes: ['CI1003'] });
      expect(readTree(out)).toEqual({});
    }
  });

  test('fails when called twice on one app, or on a MeshApp (which runs the checks already)', () => {
    expect(() => IstioChecks.enable(checkedApp())).toThrow(/this app already runs the checks/);
    expect(() => IstioChecks.enable(new MeshApp({ outdir: path.join(tmp, 'mesh') }))).toThrow(/this app already runs the checks/);
  });

  test('without it, a plain App synthesizes the subset typo silently (what the opt-in is for)', () => {
    // GIVEN
    const app = new App({ outdir: path.join(tmp, 'unchecked') });
    new Shop(app, 'shop', { subset: 'v2' });
    // WHEN / THEN
    expect(() => app.synth()).not.toThrow();
    expect(Object.keys(readTree(path.join(tmp, 'unchecked')))).toEqual(['shop.k8s.yaml']);
  });
});
