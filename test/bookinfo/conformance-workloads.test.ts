/**
 * Conformance of the synthesized Bookinfo workloads with Istio 1.30.3's upstream manifests
 * (`samples/bookinfo/platform/kube/bookinfo.yaml` and its Pod Security variant
 * `bookinfo-psa.yaml`), compared semantically: every Service, ServiceAccount and Deployment
 * upstream defines exists with the same kind and name, and every field upstream sets has the same
 * value in ours, except the deliberate differences listed below with their reason.
 *
 * The upstream files live in `../shared` beside the repository (CI has it, a fresh clone does not);
 * without them the suite is skipped with a printed reason.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { BookinfoWorkloads } from '../../lib/bookinfo/workloads';
import { describeWithShared, ISTIO_DIR } from '../util/shared';

const KUBE_DIR = path.join(ISTIO_DIR, 'samples', 'bookinfo', 'platform', 'kube');
const BOOKINFO_YAML = path.join(KUBE_DIR, 'bookinfo.yaml');
const BOOKINFO_PSA_YAML = path.join(KUBE_DIR, 'bookinfo-psa.yaml');
const describeIfShared = describeWithShared([BOOKINFO_YAML, BOOKINFO_PSA_YAML]);

/** Kinds the workloads chart owns; upstream bookinfo.yaml holds only these. */
const KINDS = ['Service', 'ServiceAccount', 'Deployment'];

/**
 * A field where ours deliberately differs from upstream. `path` is the field in the object
 * (arrays of named items are indexed by name, e.g. `containers[reviews]`); `upstream` and `ours`
 * are the two values (`undefined` when one side does not have the field).
 */
interface Deviation {
  readonly object: string;
  readonly path: string;
  readonly upstream: unknown;
  readonly ours: unknown;
  readonly reason: string;
}

const REVIEWS = ['reviews-v1', 'reviews-v2', 'reviews-v3'];
const ALL_DEPLOYMENTS = ['details-v1', 'ratings-v1', ...REVIEWS, 'productpage-v1'];
const CONTAINER_OF: Record<string, string> = Object.fromEntries(ALL_DEPLOYMENTS.map((d) => [d, d.split('-')[0]]));
const containerPath = (d: string) => `spec.template.spec.containers[${CONTAINER_OF[d]}]`;

/** Deliberate differences from bookinfo.yaml. */
const BOOKINFO_DEVIATIONS: Deviation[] = [
  ...REVIEWS.map((d) => ({
    object: `Deployment/${d}`,
    path: `${containerPath(d)}.volumeMounts[wlp-output].mountPath`,
    upstream: '/opt/ibm/wlp/output',
    ours: '/opt/ol/wlp/output',
    reason: 'the reviews image runs Open Liberty, which writes its output under /opt/ol/wlp; /opt/ibm/wlp is the old WebSphere Liberty path and nothing uses it',
  })),
  ...REVIEWS.map((d) => ({
    object: `Deployment/${d}`,
    path: `${containerPath(d)}.env[ENABLE_RATINGS]`,
    upstream: undefined,
    ours: { name: 'ENABLE_RATINGS', value: d === 'reviews-v1' ? 'false' : 'true' },
    reason: 'the versions are data: the value the image bakes in is rendered, so a new version can reuse an image',
  })),
  ...['reviews-v2', 'reviews-v3'].map((d) => ({
    object: `Deployment/${d}`,
    path: `${containerPath(d)}.env[STAR_COLOR]`,
    upstream: undefined,
    ours: { name: 'STAR_COLOR', value: d === 'reviews-v2' ? 'black' : 'red' },
    reason: 'the versions are data: the value the image bakes in is rendered, so a new version can reuse an image',
  })),
];

/** Further deliberate differences from bookinfo-psa.yaml. */
const PSA_DEVIATIONS: Deviation[] = [
  ...BOOKINFO_DEVIATIONS,
  ...ALL_DEPLOYMENTS.map((d) => ({
    object: `Deployment/${d}`,
    path: `${containerPath(d)}.securityContext.capabilities.drop[0]`,
    upstream: 'all',
    ours: 'ALL',
    reason: 'Pod Security admission\'s restricted check looks for `ALL` exactly; runtimes treat both spellings the same',
  })),
];

function load(file: string): any[] {
  return YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map((d) => d.toJS())
    .filter((o) => o && KINDS.includes(o.kind));
}

function keyOf(o: any): string {
  return `${o.kind}/${o.metadata.name}`;
}

const isNamed = (x: unknown): x is { name: string } => x !== null && typeof x === 'object' && typeof (x as any).name === 'string';
const isNamedList = (v: unknown): v is Array<{ name: string }> => Array.isArray(v) && v.every(isNamed);

/**
 * Every field `upstream` sets whose value differs in `ours`, as `{ path, upstream, ours }`.
 * Lists of named items are matched by name; items ours adds to such a list are reported too
 * (with `upstream: undefined`). Fields only ours sets elsewhere are kplus defaults upstream leaves
 * to the API server, and are not compared here.
 */
function differences(upstream: unknown, ours: unknown, at: string): Array<{ path: string; upstream: unknown; ours: unknown }> {
  if (Array.isArray(upstream) && upstream.length > 0 && isNamedList(upstream) && (isNamedList(ours) || ours === undefined)) {
    const out: Array<{ path: string; upstream: unknown; ours: unknown }> = [];
    const mine = ours ?? [];
    for (const u of upstream) {
      out.push(...differences(u, mine.find((o) => o.name === u.name), `${at}[${u.name}]`));
    }
    for (const o of mine.filter((m) => !upstream.some((u) => u.name === m.name))) {
      out.push({ path: `${at}[${o.name}]`, upstream: undefined, ours: o });
    }
    return out;
  }
  if (Array.isArray(upstream)) {
    if (!Array.isArray(ours)) return [{ path: at, upstream, ours }];
    const out = upstream.flatMap((u, i) => differences(u, ours[i], `${at}[${i}]`));
    for (let i = upstream.length; i < ours.length; i++) out.push({ path: `${at}[${i}]`, upstream: undefined, ours: ours[i] });
    return out;
  }
  if (upstream !== null && typeof upstream === 'object') {
    if (ours === null || typeof ours !== 'object' || Array.isArray(ours)) return [{ path: at, upstream, ours }];
    return Object.entries(upstream).flatMap(([k, v]) => differences(v, (ours as any)[k], at ? `${at}.${k}` : k));
  }
  return upstream === ours ? [] : [{ path: at, upstream, ours }];
}

function deviationsFrom(upstreamObjects: any[], ours: any[]): Array<Omit<Deviation, 'reason'>> {
  return upstreamObjects.flatMap((u) => {
    const mine = ours.find((o) => keyOf(o) === keyOf(u));
    // upstream has no namespace (kubectl -n); ours renders the chart's, compared separately
    const { namespace: _ignored, ...metadata } = mine?.metadata ?? {};
    return differences(u, mine && { ...mine, metadata }, '').map((d) => ({ object: keyOf(u), ...d }));
  });
}

const byField = (a: { object: string; path: string }, b: { object: string; path: string }) =>
  `${a.object} ${a.path}`.localeCompare(`${b.object} ${b.path}`);

function deviationsSorted(upstreamObjects: any[], ours: any[]): Array<Omit<Deviation, 'reason'>> {
  return deviationsFrom(upstreamObjects, ours).sort(byField);
}

const withoutReason = (list: Deviation[]) => list.map(({ reason: _reason, ...d }) => d).sort(byField);

describeIfShared('conformance with upstream Bookinfo (Istio 1.30.3 samples/bookinfo/platform/kube)', () => {
  const ours = Testing.synth(new BookinfoWorkloads(Testing.app(), 'bookinfo-workloads'));

  test('renders every upstream Service, ServiceAccount and Deployment, by kind and name, and nothing else', () => {
    // GIVEN
    const upstream = load(BOOKINFO_YAML);

    // THEN
    expect(upstream).toHaveLength(14);
    expect(ours.map(keyOf).sort()).toEqual(upstream.map(keyOf).sort());
    for (const o of ours) {
      expect(o.apiVersion).toBe(upstream.find((u) => keyOf(u) === keyOf(o)).apiVersion);
    }
  });

  test('bookinfo-psa.yaml defines the same objects as bookinfo.yaml plus container securityContexts', () => {
    // guards the deviation lists below: the psa file must not differ from the plain one elsewhere
    const plain = load(BOOKINFO_YAML);
    const psa = load(BOOKINFO_PSA_YAML);
    const extra = deviationsFrom(plain, psa);
    expect(extra).toEqual([]);
    const onlyInPsa = deviationsFrom(psa, plain).map((d) => d.path.replace(/\.securityContext\..*$/, '.securityContext'));
    expect(new Set(onlyInPsa)).toEqual(new Set(ALL_DEPLOYMENTS.map((d) => `${containerPath(d)}.securityContext`)));
  });

  test('sets every field bookinfo.yaml sets to the same value, except the listed deliberate differences', () => {
    // labels, selectors, ports, images, imagePullPolicy, env, volumes, volumeMounts, annotations,
    // replicas and serviceAccountName are all fields upstream sets, so all are compared here
    expect(deviationsSorted(load(BOOKINFO_YAML), ours)).toEqual(withoutReason(BOOKINFO_DEVIATIONS));
  });

  test('applies the hardening of bookinfo-psa.yaml, except the listed deliberate differences', () => {
    expect(deviationsSorted(load(BOOKINFO_PSA_YAML), ours)).toEqual(withoutReason(PSA_DEVIATIONS));
  });

  test('every deliberate difference states its reason', () => {
    for (const d of PSA_DEVIATIONS) {
      expect(d.reason.length).toBeGreaterThan(20);
    }
  });

  test('compares the fields the brief names, so a regression in any of them fails the suite', () => {
    // GIVEN: a copy of ours with one changed field per area
    const upstream = load(BOOKINFO_YAML);
    const mutate = (f: (objects: any[]) => void) => {
      const copy = JSON.parse(JSON.stringify(ours));
      f(copy);
      return deviationsFrom(upstream, copy).map((d) => `${d.object} ${d.path}`);
    };
    const deployment = (objects: any[], name: string) => objects.find((o) => keyOf(o) === `Deployment/${name}`);

    // THEN
    expect(mutate((o) => { deployment(o, 'details-v1').spec.template.metadata.labels.version = 'v2'; }))
      .toContain('Deployment/details-v1 spec.template.metadata.labels.version');
    expect(mutate((o) => { deployment(o, 'details-v1').spec.selector.matchLabels = { app: 'details' }; }))
      .toContain('Deployment/details-v1 spec.selector.matchLabels.version');
    expect(mutate((o) => { o.find((x: any) => keyOf(x) === 'Service/ratings').spec.ports[0].name = 'tcp'; }))
      .toContain('Service/ratings spec.ports[http]');
    expect(mutate((o) => { deployment(o, 'ratings-v1').spec.template.spec.containers[0].imagePullPolicy = 'Always'; }))
      .toContain('Deployment/ratings-v1 spec.template.spec.containers[ratings].imagePullPolicy');
    expect(mutate((o) => { deployment(o, 'reviews-v2').spec.template.spec.containers[0].env[0].value = '/logs'; }))
      .toContain('Deployment/reviews-v2 spec.template.spec.containers[reviews].env[LOG_DIR].value');
    expect(mutate((o) => { deployment(o, 'productpage-v1').spec.template.spec.volumes = []; }))
      .toContain('Deployment/productpage-v1 spec.template.spec.volumes[tmp]');
    expect(mutate((o) => { deployment(o, 'productpage-v1').spec.template.metadata.annotations['prometheus.io/port'] = '80'; }))
      .toContain('Deployment/productpage-v1 spec.template.metadata.annotations.prometheus.io/port');
  });

  test('renders the namespace upstream leaves to kubectl', () => {
    expect(new Set(ours.map((o) => o.metadata.namespace))).toEqual(new Set(['bookinfo']));
  });
});
