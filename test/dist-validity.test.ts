import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { networking, security } from '../lib/istio/private/l1';
import { REPO_ROOT } from './util/tree';
import { validateManifestDir } from './util/validate-manifests';

const DIST = path.join(REPO_ROOT, 'dist');

// dist/ is committed output of `npm run synth`: every object in it must be one the API server accepts.
test('every YAML document in dist/ is a valid Istio or Kubernetes object', () => {
  // GIVEN (no skip: a missing dist/ is a failure)
  if (!fs.existsSync(DIST)) {
    throw new Error(`${DIST} does not exist: run 'npm run synth' and commit dist/`);
  }

  // WHEN
  const report = validateManifestDir(DIST);

  // THEN
  expect(report.files.length).toBeGreaterThan(0);
  expect(report.objects).toBeGreaterThan(0);
  expect(report.issues).toEqual([]);
});

describe('validateManifestDir', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-dir-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  function write(file: string, docs: any[]): void {
    fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
    fs.writeFileSync(path.join(tmp, file), Yaml.stringify(...docs));
  }

  test('accepts what cdk8s-plus and the imported Istio classes render, in nested folders', () => {
    // GIVEN a chart with the built-ins the library targets and Istio objects
    const chart = Testing.chart();
    const ns = new kplus.Namespace(chart, 'bookinfo', { metadata: { name: 'bookinfo', labels: { 'istio-injection': 'enabled' } } });
    const sa = new kplus.ServiceAccount(chart, 'reviews-sa', { metadata: { name: 'bookinfo-reviews', namespace: ns.name } });
    const deployment = new kplus.Deployment(chart, 'reviews-v1', {
      metadata: { name: 'reviews-v1', namespace: ns.name },
      replicas: 1,
      serviceAccount: sa,
      podMetadata: { labels: { app: 'reviews', version: 'v1' } },
      containers: [{ name: 'reviews', image: 'docker.io/istio/examples-bookinfo-reviews-v1:1.20.3', portNumber: 9080, securityContext: { ensureNonRoot: false } }],
    });
    deployment.exposeViaService({ name: 'reviews', ports: [{ port: 9080, name: 'http' }] });
    new networking.DestinationRule(chart, 'reviews-dr', { metadata: { name: 'reviews', namespace: 'bookinfo' }, spec: { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] } });
    new security.PeerAuthentication(chart, 'mtls', { metadata: { name: 'default', namespace: 'bookinfo' }, spec: {} });
    const docs = Testing.synth(chart);
    write('base/app.k8s.yaml', docs.filter((d) => !d.apiVersion.includes('istio.io')));
    write('mesh/istio.yml', docs.filter((d) => d.apiVersion.includes('istio.io')));
    fs.writeFileSync(path.join(tmp, 'README.md'), 'not a manifest');

    // WHEN
    const report = validateManifestDir(tmp);

    // THEN
    expect(report.files).toEqual(['base/app.k8s.yaml', 'mesh/istio.yml']);
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(['Namespace', 'ServiceAccount', 'Deployment', 'Service', 'DestinationRule', 'PeerAuthentication']));
    expect(report.objects).toBe(docs.length);
    expect(report.issues).toEqual([]);
  });

  test('fails invalid built-ins, with file, document, object and field', () => {
    // GIVEN
    write('app.yaml', [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ok' } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'reviews' }, spec: { replicas: '2', template: { spec: { containers: [{ image: 'x' }] } } } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'reviews' }, spec: { type: 'Loadbalancer', ports: [{ port: 9080 }] } },
    ]);

    // WHEN
    const report = validateManifestDir(tmp);

    // THEN
    expect(report.objects).toBe(3);
    expect(report.issues).toEqual(expect.arrayContaining([
      'app.yaml#1 Deployment/reviews spec.replicas: must be integer',
      'app.yaml#1 Deployment/reviews spec.selector: must have required property selector',
      'app.yaml#1 Deployment/reviews spec.template.spec.containers[0].name: must have required property name',
      expect.stringMatching(/^app\.yaml#2 Service\/reviews spec\.type: must be equal to one of the allowed values \(.*LoadBalancer/),
    ]));
    expect(report.issues).toHaveLength(4);
  });

  test('fails invalid Istio objects through the CRD schema', () => {
    // GIVEN
    write('istio.yaml', [{ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'reviews' }, spec: { host: 'reviews', trafficPolicy: { tls: { mode: 'MUTAL' } } } }]);

    // WHEN
    const report = validateManifestDir(tmp);

    // THEN
    expect(report.issues).toEqual([expect.stringMatching(/^istio\.yaml#0 DestinationRule\/reviews spec\.trafficPolicy\.tls\.mode: 'MUTAL' is not an allowed value/)]);
  });

  test('fails objects no schema covers, non-objects and broken YAML', () => {
    // GIVEN
    write('other.yaml', [{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }, 'just a string']);
    fs.writeFileSync(path.join(tmp, 'broken.yaml'), 'a: [unclosed\n');

    // WHEN
    const report = validateManifestDir(tmp);

    // THEN
    expect(report.issues).toEqual([
      expect.stringMatching(/^broken\.yaml#0: not valid YAML/),
      'other.yaml#0 Widget/w (document): no schema for Widget (example.com/v1): neither an Istio CRD nor a Kubernetes built-in that kubernetes-models knows',
      'other.yaml#1 ?/? (document): not a Kubernetes object, got "just a string"',
    ]);
  });

  test('fails clearly when the folder does not exist', () => {
    expect(() => validateManifestDir(path.join(tmp, 'dist'))).toThrow(/dist does not exist or is not a folder: run 'npm run synth' to produce it/);
  });
});
