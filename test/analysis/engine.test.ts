import { ApiObject, App, Chart, JsonPatch, Lazy, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { SubsetNotFound } from '../../lib/analysis/checks/mesh/subset-not-found';
import { checkMesh, settle } from '../../lib/analysis/engine';
import { renderCharts } from '../../lib/analysis/sources/construct-tree';
import { schemaProblems } from '../../lib/analysis/crd/schema';
import { Finding, formatFinding, Severity, sortFindings } from '../../lib/analysis/finding';
import { ManifestObject } from '../../lib/analysis/manifest-object';
import { ALL_CHECKS, CHECKS } from '../../lib/analysis/registry';
import { networking } from '../../lib/istio/private/l1';
import { analyze, bookinfo, collectObjects, dr, namespace, service, vs } from './fixtures';

/** A stand-in for an L2 construct: one `Resource` child. */
class FakeL2 extends Construct {
  constructor(scope: Construct, id: string, spec: any) {
    super(scope, id);
    new networking.VirtualService(this, 'Resource', { metadata: { name: id }, spec: Lazy.any({ produce: () => spec }) });
  }
}

describe('renderCharts', () => {
  test('reports L2 and cdk8s-plus objects on the construct users wrote, and other ApiObjects on their own path', () => {
    // GIVEN
    const app = new App();
    const chart = new Chart(app, 'bookinfo', { namespace: 'shop' });
    new FakeL2(chart, 'reviews', { hosts: ['reviews'] });
    new kplus.Service(chart, 'details', { ports: [{ port: 9080, name: 'http' }] });
    new networking.DestinationRule(chart, 'details-dr', { metadata: { name: 'details' }, spec: { host: 'details' } });
    new ApiObject(chart, 'Resource', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'direct' } });
    // WHEN
    const objects = collectObjects(app);
    // THEN
    expect(objects.map((o) => [o.path, o.kind])).toEqual([
      ['bookinfo/reviews', 'VirtualService'],
      ['bookinfo/details', 'Service'],
      ['bookinfo/details-dr', 'DestinationRule'],
      ['bookinfo/Resource', 'ConfigMap'],
    ]);
    expect(objects[0].manifest).toEqual({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'reviews', namespace: 'shop' }, spec: { hosts: ['reviews'] } });
    expect(objects[0].suppressions).toEqual([]);
  });

  test('renders every chart, nested ones included, each object once', () => {
    // GIVEN
    const app = new App();
    const a = new Chart(app, 'a');
    const nested = new Chart(a, 'nested');
    new kplus.Service(nested, 'svc-n', { ports: [{ port: 80, name: 'http' }] });
    new kplus.Service(a, 'svc-a', { ports: [{ port: 80, name: 'http' }] });
    // WHEN
    const objects = collectObjects(app);
    // THEN
    expect(objects.map((o) => o.path).sort()).toEqual(['a/nested/svc-n', 'a/svc-a']);
  });
});

describe('runChecks', () => {
  test('finds nothing in a consistent Bookinfo mesh', () => {
    // WHEN
    const result = analyze(bookinfo());
    // THEN
    expect(result).toEqual({ findings: [], suppressed: [] });
  });

  test('hand-written fixture manifests are valid against the Istio CRD schema', () => {
    // GIVEN
    const objects = [...bookinfo(), vs('x', { hosts: ['x'], tcp: [{ route: [{ destination: { host: 'x', port: { number: 1 } } }] }] })];
    // WHEN
    const problems = objects.flatMap((o) => schemaProblems(o.manifest).map((p) => `${o.path} ${p.field}: ${p.message}`));
    // THEN
    expect(problems).toEqual([]);
  });

  test('reports every problem of a broken app at once, sorted by path, code and field', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      namespace('legacy'),
      service('billing', { ns: 'legacy', ports: [{ name: 'web', port: 80 }, { name: 'http-admin', port: 8080 }] }),
      vs('checkout', {
        hosts: ['checkout.example.com'],
        gateways: ['bookinfo-gateway', 'payments-gw'],
        http: [
          { route: [{ destination: { host: 'billing.legacy.svc.cluster.local', subset: 'v2' } }] },
          { route: [{ destination: { host: 'ratingz' } }] },
        ],
      }),
      dr('reviews-dup', { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }),
    ];
    // WHEN
    const { findings } = analyze(objects);
    // THEN
    expect(findings.map((f) => [f.path, f.code, f.field])).toEqual([
      ['Namespace/legacy', 'CI1013', 'metadata.labels'],
      ['default/DestinationRule/reviews', 'CI1010', 'spec.subsets[0].name'],
      ['default/DestinationRule/reviews-dup', 'CI1010', 'spec.subsets[0].name'],
      ['default/VirtualService/checkout', 'CI1001', 'spec.gateways[1]'],
      ['default/VirtualService/checkout', 'CI1002', 'spec.http[1].route[0].destination.host'],
      ['default/VirtualService/checkout', 'CI1003', 'spec.http[0].route[0].destination.subset'],
      ['default/VirtualService/checkout', 'CI1004', 'spec.http[0].route[0].destination.port'],
      ['default/VirtualService/checkout', 'CI1008', 'spec.http[1]'],
      ['legacy/Service/billing', 'CI1011', 'spec.ports[0].name'],
    ]);
    expect(findings.filter((f) => f.severity === Severity.ERROR).map((f) => f.code)).toEqual(['CI1010', 'CI1010', 'CI1001', 'CI1002', 'CI1003', 'CI1004']);
    expect(formatFinding(findings[3])).toBe("error CI1001 [default/VirtualService/checkout] spec.gateways[1] = 'payments-gw': gateway 'payments-gw' (default/payments-gw) is not in the app; "
      + "gateways: default/bookinfo-gateway; fix: name an existing Gateway as '<namespace>/<name>' (a bare name is read in namespace 'default'), add the Gateway, or use 'mesh' for sidecars "
      + '[IST0101 ReferencedResourceNotFound / KIA1102]');
  });

  test('warningsAsErrors turns every warning into an error', () => {
    // GIVEN
    const objects = [service('web', { ports: [{ name: 'web', port: 80 }] })];
    // WHEN
    const plain = analyze(objects).findings;
    const strict = analyze(objects, { warningsAsErrors: true }).findings;
    // THEN
    expect(plain.map((f) => [f.code, f.severity])).toEqual([['CI1011', Severity.WARNING]]);
    expect(strict.map((f) => [f.code, f.severity])).toEqual([['CI1011', Severity.ERROR]]);
  });

  test('runs only the given checks', () => {
    // GIVEN
    const objects = [...bookinfo(), vs('bad', { hosts: ['bad'], gateways: ['nope'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v9' } }] }] })];
    // WHEN
    const findings = analyze(objects, { checks: [SubsetNotFound] }).findings;
    // THEN
    expect(findings.map((f) => f.code)).toEqual(['CI1003']);
  });

  test('the registry lists every check once, in code order, each describing itself', () => {
    // THEN
    const codes = ALL_CHECKS.map((c) => c.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of ALL_CHECKS) {
      expect(c.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(c.catches.length).toBeGreaterThan(10);
      expect(c.counterpart.length).toBeGreaterThan(0);
      expect(CHECKS[c.code]).toBe(c);
    }
    expect(CHECKS.CI1016.name).toBe('InvalidSuppression');
  });

  test('tolerates malformed manifests without throwing', () => {
    // GIVEN
    const objects = [
      { kind: 'VirtualService', apiVersion: 'networking.istio.io/v1', metadata: {}, spec: { hosts: [1], gateways: 'x', http: [null, { route: [null, { destination: {} }] }] } },
      { kind: 'DestinationRule', apiVersion: 'networking.istio.io/v1', spec: { host: 3, subsets: [null] } },
      { kind: 'Service', apiVersion: 'v1', metadata: 'x', spec: { ports: [null, { port: 1 }] } },
      { kind: 'Gateway', apiVersion: 'networking.istio.io/v1', metadata: { name: 'g', annotations: { 'suppress.cdk8s-istio.io/CI1001': 3 } }, spec: null },
    ].map((m) => ManifestObject.of(m)!);
    // WHEN / THEN
    expect(ManifestObject.of(null)).toBeUndefined();
    expect(() => analyze(objects)).not.toThrow();
  });

  test('sortFindings orders by path, code, field and message', () => {
    // GIVEN
    const f = (path: string, code: string, field: string, message = 'm'): Finding => ({ path, code, field, message, fix: '', severity: Severity.ERROR });
    // WHEN
    const sorted = sortFindings([f('b', 'CI1001', 'x'), f('a', 'CI1002', 'a'), f('a', 'CI1001', 'z'), f('a', 'CI1001', 'y', 'n'), f('a', 'CI1001', 'y', 'm')]);
    // THEN
    expect(sorted.map((x) => `${x.path} ${x.code} ${x.field} ${x.message}`)).toEqual(['a CI1001 y m', 'a CI1001 y n', 'a CI1001 z m', 'a CI1002 a m', 'b CI1001 x m']);
  });

  test('analyzes a realistic chart built from cdk8s-plus and imported L1 objects', () => {
    // GIVEN
    const chart = Testing.chart();
    const reviewsV1 = new kplus.Deployment(chart, 'reviews-v1', { containers: [{ image: 'reviews:v1', portNumber: 9080 }], podMetadata: { labels: { app: 'reviews', version: 'v1' } } });
    const reviews = new kplus.Service(chart, 'reviews', { metadata: { name: 'reviews' }, ports: [{ port: 9080, name: 'http' }], selector: reviewsV1 });
    new networking.DestinationRule(chart, 'reviews-dr', { metadata: { name: 'reviews' }, spec: { host: reviews.name, subsets: [{ name: 'v1', labels: { version: 'v1' } }] } });
    new networking.VirtualService(chart, 'reviews-vs', { metadata: { name: 'reviews' }, spec: { hosts: [reviews.name], http: [{ route: [{ destination: { host: reviews.name, subset: 'v1', port: { number: 9080 } } }] }] } });
    // WHEN
    const result = analyze(collectObjects(chart));
    // THEN
    expect(result.findings).toEqual([]);
  });

  test('a check that throws is reported as a warning of that check, and the others still run', () => {
    // GIVEN
    const broken = { ...SubsetNotFound, evaluate: () => { throw new Error('boom'); } };
    const objects = [...bookinfo(), vs('bad', { hosts: ['bad'], gateways: ['nope'], http: [{ route: [{ destination: { host: 'reviews' } }] }] })];
    // WHEN
    const findings = analyze(objects, { checks: [broken, CHECKS.CI1001] }).findings;
    // THEN
    expect(findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['CI1003', Severity.WARNING, '(mesh)'],
      ['CI1001', Severity.ERROR, 'default/VirtualService/bad'],
    ].sort((a, b) => (a[2] < b[2] ? -1 : 1)));
    expect(findings.find((f) => f.code === 'CI1003')!.message).toMatch(/failed: boom; this is a bug in cdk8s-istio/);
  });
});

describe('rendering failures', () => {
  test('a JSON patch that cannot apply is a finding on its construct, and the object is still checked as it renders without it', () => {
    // GIVEN
    const chart = Testing.chart();
    const reviews = new FakeL2(chart, 'reviews', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'ratingz' } }] }] });
    ApiObject.of(reviews).addJsonPatch(JsonPatch.add('/spec/trafficPolicy/tunnel', { protocol: 'CONNECT' }));
    // WHEN
    const rendered = renderCharts(chart);
    const report = settle([...rendered[0].findings, ...checkMesh(rendered[0].objects)]);
    // THEN
    expect(report.errors.map((f) => [f.code, f.path, f.field])).toEqual([
      ['CI0020', `${chart.node.path}/reviews`, 'spec.trafficPolicy.tunnel'],
      ['CI1002', `${chart.node.path}/reviews`, 'spec.http[0].route[0].destination.host'],
    ]);
    expect(report.errors[0].message).toBe("JSON patch 1 (add /spec/trafficPolicy/tunnel) cannot apply: /spec/trafficPolicy does not exist in the rendered object, and 'add' does not create parents");
    expect(report.errors[0].fix).toBe("add the nearest missing parent instead, with the value nested: JsonPatch.add('/spec/trafficPolicy', { tunnel: {\"protocol\":\"CONNECT\"} })");
  });
});
