import { ApiObject, Chart, Testing } from 'cdk8s';
import { podTemplateLabels } from '../../lib/istio/private/workload';
import { HTTPBIN_CONTAINER_PORT, HTTPBIN_IMAGE, HTTPBIN_SERVICE_PORT, Httpbin } from '../../lib/samples/httpbin';
import { allLabelKeys, objectOf, SAMPLE_CONTAINER_SECURITY_CONTEXT } from './util';

describe('Httpbin', () => {
  describe('with the default single version', () => {
    let out: any[];
    let httpbin: Httpbin;
    beforeEach(() => {
      // GIVEN
      const chart = Testing.chart();
      // WHEN
      httpbin = new Httpbin(chart, 'httpbin');
      out = Testing.synth(chart);
    });

    test('renders exactly a ServiceAccount, a Service and one Deployment, all named as upstream', () => {
      // THEN
      expect(out.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(['Deployment/httpbin', 'Service/httpbin', 'ServiceAccount/httpbin']);
      expect(Object.keys(httpbin.deployments)).toEqual(['v1']);
      expect(httpbin.deployments.v1.name).toBe('httpbin');
      expect(httpbin.service.name).toBe('httpbin');
      expect(httpbin.serviceAccount.name).toBe('httpbin');
    });

    test('the Service exposes port 8000 named http to container port 8080 and selects app: httpbin only', () => {
      // THEN
      const svc = objectOf(out, 'Service', 'httpbin');
      expect(svc.metadata.labels).toEqual({ app: 'httpbin', service: 'httpbin' });
      expect(svc.spec.ports).toEqual([{ name: 'http', port: HTTPBIN_SERVICE_PORT, targetPort: HTTPBIN_CONTAINER_PORT }]);
      expect(svc.spec.selector).toEqual({ app: 'httpbin' });
      expect(svc.spec.type).toBe('ClusterIP');
    });

    test('the Deployment runs one replica selected by app and version', () => {
      // THEN
      const dep = objectOf(out, 'Deployment', 'httpbin');
      expect(dep.spec.replicas).toBe(1);
      expect(dep.spec.selector).toEqual({ matchLabels: { app: 'httpbin', version: 'v1' } });
      expect(dep.spec.template.metadata.labels).toEqual({ app: 'httpbin', version: 'v1' });
      expect(dep.spec.template.metadata.annotations).toBeUndefined();
      expect(dep.spec.template.spec.serviceAccountName).toBe('httpbin');
    });

    test('the container is upstream go-httpbin on port 8080 without probes or resource requests', () => {
      // THEN
      const containers = objectOf(out, 'Deployment', 'httpbin').spec.template.spec.containers;
      expect(containers).toHaveLength(1);
      const c = containers[0];
      expect(c.name).toBe('httpbin');
      expect(c.image).toBe(HTTPBIN_IMAGE);
      expect(c.image).toBe('docker.io/mccutchen/go-httpbin:v2.15.0');
      expect(c.imagePullPolicy).toBe('IfNotPresent');
      expect(c.ports).toEqual([{ containerPort: 8080 }]);
      expect(c.command).toBeUndefined();
      expect(c.args).toBeUndefined();
      expect(c.resources).toBeUndefined();
      expect(c.startupProbe).toBeUndefined();
      expect(c.readinessProbe).toBeUndefined();
      expect(c.livenessProbe).toBeUndefined();
    });

    test('the container is hardened without forcing a non-root user the image does not declare', () => {
      // THEN
      const spec = objectOf(out, 'Deployment', 'httpbin').spec.template.spec;
      expect(spec.containers[0].securityContext).toEqual(SAMPLE_CONTAINER_SECURITY_CONTEXT);
      expect(spec.securityContext.runAsNonRoot).toBe(false);
      expect(spec.securityContext.runAsUser).toBeUndefined();
      expect(spec.automountServiceAccountToken).toBe(false);
      expect(objectOf(out, 'ServiceAccount', 'httpbin').automountServiceAccountToken).toBe(false);
    });

    test('no cdk8s.io/metadata.addr label is rendered anywhere', () => {
      // THEN
      expect(allLabelKeys(out)).toEqual(['app', 'service', 'version']);
    });

    test('the pod-template labels seen by Istio helpers are app and version', () => {
      // THEN
      expect(podTemplateLabels(httpbin.deployments.v1)).toEqual({ app: 'httpbin', version: 'v1' });
    });

    test('the Deployment is reachable as an ApiObject for JSON patches', () => {
      // THEN
      expect(ApiObject.of(httpbin.deployments.v1).kind).toBe('Deployment');
      expect(ApiObject.of(httpbin.service).kind).toBe('Service');
    });
  });

  test('several versions give httpbin-<version> Deployments behind the one httpbin Service (mirroring task)', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    const httpbin = new Httpbin(chart, 'httpbin', { versions: ['v1', 'v2'] });
    const out = Testing.synth(chart);
    // THEN
    expect(out.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'Deployment/httpbin-v1', 'Deployment/httpbin-v2', 'Service/httpbin', 'ServiceAccount/httpbin',
    ]);
    expect(Object.keys(httpbin.deployments)).toEqual(['v1', 'v2']);
    for (const version of ['v1', 'v2']) {
      const dep = objectOf(out, 'Deployment', `httpbin-${version}`);
      expect(dep.spec.selector.matchLabels).toEqual({ app: 'httpbin', version });
      expect(dep.spec.template.metadata.labels).toEqual({ app: 'httpbin', version });
      expect(dep.spec.template.spec.serviceAccountName).toBe('httpbin');
      expect(dep.spec.replicas).toBe(1);
    }
    // the same container in every version
    expect(objectOf(out, 'Deployment', 'httpbin-v2').spec.template.spec.containers)
      .toEqual(objectOf(out, 'Deployment', 'httpbin-v1').spec.template.spec.containers);
    expect(objectOf(out, 'Service', 'httpbin').spec.selector).toEqual({ app: 'httpbin' });
    expect(allLabelKeys(out)).toEqual(['app', 'service', 'version']);
  });

  test('a single non-default version keeps the upstream Deployment name and labels the pods with it', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new Httpbin(chart, 'httpbin', { versions: ['v2'] });
    const out = Testing.synth(chart);
    // THEN
    expect(objectOf(out, 'Deployment', 'httpbin').spec.template.metadata.labels).toEqual({ app: 'httpbin', version: 'v2' });
  });

  test('every object takes the chart namespace', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'mirroring', { namespace: 'mirror' });
    // WHEN
    new Httpbin(chart, 'httpbin', { versions: ['v1', 'v2'] });
    const out = Testing.synth(chart);
    // THEN
    expect(out.map((o) => o.metadata.namespace)).toEqual(['mirror', 'mirror', 'mirror', 'mirror']);
  });

  test('fails when no version is given, without throwing from the constructor', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    expect(() => new Httpbin(chart, 'httpbin', { versions: [] })).not.toThrow();
    // THEN
    expect(() => Testing.synth(chart)).toThrow(/versions = \[\]: no httpbin Deployment is created.*fix: pass at least one version/);
  });

  test('fails on a duplicated version and creates one Deployment for it', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    const httpbin = new Httpbin(chart, 'httpbin', { versions: ['v1', 'v2', 'v1'] });
    // THEN
    expect(Object.keys(httpbin.deployments)).toEqual(['v1', 'v2']);
    expect(() => Testing.synth(chart)).toThrow(/version 'v1' is listed more than once/);
  });

  test('fails on a version that is not a label value', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new Httpbin(chart, 'httpbin', { versions: ['v1', 'v 2'] });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(/versions = 'v 2': the value of the pod label 'version' must be at most 63 alphanumerics/);
  });

  test('fails on a version that makes an invalid Deployment name, reporting all problems together', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new Httpbin(chart, 'httpbin', { versions: ['V1', 'v2', 'v2'] });
    // THEN
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/versions = 'V1': the Deployment name 'httpbin-V1' must be lowercase DNS-1123 labels/);
    expect(message).toMatch(/version 'v2' is listed more than once/);
  });
});
