import { Chart, Testing } from 'cdk8s';
import { podTemplateLabels } from '../../lib/istio/private/workload';
import { FORTIO_IMAGE, FORTIO_PROXY_STATS_PREFIXES, FortioClient } from '../../lib/samples/fortio';
import { allLabelKeys, objectOf, SAMPLE_CONTAINER_SECURITY_CONTEXT } from './util';

describe('FortioClient', () => {
  let out: any[];
  let fortio: FortioClient;
  beforeEach(() => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    fortio = new FortioClient(chart, 'fortio');
    out = Testing.synth(chart);
  });

  test('renders the fortio Service and the fortio-deploy Deployment, and no ServiceAccount (as upstream)', () => {
    // THEN
    expect(out.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(['Deployment/fortio-deploy', 'Service/fortio']);
    expect(fortio.deployment.name).toBe('fortio-deploy');
    expect(fortio.service.name).toBe('fortio');
  });

  test('the Service exposes port 8080 named http and selects app: fortio', () => {
    // THEN
    const svc = objectOf(out, 'Service', 'fortio');
    expect(svc.metadata.labels).toEqual({ app: 'fortio', service: 'fortio' });
    expect(svc.spec.ports).toEqual([{ name: 'http', port: 8080 }]);
    expect(svc.spec.selector).toEqual({ app: 'fortio' });
  });

  test('the Deployment runs one replica selected by app: fortio, on the default service account', () => {
    // THEN
    const dep = objectOf(out, 'Deployment', 'fortio-deploy');
    expect(dep.spec.replicas).toBe(1);
    expect(dep.spec.selector).toEqual({ matchLabels: { app: 'fortio' } });
    expect(dep.spec.template.metadata.labels).toEqual({ app: 'fortio' });
    expect(dep.spec.template.spec.serviceAccountName).toBeUndefined();
    expect(podTemplateLabels(fortio.deployment)).toEqual({ app: 'fortio' });
    expect(allLabelKeys(out)).toEqual(['app', 'service']);
  });

  test('the pods carry the proxy.istio.io/config annotation that exposes the outbound cluster stats', () => {
    // THEN
    const annotations = objectOf(out, 'Deployment', 'fortio-deploy').spec.template.metadata.annotations;
    expect(annotations).toEqual({
      'proxy.istio.io/config': [
        'proxyStatsMatcher:',
        '  inclusionPrefixes:',
        '  - "cluster.outbound"',
        '  - "cluster_manager"',
        '  - "listener_manager"',
        '  - "server"',
        '  - "cluster.xds-grpc"',
      ].join('\n'),
    });
    expect(FORTIO_PROXY_STATS_PREFIXES).toContain('cluster.outbound');
  });

  test('the container is upstream fortio with ports 8080 and 8079, always pulled', () => {
    // THEN
    const [c, ...rest] = objectOf(out, 'Deployment', 'fortio-deploy').spec.template.spec.containers;
    expect(rest).toEqual([]);
    expect(c.name).toBe('fortio');
    expect(c.image).toBe(FORTIO_IMAGE);
    expect(c.image).toBe('docker.io/fortio/fortio:latest_release');
    expect(c.imagePullPolicy).toBe('Always');
    expect(c.ports).toEqual([{ containerPort: 8080, name: 'http-fortio' }, { containerPort: 8079, name: 'grpc-ping' }]);
    expect(c.resources).toBeUndefined();
    expect(c.startupProbe).toBeUndefined();
  });

  test('the container is hardened without forcing a non-root user or a read-only root filesystem', () => {
    // THEN
    const spec = objectOf(out, 'Deployment', 'fortio-deploy').spec.template.spec;
    expect(spec.containers[0].securityContext).toEqual(SAMPLE_CONTAINER_SECURITY_CONTEXT);
    expect(spec.automountServiceAccountToken).toBe(false);
  });

  test('every object takes the chart namespace', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'circuit-breaking', { namespace: 'cb' });
    // WHEN
    new FortioClient(chart, 'fortio');
    // THEN
    expect(Testing.synth(chart).map((o) => o.metadata.namespace)).toEqual(['cb', 'cb']);
  });
});
