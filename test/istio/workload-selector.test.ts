import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ProblemCollector } from '../../lib/analysis/finding';
import { WorkloadSelector } from '../../lib/istio/workload-selector';

function deployment(chart: Chart, id: string, labels: Record<string, string>, select = true): kplus.Deployment {
  return new kplus.Deployment(chart, id, {
    containers: [{ image: 'nginx' }],
    podMetadata: { labels },
    select,
  });
}

function problemsOf(selector: WorkloadSelector, ns?: string) {
  const c = new ProblemCollector('spec.selector.matchLabels');
  selector._validate(c, ns);
  return c.problems;
}

describe('rendering', () => {
  test('fromLabels renders matchLabels and labels without a chart', () => {
    // GIVEN
    const sel = WorkloadSelector.fromLabels({ app: 'productpage', version: 'v1' });

    // THEN
    expect(sel._toMatchLabels()).toEqual({ matchLabels: { app: 'productpage', version: 'v1' } });
    expect(sel._toLabels()).toEqual({ labels: { app: 'productpage', version: 'v1' } });
    expect(problemsOf(sel)).toEqual([]);
  });

  test('fromLabels copies its input', () => {
    // GIVEN
    const labels: Record<string, string> = { app: 'a' };
    const sel = WorkloadSelector.fromLabels(labels);

    // WHEN
    labels.app = 'b';

    // THEN
    expect(sel.labels).toEqual({ app: 'a' });
  });

  test('fromWorkload uses the Deployment selector matchLabels, without cdk8s.io/metadata.addr', () => {
    // GIVEN
    const chart = Testing.chart();
    const d = deployment(chart, 'reviews-v2', { app: 'reviews', version: 'v2', team: 'books' }, false);
    d.select(kplus.LabelSelector.of({ labels: { app: 'reviews', version: 'v2' } }));

    // WHEN
    const sel = WorkloadSelector.fromWorkload(d);

    // THEN
    expect(sel.labels).toEqual({ app: 'reviews', version: 'v2' });
    expect(sel.sourceWorkload).toBe(d);
  });

  test('fromWorkload falls back to pod-template labels when the selector is only cdk8s.io/metadata.addr', () => {
    // GIVEN
    const chart = Testing.chart();
    const d = deployment(chart, 'ratings', { app: 'ratings', version: 'v1' });

    // WHEN
    const sel = WorkloadSelector.fromWorkload(d);

    // THEN
    expect(d.matchLabels).toHaveProperty(['cdk8s.io/metadata.addr']);
    expect(sel.labels).toEqual({ app: 'ratings', version: 'v1' });
  });

  test('fromWorkload reads labels at synthesis time', () => {
    // GIVEN
    const chart = Testing.chart();
    const d = deployment(chart, 'details', { app: 'details' });
    const sel = WorkloadSelector.fromWorkload(d);

    // WHEN
    d.podMetadata.addLabel('version', 'v1');

    // THEN
    expect(sel._toMatchLabels()).toEqual({ matchLabels: { app: 'details', version: 'v1' } });
  });

  test('fromWorkload works with a Pod', () => {
    // GIVEN
    const chart = Testing.chart();
    const pod = new kplus.Pod(chart, 'curl', { containers: [{ image: 'curlimages/curl' }], metadata: { labels: { app: 'curl' } } });

    // THEN
    expect(WorkloadSelector.fromWorkload(pod).labels).toEqual({ app: 'curl' });
  });
});

describe('construct problems (what the rendered labels cannot show)', () => {
  test('leaves the labels themselves to the manifest check CI0024', () => {
    expect(problemsOf(WorkloadSelector.fromLabels({ 'app': 'rev*', 'bad key': '-bad-' }))).toEqual([]);
    expect(problemsOf(WorkloadSelector.fromLabels({}))).toEqual([]);
  });

  test('fails when the workload has no labels of its own', () => {
    // GIVEN
    const chart = Testing.chart();
    const d = new kplus.Deployment(chart, 'anon', { containers: [{ image: 'nginx' }] });

    // THEN
    const p = problemsOf(WorkloadSelector.fromWorkload(d));
    expect(p).toEqual([expect.objectContaining({ code: 'CI0019', field: 'spec.selector.matchLabels' })]);
    expect(p[0].message).toMatch(/would match every workload/);
  });

  test('fails when the workload is in another namespace than the resource', () => {
    // GIVEN
    const chart = Testing.chart();
    const d = new kplus.Deployment(chart, 'web', { metadata: { namespace: 'frontend' }, containers: [{ image: 'nginx' }], podMetadata: { labels: { app: 'web' } } });

    // THEN
    const p = problemsOf(WorkloadSelector.fromWorkload(d), 'backend');
    expect(p).toEqual([expect.objectContaining({ code: 'CI0019', field: 'spec.selector.matchLabels' })]);
    expect(p[0].message).toMatch(/namespace 'frontend' but this resource is in 'backend'/);
    expect(problemsOf(WorkloadSelector.fromWorkload(d), 'frontend')).toEqual([]);
  });

  test.each([
    ['no workload', undefined, /given no workload/],
    ['a string', 'reviews-v1', /given something that is not a cdk8s-plus workload/],
  ])('renders no labels and fails, without a TypeError, when given %s', (_, workload, message) => {
    // GIVEN a plain-JavaScript caller
    const sel = WorkloadSelector.fromWorkload(workload as any);

    // THEN
    expect(sel._toMatchLabels()).toEqual({ matchLabels: {} });
    const p = problemsOf(sel);
    expect(p).toEqual([expect.objectContaining({ code: 'CI0019', field: 'spec.selector.matchLabels' })]);
    expect(p[0].message).toMatch(message);
  });
});

describe('fromService: every version behind a Service', () => {
  function shop() {
    const chart = Testing.chart();
    const payments = new kplus.Service(chart, 'payments', { metadata: { name: 'payments', namespace: 'shop' }, ports: [{ port: 8080, name: 'http' }] });
    return { chart, payments };
  }

  test('selects the Service selector\'s labels, so a version added later is selected too', () => {
    // GIVEN a Service selecting app: payments and its v1
    const { chart, payments } = shop();
    payments.selectLabel('app', 'payments');
    const v1 = deployment(chart, 'payments-v1', { app: 'payments', version: 'v1' }, false);
    v1.select(kplus.LabelSelector.of({ labels: { app: 'payments', version: 'v1' } }));

    // WHEN
    const byService = WorkloadSelector.fromService(payments);
    const byWorkload = WorkloadSelector.fromWorkload(v1);

    // THEN the service-wide selector has no version, the workload one is pinned to v1
    expect(byService.labels).toEqual({ app: 'payments' });
    expect(byWorkload.labels).toEqual({ app: 'payments', version: 'v1' });
    expect(byService.sourceService).toBe(payments);
    expect(problemsOf(byService, 'shop')).toEqual([]);
  });

  test('reads the selector at synthesis time and leaves out cdk8s.io/metadata.addr', () => {
    // GIVEN
    const { payments } = shop();
    const sel = WorkloadSelector.fromService(payments);

    // WHEN the selector is set after the WorkloadSelector was built
    payments.selectLabel('app', 'payments');
    payments.selectLabel('tier', 'backend');

    // THEN
    expect(sel.labels).toEqual({ app: 'payments', tier: 'backend' });
  });

  test('fails when the Service selects one Deployment by its cdk8s address only (it would select every workload)', () => {
    // GIVEN a Service exposing a Deployment that cdk8s-plus selects by cdk8s.io/metadata.addr
    const { chart, payments } = shop();
    const v1 = deployment(chart, 'payments-v1', { app: 'payments', version: 'v1' });
    payments.select(v1);

    // WHEN
    const problems = problemsOf(WorkloadSelector.fromService(payments), 'shop');

    // THEN
    expect(WorkloadSelector.fromService(payments).labels).toEqual({});
    expect(problems.map((p) => [p.code, p.severity ?? 'error'])).toEqual([['CI0019', 'error']]);
    expect(problems[0].message).toBe('Service \'payments\' selects its pods by cdk8s.io/metadata.addr only (one workload, chosen by cdk8s-plus), so the selector would match every workload in the namespace');
    expect(problems[0].fix).toMatch(/^select the Service's pods by label \(spec\.selector, e\.g\. app: payments; in code service\.selectLabel\('app', 'payments'\)\)/);
  });

  test('warns when the Service is in another namespace than the resource', () => {
    // GIVEN
    const { payments } = shop();
    payments.selectLabel('app', 'payments');

    // WHEN
    const problems = problemsOf(WorkloadSelector.fromService(payments), 'billing');

    // THEN
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['CI0019', 'warning']]);
    expect(problems[0].message).toMatch(/^Service 'payments' is in namespace 'shop' but this resource is in 'billing'/);
  });

  test('fails when given something that is not a Service (plain JavaScript)', () => {
    // WHEN
    const sel = WorkloadSelector.fromService({ name: 'payments' } as any);

    // THEN
    expect(sel.labels).toEqual({});
    expect(problemsOf(sel).map((p) => p.message)).toEqual(['the workload selector (WorkloadSelector.fromService) was given something that is not a Service, so the selector renders without labels']);
  });
});
