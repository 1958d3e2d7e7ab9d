import { App, Testing } from 'cdk8s';
import { BookinfoNamespace } from '../../lib/bookinfo/namespace';
import { bookinfoImage, BookinfoOptions, DEFAULT_REVIEWS_VERSIONS } from '../../lib/bookinfo/options';
import { BookinfoWorkloads } from '../../lib/bookinfo/workloads';

const SERVICES = ['details', 'ratings', 'reviews', 'productpage'];
const DEPLOYMENTS = ['details-v1', 'ratings-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'productpage-v1'];

function synthWorkloads(options: BookinfoOptions = {}): any[] {
  return Testing.synth(new BookinfoWorkloads(Testing.app(), 'bookinfo-workloads', options));
}

function synthNamespace(options: BookinfoOptions = {}): any[] {
  return Testing.synth(new BookinfoNamespace(Testing.app(), 'bookinfo-namespace', options));
}

function ofKind(out: any[], kind: string): any[] {
  return out.filter((o) => o.kind === kind);
}

function named(out: any[], kind: string, name: string): any {
  const found = out.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${out.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found;
}

function container(out: any[], deployment: string): any {
  return named(out, 'Deployment', deployment).spec.template.spec.containers[0];
}

function envOf(out: any[], deployment: string): Record<string, string> {
  return Object.fromEntries((container(out, deployment).env ?? []).map((e: any) => [e.name, e.value]));
}

describe('BookinfoWorkloads', () => {
  test('snapshot of the default workloads', () => {
    expect(synthWorkloads()).toMatchSnapshot();
  });

  test('renders exactly the upstream names, never hashed', () => {
    // WHEN
    const out = synthWorkloads();

    // THEN
    expect(ofKind(out, 'Service').map((o) => o.metadata.name)).toEqual(SERVICES);
    expect(ofKind(out, 'ServiceAccount').map((o) => o.metadata.name)).toEqual(SERVICES.map((s) => `bookinfo-${s}`));
    expect(ofKind(out, 'Deployment').map((o) => o.metadata.name)).toEqual(DEPLOYMENTS);
    expect(out).toHaveLength(SERVICES.length * 2 + DEPLOYMENTS.length);
  });

  test('puts every object in the bookinfo namespace by default, or the one given', () => {
    expect(synthWorkloads().map((o) => o.metadata.namespace)).toEqual(Array(14).fill('bookinfo'));
    expect(new Set(synthWorkloads({ namespace: 'shop' }).map((o) => o.metadata.namespace))).toEqual(new Set(['shop']));
  });

  test('labels Services with app and service, ServiceAccounts with account', () => {
    const out = synthWorkloads();
    for (const s of SERVICES) {
      expect(named(out, 'Service', s).metadata.labels).toEqual({ app: s, service: s });
      expect(named(out, 'ServiceAccount', `bookinfo-${s}`).metadata.labels).toEqual({ account: s });
    }
  });

  test('Services expose port 9080 named http and select only by app', () => {
    const out = synthWorkloads();
    for (const s of SERVICES) {
      const spec = named(out, 'Service', s).spec;
      expect(spec.ports).toEqual([{ name: 'http', port: 9080 }]);
      expect(spec.selector).toEqual({ app: s });
      expect(spec.type).toBe('ClusterIP');
    }
  });

  test('Deployments are labelled and selected by app and version only, with no cdk8s.io/metadata.addr anywhere', () => {
    // WHEN
    const out = synthWorkloads();

    // THEN
    for (const name of DEPLOYMENTS) {
      const [app, version] = name.split('-');
      const d = named(out, 'Deployment', name);
      expect(d.metadata.labels).toEqual({ app, version });
      expect(d.spec.selector).toEqual({ matchLabels: { app, version } });
      expect(d.spec.template.metadata.labels).toEqual({ app, version });
    }
    expect(JSON.stringify(out)).not.toContain('metadata.addr');
  });

  test('runs one replica per Deployment', () => {
    expect(ofKind(synthWorkloads(), 'Deployment').map((d) => d.spec.replicas)).toEqual(Array(6).fill(1));
  });

  test('uses the upstream images with IfNotPresent, and containers named after the service', () => {
    const out = synthWorkloads();
    for (const name of DEPLOYMENTS) {
      const [app, version] = name.split('-');
      const c = container(out, name);
      expect(c.name).toBe(app);
      expect(c.image).toBe(`registry.istio.io/release/examples-bookinfo-${app}-${version}:1.20.3`);
      expect(c.imagePullPolicy).toBe('IfNotPresent');
      expect(c.ports).toEqual([{ containerPort: 9080 }]);
    }
  });

  test('imageTag changes the tag of every upstream image', () => {
    const out = synthWorkloads({ imageTag: '1.21.0' });
    expect(ofKind(out, 'Deployment').map((d) => d.spec.template.spec.containers[0].image.split(':')[1])).toEqual(Array(6).fill('1.21.0'));
  });

  test('gives each reviews version its env: v1 without ratings, v2 black stars, v3 red stars', () => {
    const out = synthWorkloads();
    expect(envOf(out, 'reviews-v1')).toEqual({ LOG_DIR: '/tmp/logs', ENABLE_RATINGS: 'false' });
    expect(envOf(out, 'reviews-v2')).toEqual({ LOG_DIR: '/tmp/logs', ENABLE_RATINGS: 'true', STAR_COLOR: 'black' });
    expect(envOf(out, 'reviews-v3')).toEqual({ LOG_DIR: '/tmp/logs', ENABLE_RATINGS: 'true', STAR_COLOR: 'red' });
    for (const name of ['details-v1', 'ratings-v1', 'productpage-v1']) {
      expect(container(out, name).env).toBeUndefined();
    }
  });

  test('mounts emptyDir scratch volumes: /tmp for productpage, /tmp and the Open Liberty output dir for reviews', () => {
    const out = synthWorkloads();
    for (const name of ['reviews-v1', 'reviews-v2', 'reviews-v3']) {
      expect(container(out, name).volumeMounts).toEqual([
        { name: 'tmp', mountPath: '/tmp' },
        { name: 'wlp-output', mountPath: '/opt/ol/wlp/output' },
      ]);
      expect(named(out, 'Deployment', name).spec.template.spec.volumes).toEqual([
        { name: 'tmp', emptyDir: {} },
        { name: 'wlp-output', emptyDir: {} },
      ]);
    }
    expect(container(out, 'productpage-v1').volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(named(out, 'Deployment', 'productpage-v1').spec.template.spec.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
    for (const name of ['details-v1', 'ratings-v1']) {
      expect(container(out, name).volumeMounts).toBeUndefined();
      expect(named(out, 'Deployment', name).spec.template.spec.volumes).toBeUndefined();
    }
  });

  test('annotates only the productpage pods for Prometheus scraping', () => {
    const out = synthWorkloads();
    expect(named(out, 'Deployment', 'productpage-v1').spec.template.metadata.annotations).toEqual({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '9080',
      'prometheus.io/path': '/metrics',
    });
    for (const name of DEPLOYMENTS.filter((n) => n !== 'productpage-v1')) {
      expect(named(out, 'Deployment', name).spec.template.metadata.annotations).toBeUndefined();
    }
  });

  test('runs each Deployment as its service account, without mounting a token', () => {
    const out = synthWorkloads();
    for (const name of DEPLOYMENTS) {
      const spec = named(out, 'Deployment', name).spec.template.spec;
      expect(spec.serviceAccountName).toBe(`bookinfo-${name.split('-')[0]}`);
      expect(spec.automountServiceAccountToken).toBe(false);
    }
    for (const sa of ofKind(out, 'ServiceAccount')) {
      expect(sa.automountServiceAccountToken).toBe(false);
    }
  });

  test('hardens every pod as bookinfo-psa.yaml does, plus a RuntimeDefault seccomp profile', () => {
    const out = synthWorkloads();
    for (const name of DEPLOYMENTS) {
      const spec = named(out, 'Deployment', name).spec.template.spec;
      expect(spec.containers[0].securityContext).toEqual({
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        privileged: false,
        readOnlyRootFilesystem: false,
        runAsNonRoot: true,
      });
      expect(spec.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
      expect(spec.securityContext.runAsNonRoot).toBe(true);
      // the images' own users are kept
      expect(spec.securityContext.runAsUser).toBeUndefined();
      expect(spec.securityContext.runAsGroup).toBeUndefined();
      expect(spec.securityContext.fsGroup).toBeUndefined();
    }
  });

  test('requests modest resources, sets no limits and no probes', () => {
    const out = synthWorkloads();
    for (const name of DEPLOYMENTS) {
      const c = container(out, name);
      expect(c.resources).toEqual({ requests: { cpu: '10m', memory: '64Mi' } });
      expect(c.startupProbe).toBeUndefined();
      expect(c.readinessProbe).toBeUndefined();
      expect(c.livenessProbe).toBeUndefined();
    }
  });

  test('adding a v4 reviews version is one line and yields a reviews-v4 Deployment', () => {
    // GIVEN
    const chart = new BookinfoWorkloads(Testing.app(), 'bookinfo-workloads', {
      reviewsVersions: [...DEFAULT_REVIEWS_VERSIONS, { version: 'v4', ratings: true, starColor: 'blue', image: bookinfoImage('reviews', 'v3') }],
    });

    // WHEN
    const out = Testing.synth(chart);

    // THEN
    const v4 = named(out, 'Deployment', 'reviews-v4');
    expect(v4.spec.selector.matchLabels).toEqual({ app: 'reviews', version: 'v4' });
    expect(v4.spec.template.metadata.labels).toEqual({ app: 'reviews', version: 'v4' });
    expect(v4.spec.template.spec.containers[0].image).toBe('registry.istio.io/release/examples-bookinfo-reviews-v3:1.20.3');
    expect(envOf(out, 'reviews-v4')).toEqual({ LOG_DIR: '/tmp/logs', ENABLE_RATINGS: 'true', STAR_COLOR: 'blue' });
    expect(v4.spec.template.spec.serviceAccountName).toBe('bookinfo-reviews');
    expect(chart.deployments.reviews.v4.name).toBe('reviews-v4');
    expect(ofKind(out, 'Deployment')).toHaveLength(7);
  });

  test('a reviews version without an image gets the upstream image named after it', () => {
    const out = synthWorkloads({ reviewsVersions: [{ version: 'v2', ratings: true }] });
    expect(container(out, 'reviews-v2').image).toBe('registry.istio.io/release/examples-bookinfo-reviews-v2:1.20.3');
    expect(envOf(out, 'reviews-v2')).toEqual({ LOG_DIR: '/tmp/logs', ENABLE_RATINGS: 'true' });
    expect(ofKind(out, 'Deployment').map((d) => d.metadata.name)).toEqual(['details-v1', 'ratings-v1', 'reviews-v2', 'productpage-v1']);
  });

  test('exposes the kplus objects by service and version', () => {
    // GIVEN
    const chart = new BookinfoWorkloads(Testing.app(), 'bookinfo-workloads');

    // THEN
    expect(chart.namespaceName).toBe('bookinfo');
    expect(chart.namespace).toBe('bookinfo');
    expect(chart.services.reviews.name).toBe('reviews');
    expect(chart.services.productpage.name).toBe('productpage');
    expect(chart.serviceAccounts.reviews.name).toBe('bookinfo-reviews');
    expect(Object.keys(chart.deployments)).toEqual(['details', 'ratings', 'reviews', 'productpage']);
    expect(Object.keys(chart.deployments.reviews)).toEqual(['v1', 'v2', 'v3']);
    expect(chart.deployments.reviews.v2.name).toBe('reviews-v2');
    expect(chart.deployments.reviews.v2.serviceAccount?.name).toBe('bookinfo-reviews');
    expect(chart.reviewsVersions.map((v) => v.version)).toEqual(['v1', 'v2', 'v3']);
  });

  test('fails with every problem of the options reported together', () => {
    // GIVEN
    const chart = new BookinfoWorkloads(Testing.app(), 'bookinfo-workloads', {
      namespace: 'Book_Info',
      imageTag: ':latest',
      reviewsVersions: [{ version: 'v1', ratings: false }, { version: 'v1', ratings: true }, { version: 'v 2', ratings: true }, { version: 'V3', ratings: true }],
    });

    // WHEN
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }

    // THEN
    expect(message).toMatch(/\[bookinfo-workloads\] error CI0019 namespace = 'Book_Info': namespace must consist of lowercase/);
    expect(message).toMatch(/\[bookinfo-workloads\] error CI0019 imageTag = ':latest': image tag must be/);
    expect(message).toMatch(/\[bookinfo-workloads\] error CI0019 reviewsVersions\[1\]\.version = 'v1': reviews version 'v1' is listed twice \(also at reviewsVersions\[0\]\)/);
    expect(message).toMatch(/\[bookinfo-workloads\] error CI0019 reviewsVersions\[2\]\.version = 'v 2': version must be at most 63/);
    expect(message).toMatch(/\[bookinfo-workloads\] error CI0019 reviewsVersions\[3\]\.version = 'V3': deployment name 'reviews-V3' must be lowercase/);
  });

  test('fails on a duplicate version without throwing at construction, rendering the first', () => {
    // GIVEN
    const versions = [{ version: 'v2', ratings: true, starColor: 'black' }, { version: 'v2', ratings: true, starColor: 'red' }];

    // WHEN
    const chart = new BookinfoWorkloads(Testing.app(), 'bookinfo-workloads', { reviewsVersions: versions });

    // THEN
    expect(chart.reviewsVersions).toEqual([versions[0]]);
    expect(() => Testing.synth(chart)).toThrow(/CI0019 .*reviewsVersions\[1\]\.version = 'v2'/);
  });

  test('fails on an empty list of reviews versions', () => {
    const chart = new BookinfoWorkloads(Testing.app(), 'bookinfo-workloads', { reviewsVersions: [] });
    expect(() => Testing.synth(chart)).toThrow(/\[bookinfo-workloads\] error CI0019 reviewsVersions = \[\]: reviewsVersions is empty, so the reviews Service selects no pods/);
  });
});

describe('BookinfoNamespace', () => {
  test('snapshot of the default namespace', () => {
    expect(synthNamespace()).toMatchSnapshot();
  });

  test('names the namespace bookinfo and labels it for sidecar injection by default', () => {
    // WHEN
    const out = synthNamespace();

    // THEN
    expect(out).toHaveLength(1);
    expect(out[0].kind).toBe('Namespace');
    expect(out[0].metadata).toEqual({ name: 'bookinfo', labels: { 'istio-injection': 'enabled' } });
  });

  test('labels the namespace with istio.io/rev only, when a revision is given', () => {
    const out = synthNamespace({ namespace: 'shop', revision: '1-30-3' });
    expect(out[0].metadata).toEqual({ name: 'shop', labels: { 'istio.io/rev': '1-30-3' } });
  });

  test('exposes the namespace name and the kplus Namespace', () => {
    const chart = new BookinfoNamespace(Testing.app(), 'bookinfo-namespace', { namespace: 'shop' });
    expect(chart.namespaceName).toBe('shop');
    expect(chart.namespaceResource.name).toBe('shop');
    // a Namespace is cluster-scoped: the chart sets no namespace
    expect(chart.namespace).toBeUndefined();
  });

  test('the namespace chart and the workloads chart agree on the namespace, and can be ordered', () => {
    // GIVEN
    const app = new App();
    const options = { namespace: 'shop' };
    const ns = new BookinfoNamespace(app, 'bookinfo-namespace', options);
    const workloads = new BookinfoWorkloads(app, 'bookinfo-workloads', options);

    // WHEN
    workloads.addDependency(ns);

    // THEN
    expect(ns.namespaceName).toBe(workloads.namespaceName);
    expect(new Set(Testing.synth(workloads).map((o) => o.metadata.namespace))).toEqual(new Set([ns.namespaceResource.name]));
  });

  test('fails on an invalid namespace name and an invalid revision, together', () => {
    const chart = new BookinfoNamespace(Testing.app(), 'bookinfo-namespace', { namespace: '-bookinfo', revision: 'canary!' });
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/\[bookinfo-namespace\] error CI0019 namespace = '-bookinfo': namespace must consist of lowercase/);
    expect(message).toMatch(/\[bookinfo-namespace\] error CI0019 revision = 'canary!': revision must be at most 63 .* \(it is the value of the istio.io\/rev namespace label\)/);
  });

  test('fails on an empty revision', () => {
    const chart = new BookinfoNamespace(Testing.app(), 'bookinfo-namespace', { revision: '' });
    expect(() => Testing.synth(chart)).toThrow(/\[bookinfo-namespace\] error CI0019 revision = '': revision must not be empty/);
  });
});
