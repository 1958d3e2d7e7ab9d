import { Testing } from 'cdk8s';
import { BookinfoDestinationRules } from '../../lib/bookinfo/destination-rules';
import { DEFAULT_REVIEWS_VERSIONS } from '../../lib/bookinfo/options';
import { BookinfoWorkloads } from '../../lib/bookinfo/workloads';
import { schemaProblems } from '../../lib/analysis/crd/schema';
import { ClientTls } from '../../lib/istio/traffic-policy/client-tls';
import { describeWithShared, readUpstream } from '../util/shared';

function synthRules(opts: { clientTls?: ClientTls; workloads?: ConstructorParameters<typeof BookinfoWorkloads>[2] } = {}) {
  const app = Testing.app();
  const workloads = new BookinfoWorkloads(app, 'workloads', opts.workloads);
  const rules = new BookinfoDestinationRules(app, 'rules', { workloads, clientTls: opts.clientTls });
  return { workloads: Testing.synth(workloads), out: Testing.synth(rules) };
}

/** Whether `selector` selects the labels. */
const selects = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('BookinfoDestinationRules', () => {
  test('snapshot', () => {
    expect(synthRules().out).toMatchSnapshot();
  });

  test('one rule per service, named after its host, with one subset per deployed version', () => {
    // WHEN
    const { out } = synthRules();
    // THEN
    const summary = Object.fromEntries(out.map((o) => [o.metadata.name, { host: o.spec.host, subsets: o.spec.subsets.map((s: any) => s.name) }]));
    expect(summary).toEqual({
      details: { host: 'details', subsets: ['v1'] },
      ratings: { host: 'ratings', subsets: ['v1'] },
      reviews: { host: 'reviews', subsets: ['v1', 'v2', 'v3'] },
      productpage: { host: 'productpage', subsets: ['v1'] },
    });
    for (const o of out) expect(o.spec.subsets.every((s: any) => Object.keys(s.labels).join() === 'version')).toBe(true);
  });

  test('every subset selects exactly the pod template of its own Deployment, among the pods its Service selects', () => {
    // WHEN
    const { out, workloads } = synthRules();
    // THEN
    const services = workloads.filter((o) => o.kind === 'Service');
    const deployments = workloads.filter((o) => o.kind === 'Deployment');
    for (const rule of out) {
      const svc = services.find((s) => s.metadata.name === rule.spec.host);
      for (const subset of rule.spec.subsets) {
        const selected = deployments
          .filter((d) => selects(svc.spec.selector, d.spec.template.metadata.labels))
          .filter((d) => selects(subset.labels, d.spec.template.metadata.labels))
          .map((d) => d.metadata.name);
        expect(selected).toEqual([`${rule.spec.host}-${subset.name}`]);
      }
    }
  });

  test('a reviews v4 added to the workloads gets its subset with no other change', () => {
    // WHEN
    const { out } = synthRules({ workloads: { reviewsVersions: [...DEFAULT_REVIEWS_VERSIONS, { version: 'v4', ratings: true, starColor: 'blue' }] } });
    // THEN
    const reviews = out.find((o) => o.metadata.name === 'reviews');
    expect(reviews.spec.subsets.map((s: any) => s.name)).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(reviews.spec.subsets[3].labels).toEqual({ version: 'v4' });
  });

  test('client TLS ISTIO_MUTUAL on every rule, as destination-rule-all-mtls.yaml', () => {
    const { out } = synthRules({ clientTls: ClientTls.istioMutual() });
    for (const o of out) expect(o.spec.trafficPolicy).toEqual({ tls: { mode: 'ISTIO_MUTUAL' } });
  });

  test('every object validates against the Istio 1.30.3 CRD schema', () => {
    for (const o of synthRules().out) expect(schemaProblems(o)).toEqual([]);
  });
});

describeWithShared([
  'samples/bookinfo/networking/destination-rule-all.yaml',
  'samples/bookinfo/networking/destination-rule-all-mtls.yaml',
])('BookinfoDestinationRules conforms to upstream destination-rule-all(-mtls).yaml', () => {
  // upstream defines subsets for versions Bookinfo does not deploy; ours must be exactly the deployed subset of them
  test.each([
    ['samples/bookinfo/networking/destination-rule-all.yaml', undefined],
    ['samples/bookinfo/networking/destination-rule-all-mtls.yaml', ClientTls.istioMutual()],
  ])('%s: same rules, hosts and policy; our subsets are the upstream ones that select a deployed version', (file, clientTls) => {
    // GIVEN
    const upstream = readUpstream(file);
    // WHEN
    const { out, workloads } = synthRules({ clientTls });
    // THEN
    const deployedPods = workloads.filter((o) => o.kind === 'Deployment').map((d) => d.spec.template.metadata.labels);
    expect(out.map((o) => o.metadata.name).sort()).toEqual(upstream.map((o) => o.metadata.name).sort());
    for (const u of upstream) {
      const ours = out.find((o) => o.metadata.name === u.metadata.name);
      expect(ours.apiVersion).toBe(u.apiVersion);
      expect(ours.spec.host).toBe(u.spec.host);
      expect(ours.spec.trafficPolicy).toEqual(u.spec.trafficPolicy);
      const deployed = u.spec.subsets.filter((s: any) => deployedPods.some((labels) => labels.app === u.spec.host && selects(s.labels, labels)));
      expect(ours.spec.subsets).toEqual(deployed);
    }
  });
});
