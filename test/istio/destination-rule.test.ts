import { findingsOf as constructFindingsOf } from '../util/findings';
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as YAML from 'yaml';
import { schemaProblems } from '../../lib/analysis/crd/schema';
import { Severity } from '../../lib/analysis/finding';
import { DestinationRule, Subset } from '../../lib/istio/destination-rule';
import { ClientTls } from '../../lib/istio/traffic-policy/client-tls';
import { ConnectionPool } from '../../lib/istio/traffic-policy/connection-pool';
import { LoadBalancer, LoadBalancerAlgorithm } from '../../lib/istio/traffic-policy/load-balancer';
import { OutlierDetection } from '../../lib/istio/traffic-policy/outlier-detection';
import { TrafficPolicy } from '../../lib/istio/traffic-policy/traffic-policy';
import { WorkloadSelector } from '../../lib/istio/workload-selector';
import { SHARED_DIR } from '../util/tree';
import { describeWithShared } from '../util/shared';

const SAMPLES = path.join(SHARED_DIR, 'istio', '1.30.3', 'samples');
const DR_ALL = path.join(SAMPLES, 'bookinfo', 'networking', 'destination-rule-all.yaml');
const DR_ALL_MTLS = path.join(SAMPLES, 'bookinfo', 'networking', 'destination-rule-all-mtls.yaml');
const describeIfShared = describeWithShared([DR_ALL, DR_ALL_MTLS]);

/** A Service selecting `app: <name>` and, for each version, a Deployment selecting `{ app, version }` like bookinfo.yaml. */
function versionedApp(chart: Chart, name: string, versions: string[], options: { namespace?: string } = {}) {
  const svc = new kplus.Service(chart, `${name}-svc`, { metadata: { name, namespace: options.namespace }, ports: [{ port: 9080, name: 'http' }] });
  svc.selectLabel('app', name);
  const deployments: Record<string, kplus.Deployment> = {};
  for (const version of versions) {
    const labels = { app: name, version };
    const d = new kplus.Deployment(chart, `${name}-${version}`, {
      metadata: { name: `${name}-${version}`, namespace: options.namespace },
      select: false,
      podMetadata: { labels },
      containers: [{ image: `docker.io/istio/examples-bookinfo-${name}-${version}:1.20.3`, portNumber: 9080 }],
    });
    d.select(kplus.LabelSelector.of({ labels }));
    deployments[version] = d;
  }
  return { svc, deployments };
}

function ruleSpecs(chart: Chart): any[] {
  return Testing.synth(chart).filter((o) => o.kind === 'DestinationRule');
}

function findingsOf(rule: DestinationRule) {
  return constructFindingsOf(rule).map((f) => ({ code: f.code, field: f.field, value: f.value, severity: f.severity, message: f.message }));
}

describe('DestinationRule', () => {
  test('defaultChild pins kind and apiVersion', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    const rule = new DestinationRule(chart, 'ratings', { host: 'ratings' });
    // THEN
    const child = rule.node.defaultChild as ApiObject;
    expect(child.kind).toBe('DestinationRule');
    expect(child.apiVersion).toBe('networking.istio.io/v1');
    expect(rule.kind).toBe('DestinationRule');
    expect(rule.apiVersion).toBe('networking.istio.io/v1');
  });

  test('renders a host string and names the rule after the construct id', () => {
    const chart = Testing.chart();
    new DestinationRule(chart, 'ratings-rule', { host: 'ratings.prod.svc.cluster.local' });
    const [dr] = ruleSpecs(chart);
    expect(dr.metadata.name).toBe('ratings-rule');
    expect(dr.spec).toEqual({ host: 'ratings.prod.svc.cluster.local' });
  });

  test('forService names the rule after the Service and renders its short host', () => {
    // GIVEN
    const chart = Testing.chart();
    const { svc } = versionedApp(chart, 'reviews', []);
    // WHEN
    const rule = DestinationRule.forService(chart, 'reviews-rule', svc);
    // THEN
    const [dr] = ruleSpecs(chart);
    expect(dr.metadata.name).toBe('reviews');
    expect(dr.spec.host).toBe('reviews');
    expect(rule.host).toBe('reviews');
    expect(rule.service).toBe(svc);
  });

  test('forService keeps an explicit metadata.name', () => {
    const chart = Testing.chart();
    const { svc } = versionedApp(chart, 'reviews', []);
    DestinationRule.forService(chart, 'r', svc, { metadata: { name: 'reviews-policy' } });
    expect(ruleSpecs(chart)[0].metadata.name).toBe('reviews-policy');
  });

  test('renders the FQDN of a Service in another namespace', () => {
    const chart = Testing.chart();
    const { svc } = versionedApp(chart, 'ratings', [], { namespace: 'backend' });
    new DestinationRule(chart, 'ratings', { host: svc, metadata: { namespace: 'frontend' } });
    expect(ruleSpecs(chart)[0].spec.host).toBe('ratings.backend.svc.cluster.local');
  });

  test('subsets from Deployments keep only the labels the Service selector does not imply', () => {
    // GIVEN
    const chart = Testing.chart();
    const { svc, deployments } = versionedApp(chart, 'reviews', ['v1', 'v2', 'v3']);
    const rule = DestinationRule.forService(chart, 'reviews-rule', svc);
    // WHEN
    for (const [version, d] of Object.entries(deployments)) rule.addSubset(Subset.fromWorkload(version, d));
    // THEN
    expect(ruleSpecs(chart)[0].spec.subsets).toEqual([
      { name: 'v1', labels: { version: 'v1' } },
      { name: 'v2', labels: { version: 'v2' } },
      { name: 'v3', labels: { version: 'v3' } },
    ]);
  });

  test('subsets from a Deployment that selects by cdk8s address use its pod labels', () => {
    // GIVEN a kplus Deployment with default selection (cdk8s.io/metadata.addr only)
    const chart = Testing.chart();
    const svc = new kplus.Service(chart, 'details-svc', { metadata: { name: 'details' }, ports: [{ port: 9080 }] });
    svc.selectLabel('app', 'details');
    const d = new kplus.Deployment(chart, 'details-v1', { podMetadata: { labels: { app: 'details', version: 'v1' } }, containers: [{ image: 'details' }] });
    // WHEN
    const rule = DestinationRule.forService(chart, 'details-rule', svc, { subsets: [Subset.fromWorkload('v1', d)] });
    // THEN
    expect(rule.subsets).toEqual([{ name: 'v1', labels: { version: 'v1' }, trafficPolicy: undefined }]);
  });

  test('subsets from a workload keep all its labels when the host is a string', () => {
    const chart = Testing.chart();
    const { deployments } = versionedApp(chart, 'reviews', ['v2']);
    const rule = new DestinationRule(chart, 'reviews', { host: 'reviews', subsets: [Subset.fromWorkload('v2', deployments.v2)] });
    expect(rule.subsets[0].labels).toEqual({ app: 'reviews', version: 'v2' });
  });

  test('workload labels are read at synthesis', () => {
    const chart = Testing.chart();
    const d = new kplus.Deployment(chart, 'd', { select: false, containers: [{ image: 'x' }] });
    const rule = new DestinationRule(chart, 'x', { host: 'x', subsets: [Subset.fromWorkload('v9', d)] });
    d.select(kplus.LabelSelector.of({ labels: { version: 'v9' } }));
    expect(rule.subsets[0].labels).toEqual({ version: 'v9' });
  });

  test('the subsets getter returns copies', () => {
    const chart = Testing.chart();
    const rule = new DestinationRule(chart, 'ratings', { host: 'ratings', subsets: [Subset.fromLabels('v1', { version: 'v1' })] });
    const subsets = rule.subsets;
    subsets[0].labels.version = 'changed';
    subsets.pop();
    expect(rule.subsets).toEqual([{ name: 'v1', labels: { version: 'v1' }, trafficPolicy: undefined }]);
  });

  test('renders traffic policies at rule, port and subset level', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new DestinationRule(chart, 'httpbin', {
      host: 'httpbin',
      trafficPolicy: TrafficPolicy.of({
        connectionPool: ConnectionPool.of({ tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1, maxRequestsPerConnection: 1 } }),
        outlierDetection: OutlierDetection.of({ consecutive5xxErrors: 1, interval: Duration.seconds(1), baseEjectionTime: Duration.minutes(3), maxEjectionPercent: 100 }),
        portLevelSettings: [{ port: 8000, loadBalancer: LoadBalancer.simple(LoadBalancerAlgorithm.RANDOM) }],
      }),
      subsets: [
        Subset.fromLabels('v1', { version: 'v1' }),
        Subset.fromLabels('v2', { version: 'v2' }, { trafficPolicy: TrafficPolicy.of({ loadBalancer: LoadBalancer.consistentHash({ useSourceIp: true }), tls: ClientTls.istioMutual() }) }),
      ],
    });
    // THEN
    const spec = ruleSpecs(chart)[0].spec;
    expect(spec.trafficPolicy).toEqual({
      connectionPool: { tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1, maxRequestsPerConnection: 1 } },
      outlierDetection: { consecutive5xxErrors: 1, interval: '1s', baseEjectionTime: '180s', maxEjectionPercent: 100 },
      portLevelSettings: [{ port: { number: 8000 }, loadBalancer: { simple: 'RANDOM' } }],
    });
    expect(spec.subsets[1]).toEqual({
      name: 'v2',
      labels: { version: 'v2' },
      trafficPolicy: { loadBalancer: { consistentHash: { useSourceIp: true } }, tls: { mode: 'ISTIO_MUTUAL' } },
    });
  });

  test('renders exportTo and workloadSelector', () => {
    const chart = Testing.chart();
    new DestinationRule(chart, 'ratings', {
      host: 'ratings',
      exportTo: ['.'],
      workloadSelector: WorkloadSelector.fromLabels({ app: 'productpage' }),
      trafficPolicy: TrafficPolicy.of({ tls: ClientTls.simple() }),
    });
    const spec = ruleSpecs(chart)[0].spec;
    expect(spec.exportTo).toEqual(['.']);
    expect(spec.workloadSelector).toEqual({ matchLabels: { app: 'productpage' } });
  });

  test('renders objects that validate against the DestinationRule CRD schema', () => {
    // GIVEN a rule using every part
    const chart = Testing.chart();
    const { svc, deployments } = versionedApp(chart, 'reviews', ['v1', 'v2']);
    DestinationRule.forService(chart, 'reviews-rule', svc, {
      exportTo: ['*'],
      trafficPolicy: TrafficPolicy.of({
        loadBalancer: LoadBalancer.simple(LoadBalancerAlgorithm.LEAST_REQUEST, {
          warmup: { duration: Duration.seconds(30), aggression: 1, minimumPercent: 10 },
          locality: { enabled: true, failover: [{ from: 'us-east', to: 'eu-west' }] },
        }),
        connectionPool: ConnectionPool.of({
          tcp: { maxConnections: 10, connectTimeout: Duration.millis(250), tcpKeepalive: { probes: 3, time: Duration.seconds(60), interval: Duration.seconds(10) }, maxConnectionDuration: Duration.hours(1), idleTimeout: Duration.minutes(10) },
          http: { http1MaxPendingRequests: 10, http2MaxRequests: 100, maxRequestsPerConnection: 5, maxRetries: 2, idleTimeout: Duration.seconds(60), useClientProtocol: true, maxConcurrentStreams: 10 },
        }),
        outlierDetection: OutlierDetection.of({ consecutive5xxErrors: 5, consecutiveGatewayErrors: 2, consecutiveLocalOriginFailures: 3, splitExternalLocalOriginErrors: true, interval: Duration.seconds(10), baseEjectionTime: Duration.seconds(30), maxEjectionPercent: 50, minHealthPercent: 20 }),
        tls: ClientTls.mutual({ clientCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem', sni: 'reviews', subjectAltNames: ['reviews'] }),
        portLevelSettings: [{ port: 9080, loadBalancer: LoadBalancer.consistentHash({ httpCookie: { name: 'user', path: '/', ttl: Duration.seconds(0) }, minimumRingSize: 1024 }) }],
      }),
      subsets: [
        Subset.fromWorkload('v1', deployments.v1),
        Subset.fromWorkload('v2', deployments.v2, { trafficPolicy: TrafficPolicy.of({ loadBalancer: LoadBalancer.consistentHash({ httpHeaderName: 'x-user', maglevTableSize: 65537 }) }) }),
      ],
    });
    // WHEN
    const [dr] = ruleSpecs(chart);
    // THEN
    expect(schemaProblems(dr)).toEqual([]);
  });

  test('reports no findings for a valid rule', () => {
    const chart = Testing.chart();
    const { svc, deployments } = versionedApp(chart, 'reviews', ['v1']);
    const rule = DestinationRule.forService(chart, 'reviews-rule', svc, { subsets: [Subset.fromWorkload('v1', deployments.v1)] });
    expect(constructFindingsOf(rule)).toEqual([]);
  });
});

describeIfShared('DestinationRule matches Istio 1.30.3 samples', () => {
  function upstream(file: string, name: string): any {
    return YAML.parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJSON()).find((o) => o?.metadata?.name === name);
  }

  test('the reviews rule of destination-rule-all.yaml, with subsets derived from the Deployments', () => {
    // GIVEN
    const chart = Testing.chart();
    const { svc, deployments } = versionedApp(chart, 'reviews', ['v1', 'v2', 'v3']);
    // WHEN
    const rule = DestinationRule.forService(chart, 'reviews-rule', svc);
    for (const v of ['v1', 'v2', 'v3']) rule.addSubset(Subset.fromWorkload(v, deployments[v]));
    // THEN
    const [dr] = ruleSpecs(chart);
    const expected = upstream(DR_ALL, 'reviews');
    expect({ apiVersion: dr.apiVersion, kind: dr.kind, name: dr.metadata.name, spec: dr.spec })
      .toEqual({ apiVersion: expected.apiVersion, kind: expected.kind, name: expected.metadata.name, spec: expected.spec });
  });

  test('the ratings rule of destination-rule-all-mtls.yaml', () => {
    const chart = Testing.chart();
    new DestinationRule(chart, 'ratings', {
      host: 'ratings',
      trafficPolicy: TrafficPolicy.of({ tls: ClientTls.istioMutual() }),
      subsets: ['v1', 'v2', 'v2-mysql', 'v2-mysql-vm'].map((v) => Subset.fromLabels(v, { version: v })),
    });
    expect(ruleSpecs(chart)[0].spec).toEqual(upstream(DR_ALL_MTLS, 'ratings').spec);
  });
});

describe('DestinationRule problems', () => {
  test('fails (CI0201) on an invalid host, warns on a bare wildcard', () => {
    const chart = Testing.chart();
    const star = new DestinationRule(chart, 'star', { host: '*' });
    const bad = new DestinationRule(chart, 'bad', { host: 'a.*.example.com' });
    expect(findingsOf(star)).toEqual([expect.objectContaining({ code: 'CI0201', field: 'spec.host', value: '*', severity: Severity.WARNING })]);
    expect(findingsOf(bad)[0]).toMatchObject({ code: 'CI0201', field: 'spec.host', value: 'a.*.example.com', severity: Severity.ERROR });
    expect(constructFindingsOf(new DestinationRule(chart, 'wild', { host: '*.example.com' }))).toEqual([]);
  });

  test('fails on an invalid rule name', () => {
    const rule = new DestinationRule(Testing.chart(), 'Reviews_Rule', { host: 'reviews' });
    expect(findingsOf(rule)[0]).toMatchObject({ code: 'CI0001', field: 'metadata.name' });
  });

  test('fails (CI0202) on invalid and duplicate subset names; uppercase names are valid', () => {
    const rule = new DestinationRule(Testing.chart(), 'reviews', {
      host: 'reviews',
      subsets: [Subset.fromLabels('V1', { version: 'v1' }), Subset.fromLabels('v2', { version: 'v2' }), Subset.fromLabels('v2', { version: 'v3' }), Subset.fromLabels('v.4', { version: 'v4' })],
    });
    expect(findingsOf(rule).map((f) => [f.code, f.field, f.value])).toEqual([
      ['CI0202', 'spec.subsets[2].name', 'v2'],
      ['CI0202', 'spec.subsets[3].name', 'v.4'],
    ]);
    expect(findingsOf(rule)[0].message).toBe('subset name \'v2\' is already used by spec.subsets[1]');
  });

  test('a subset with no labels is valid (it selects every endpoint, as in Istio\'s egress-gateway task)', () => {
    const rule = new DestinationRule(Testing.chart(), 'egress', { host: 'istio-egressgateway.istio-system.svc.cluster.local', subsets: [Subset.fromLabels('cnn', {})] });
    expect(findingsOf(rule)).toEqual([]);
  });

  test('warns (CI0019) on a subset whose workload labels are all implied by the Service selector', () => {
    // GIVEN a Service that selects app and version, like the Deployment
    const chart = Testing.chart();
    const { svc, deployments } = versionedApp(chart, 'reviews', ['v1']);
    svc.selectLabel('version', 'v1');
    // WHEN
    const rule = DestinationRule.forService(chart, 'rule', svc, { subsets: [Subset.fromWorkload('v1', deployments.v1)] });
    // THEN
    const [f] = findingsOf(rule);
    expect(f).toMatchObject({ code: 'CI0019', field: 'spec.subsets[0].labels', value: {}, severity: Severity.WARNING });
    expect(f.message).toMatch(/workload 'reviews-v1' are all implied by the Service selector/);
  });

  test('fails (CI0019) on a subset from an undefined workload (plain JavaScript), and still renders', () => {
    // GIVEN
    const chart = Testing.chart();
    const rule = new DestinationRule(chart, 'reviews', { host: 'reviews', subsets: [Subset.fromWorkload('v1', undefined as any), Subset.fromWorkload('v2', {} as any)] });
    // WHEN
    const findings = findingsOf(rule);
    // THEN
    expect(findings.map((f) => [f.code, f.field, f.severity])).toEqual([
      ['CI0019', 'spec.subsets[0]', Severity.ERROR],
      ['CI0019', 'spec.subsets[1]', Severity.ERROR],
    ]);
    expect(findings[0].message).toBe('subset \'v1\' was built from workload undefined, so it has no labels to select pods by');
    expect(ApiObject.of(rule).toJson().spec.subsets).toEqual([{ name: 'v1' }, { name: 'v2' }]);
    expect(rule.subsets.map((s) => s.labels)).toEqual([{}, {}]);
  });

  test('fails (CI0019) on a host that is neither a string nor a Service (plain JavaScript)', () => {
    const rule = new DestinationRule(Testing.chart(), 'r', { host: undefined as any });
    expect(findingsOf(rule).map((f) => [f.code, f.field])).toEqual([['CI0019', 'spec.host'], ['CI0201', 'spec.host']]);
  });

  test('fails (CI0203) on invalid subset labels', () => {
    const rule = new DestinationRule(Testing.chart(), 'reviews', { host: 'reviews', subsets: [Subset.fromLabels('v1', { 'bad key!': 'v1', 'version': 'v*' })] });
    expect(findingsOf(rule).map((f) => [f.code, f.field])).toEqual([
      ['CI0203', 'spec.subsets[0].labels[\'bad key!\']'],
      ['CI0203', 'spec.subsets[0].labels.version'],
    ]);
  });

  test('reports traffic-policy problems under their manifest fields', () => {
    const rule = new DestinationRule(Testing.chart(), 'httpbin', {
      host: 'httpbin',
      trafficPolicy: TrafficPolicy.of({
        outlierDetection: OutlierDetection.of({ maxEjectionPercent: 150, interval: Duration.millis(0) }),
        portLevelSettings: [
          { port: 8000, tls: ClientTls.istioMutual() },
          { port: 8000, tls: ClientTls.disable() },
          { port: 70000, connectionPool: ConnectionPool.of({ tcp: { maxConnections: -1 } }) },
        ],
      }),
      subsets: [Subset.fromLabels('v1', { version: 'v1' }, { trafficPolicy: TrafficPolicy.of({ loadBalancer: LoadBalancer.consistentHash({ httpHeaderName: 'x', useSourceIp: true }) }) })],
    });
    expect(findingsOf(rule).map((f) => [f.code, f.field, f.severity])).toEqual([
      ['CI0207', 'spec.trafficPolicy.portLevelSettings[1].port.number', Severity.WARNING],
      ['CI0207', 'spec.trafficPolicy.portLevelSettings[2].port.number', Severity.WARNING],
      ['CI0208', 'spec.subsets[0].trafficPolicy.loadBalancer.consistentHash', Severity.ERROR],
      ['CI0211', 'spec.trafficPolicy.portLevelSettings[2].connectionPool.tcp.maxConnections', Severity.ERROR],
      ['CI0212', 'spec.trafficPolicy.outlierDetection.interval', Severity.ERROR],
      ['CI0212', 'spec.trafficPolicy.outlierDetection.maxEjectionPercent', Severity.ERROR],
    ]);
  });

  test('fails (CI0206) on an empty traffic policy', () => {
    const rule = new DestinationRule(Testing.chart(), 'r', { host: 'reviews', trafficPolicy: TrafficPolicy.of({}) });
    expect(findingsOf(rule).map((f) => [f.code, f.field])).toEqual([['CI0206', 'spec.trafficPolicy']]);
  });

  test('fails (CI0023) on invalid, duplicate and mixed exportTo entries', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'bookinfo' });
    const bad = new DestinationRule(chart, 'bad', { host: 'reviews', exportTo: ['Bad_NS', '.', 'bookinfo', '*'] });
    expect(findingsOf(bad).map((f) => [f.code, f.field, f.value])).toEqual([
      ['CI0023', 'spec.exportTo[0]', 'Bad_NS'],
      ['CI0023', 'spec.exportTo[2]', 'bookinfo'],
      ['CI0023', 'spec.exportTo', ['Bad_NS', '.', 'bookinfo', '*']],
    ]);
  });

  test('fails (CI0023) on a workloadSelector rule exported beyond its namespace', () => {
    const chart = Testing.chart();
    const rule = new DestinationRule(chart, 'r', { host: 'reviews', exportTo: ['*'], workloadSelector: WorkloadSelector.fromLabels({ app: 'productpage' }) });
    expect(findingsOf(rule)).toContainEqual(expect.objectContaining({ code: 'CI0023', field: 'spec.exportTo' }));
  });

  test('fails (CI0024) on a wildcard in the workloadSelector', () => {
    const rule = new DestinationRule(Testing.chart(), 'r', { host: 'reviews', workloadSelector: WorkloadSelector.fromLabels({ app: 'product*' }) });
    expect(findingsOf(rule)[0]).toMatchObject({ code: 'CI0024', field: 'spec.workloadSelector.matchLabels.app' });
  });

  test('warns (CI0019) on a workloadSelector built from a workload in another namespace', () => {
    // GIVEN
    const app = Testing.app();
    const front = new Chart(app, 'front', { namespace: 'front' });
    const back = new Chart(app, 'back', { namespace: 'back' });
    const { deployments } = versionedApp(front, 'productpage', ['v1']);
    // WHEN
    const rule = new DestinationRule(back, 'r', { host: 'reviews', workloadSelector: WorkloadSelector.fromWorkload(deployments.v1) });
    // THEN
    const [f] = findingsOf(rule);
    expect(f).toMatchObject({ code: 'CI0019', field: 'spec.workloadSelector.matchLabels', severity: Severity.WARNING });
    expect(f.message).toMatch(/workload 'productpage-v1' is in namespace 'front' but this resource is in 'back'/);
  });

  test('fails (CI0019) on a workloadSelector from an undefined workload, and still renders', () => {
    const chart = Testing.chart();
    const rule = new DestinationRule(chart, 'r', { host: 'reviews', workloadSelector: WorkloadSelector.fromWorkload(undefined as any) });
    expect(findingsOf(rule).map((f) => [f.code, f.field])).toEqual([['CI0019', 'spec.workloadSelector.matchLabels'], ['CI0024', 'spec.workloadSelector']]);
    expect(ApiObject.of(rule).toJson().spec).toEqual({ host: 'reviews', workloadSelector: { matchLabels: {} } });
  });

  test('synthesis fails with every problem at once, with path, field, value and fix', () => {
    // GIVEN
    const chart = Testing.chart();
    new DestinationRule(chart, 'reviews', {
      host: 'a.*.b',
      subsets: [Subset.fromLabels('v1', { version: 'v1' }), Subset.fromLabels('v1', { version: 'v2' })],
    });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(/\[test\/reviews\] error CI0201 spec\.host = 'a\.\*\.b': host 'a\.\*\.b' has an invalid label '\*'[\s\S]*\[test\/reviews\] error CI0202 spec\.subsets\[1\]\.name = 'v1'/);
  });
});
