import { Chart, Testing } from 'cdk8s';
import { CURL_IMAGE, CurlClient } from '../../lib/samples/curl';
import { allLabelKeys, objectOf, SAMPLE_CONTAINER_SECURITY_CONTEXT } from './util';

describe('CurlClient', () => {
  let out: any[];
  let curl: CurlClient;
  beforeEach(() => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    curl = new CurlClient(chart, 'curl');
    out = Testing.synth(chart);
  });

  test('renders the curl ServiceAccount, Service and Deployment, and no Secret', () => {
    // THEN
    expect(out.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(['Deployment/curl', 'Service/curl', 'ServiceAccount/curl']);
    expect(curl.deployment.name).toBe('curl');
    expect(curl.service.name).toBe('curl');
    expect(curl.serviceAccount.name).toBe('curl');
  });

  test('the Service exposes port 80 named http and selects app: curl', () => {
    // THEN
    const svc = objectOf(out, 'Service', 'curl');
    expect(svc.metadata.labels).toEqual({ app: 'curl', service: 'curl' });
    expect(svc.spec.ports).toEqual([{ name: 'http', port: 80 }]);
    expect(svc.spec.selector).toEqual({ app: 'curl' });
  });

  test('the Deployment runs one sleeping curl container that stops at once', () => {
    // THEN
    const dep = objectOf(out, 'Deployment', 'curl');
    expect(dep.spec.replicas).toBe(1);
    expect(dep.spec.selector).toEqual({ matchLabels: { app: 'curl' } });
    expect(dep.spec.template.metadata.labels).toEqual({ app: 'curl' });
    const spec = dep.spec.template.spec;
    expect(spec.serviceAccountName).toBe('curl');
    expect(spec.terminationGracePeriodSeconds).toBe(0);
    const [c, ...rest] = spec.containers;
    expect(rest).toEqual([]);
    expect(c.name).toBe('curl');
    expect(c.image).toBe(CURL_IMAGE);
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(c.command).toEqual(['/bin/sleep', 'infinity']);
    expect(c.ports).toBeUndefined();
    expect(c.resources).toBeUndefined();
    expect(allLabelKeys(out)).toEqual(['app', 'service']);
  });

  test('the optional curl-secret is mounted at /etc/curl/tls', () => {
    // THEN
    const spec = objectOf(out, 'Deployment', 'curl').spec.template.spec;
    expect(spec.volumes).toEqual([{ name: 'secret-volume', secret: { secretName: 'curl-secret', optional: true } }]);
    expect(spec.containers[0].volumeMounts).toEqual([{ mountPath: '/etc/curl/tls', name: 'secret-volume' }]);
  });

  test('the container is hardened without runAsNonRoot, which the named image user cannot satisfy', () => {
    // THEN
    const spec = objectOf(out, 'Deployment', 'curl').spec.template.spec;
    expect(spec.containers[0].securityContext).toEqual(SAMPLE_CONTAINER_SECURITY_CONTEXT);
    expect(spec.automountServiceAccountToken).toBe(false);
  });

  test('every object takes the chart namespace', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'clients', { namespace: 'clients' });
    // WHEN
    new CurlClient(chart, 'curl');
    // THEN
    expect(Testing.synth(chart).map((o) => o.metadata.namespace)).toEqual(['clients', 'clients', 'clients']);
  });
});
