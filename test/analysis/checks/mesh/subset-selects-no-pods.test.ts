import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { analyze, collectObjects } from '../../fixtures';
import { networking } from '../../../../lib/istio/private/l1';
import { AnalyzedObject, bookinfo, deployment, dr, findingsOf, obj, replace, service, serviceEntry } from '../../fixtures';

const pod = (name: string, labels: Record<string, string>, nodeName?: string) =>
  obj('v1', 'Pod', name, 'default', { metadata: { name, namespace: 'default', labels }, spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'app', image: 'app:1' }] } });
const node = (name: string, labels: Record<string, string>) => obj('v1', 'Node', name, undefined, { metadata: { name, labels } });
const httpbin = (...subsets: Array<Record<string, string>>) => dr('httpbin', { host: 'httpbin.default.svc.cluster.local', subsets: subsets.map((labels, i) => ({ name: `s${i}`, labels })) });

describe('CI1009 SubsetSelectsNoPods', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['subsets of Deployments and of a StatefulSet', [
      ...bookinfo(), service('db', { ports: [{ name: 'tcp-mysql', port: 3306 }] }),
      deployment('db-primary', { app: 'db', role: 'primary' }, 'default', 'StatefulSet'), dr('db', { host: 'db', subsets: [{ name: 'primary', labels: { role: 'primary' } }] }),
    ]],
    ['every workload kind: DaemonSet, ReplicaSet, Job, CronJob, Pod', [
      service('batch'), ...['DaemonSet', 'ReplicaSet'].map((k, i) => deployment(`b${i}`, { app: 'batch', version: k }, 'default', k)),
      obj('batch/v1', 'Job', 'job', 'default', { spec: { template: { metadata: { labels: { app: 'batch', version: 'job' } }, spec: {} } } }),
      obj('batch/v1', 'CronJob', 'cron', 'default', { spec: { jobTemplate: { spec: { template: { metadata: { labels: { app: 'batch', version: 'cron' } }, spec: {} } } } } }),
      pod('batch-pod', { app: 'batch', version: 'pod' }),
      dr('batch', { host: 'batch', subsets: ['DaemonSet', 'ReplicaSet', 'job', 'cron', 'pod'].map((v) => ({ name: v.toLowerCase(), labels: { version: v } })) }),
    ]],
    // as istioctl (testdata/destinationrule-subsets-with-topology-labels.yaml): the node's labels
    ['locality labels of the Node a pod runs on', [
      service('httpbin'), pod('httpbin-pod', { app: 'httpbin', version: 'v1' }, 'node-1'),
      node('node-1', { 'topology.kubernetes.io/region': 'us-west-1', 'topology.kubernetes.io/zone': 'us-west-1a', 'topology.istio.io/subzone': 'rack-7' }),
      httpbin({ 'topology.kubernetes.io/region': 'us-west-1' }, { 'topology.kubernetes.io/zone': 'us-west-1a', 'version': 'v1' }, { 'topology.istio.io/subzone': 'rack-7' }, { 'kubernetes.io/hostname': 'node-1' }),
    ]],
    ['locality labels of pod templates, decided where the pods will run', [
      service('httpbin'), deployment('httpbin-v1', { app: 'httpbin', version: 'v1' }),
      httpbin({ 'topology.kubernetes.io/region': 'eu-west-1', 'version': 'v1' }, { 'topology.istio.io/network': 'net-2' }, { 'kubernetes.io/hostname': 'n7' }),
    ]],
    ['a ServiceEntry with a workloadSelector: its pods and WorkloadEntries', [
      serviceEntry('vm', { hosts: ['vm.example.com'], location: 'MESH_INTERNAL', resolution: 'STATIC', workloadSelector: { labels: { app: 'vm' } }, ports: [{ number: 80, name: 'http', protocol: 'HTTP' }] }),
      deployment('vm-k8s', { app: 'vm', version: 'k8s' }), obj('networking.istio.io/v1', 'WorkloadEntry', 'vm-1', 'default', { spec: { address: '10.0.0.9', labels: { app: 'vm', version: 'vm' } } }),
      dr('vm', { host: 'vm.example.com', subsets: [{ name: 'k8s', labels: { version: 'k8s' } }, { name: 'vm', labels: { version: 'vm' } }] }),
    ]],
    ['a ServiceEntry with labelled endpoints', [
      serviceEntry('legacy', { hosts: ['legacy.example.com'], resolution: 'STATIC', endpoints: [{ address: '10.0.0.1', labels: { zone: 'a' } }], ports: [{ number: 80, name: 'http', protocol: 'HTTP' }] }),
      dr('legacy', { host: 'legacy.example.com', subsets: [{ name: 'a', labels: { zone: 'a' } }] }),
    ]],
    ['what cannot be judged: a Service without selector, a DNS ServiceEntry, an unknown host, a subset without labels', [
      obj('v1', 'Service', 'manual', 'default', { spec: { ports: [{ name: 'http', port: 80 }] } }), dr('manual', { host: 'manual', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }),
      serviceEntry('api', { hosts: ['api.example.com'], resolution: 'DNS', ports: [{ number: 443, name: 'tls', protocol: 'TLS' }] }), dr('api', { host: 'api.example.com', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }),
      dr('nowhere', { host: 'nowhere', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }),
      service('all'), dr('all', { host: 'all', subsets: [{ name: 'all', labels: {} }] }),
    ]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1009')).toEqual([]);
  });

  test('passes for a Service of a namespace declared external (its pods are elsewhere)', () => {
    // GIVEN
    const objects = [service('ledger', { ns: 'legacy' }), dr('ledger', { host: 'ledger.legacy.svc.cluster.local', subsets: [{ name: 'v1', labels: { version: 'v1' } }] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1009', { external: { namespaces: [{ name: 'legacy' }] } })).toEqual([]);
    expect(findingsOf(objects, 'CI1009').map((f) => f.field)).toEqual(['spec.subsets[0].labels']);
  });

  test('fails for a subset whose version no pod template has, listing the Service pods', () => {
    // GIVEN
    const objects = replace(bookinfo(), 'default/DestinationRule/reviews', dr('reviews', {
      host: 'reviews', subsets: ['v1', 'v2', 'v3', 'v4'].map((v) => ({ name: v, labels: { version: v } })),
    }));
    // WHEN
    const findings = findingsOf(objects, 'CI1009');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'default/DestinationRule/reviews', field: 'spec.subsets[3].labels', value: { version: 'v4' } });
    expect(findings[0].message).toBe("subset 'v4' labels {version=v4} select no pod of Service 'default/reviews'; its pods: "
      + 'Deployment reviews-v1 {app=reviews, version=v1}, Deployment reviews-v2 {app=reviews, version=v2}, Deployment reviews-v3 {app=reviews, version=v3}');
    expect(findings[0].fix).toMatch(/declare namespace 'default' external/);
  });

  test.each<[string, AnalyzedObject[], string[]]>([
    // as istioctl (testdata/destinationrule-subsets-not-select-pods.yaml): no pod at all
    ['a Service with no pod in the input', [service('httpbin'), httpbin({ version: 'v3' })], ['spec.subsets[0].labels']],
    ['labels of a pod the Service does not select, and a misspelt key', [
      ...bookinfo(), dr('reviews-extra', { host: 'reviews', subsets: [{ name: 'ratings', labels: { app: 'ratings' } }, { name: 'v2', labels: { verison: 'v2' } }] }),
    ], ['spec.subsets[0].labels', 'spec.subsets[1].labels']],
    ['a pod template in another namespace than the Service', [
      service('web', { ns: 'front' }), deployment('web-v1', { app: 'web', version: 'v1' }, 'front'), deployment('web-v2', { app: 'web', version: 'v2' }, 'other'),
      dr('web', { host: 'web.front.svc.cluster.local', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] }),
    ], ['spec.subsets[1].labels']],
    // as istioctl (testdata/destinationrule-empty-topology-labels.yaml): Istio never sets an empty locality
    ['an empty locality label, on a known Node or not', [
      service('httpbin'), pod('httpbin-pod', { app: 'httpbin', version: 'v1' }, 'node-1'), node('node-1', { 'topology.kubernetes.io/region': '' }),
      deployment('httpbin-v2', { app: 'httpbin', version: 'v2' }),
      httpbin({ 'topology.kubernetes.io/region': '' }, { version: 'v1' }, { 'topology.kubernetes.io/zone': '', 'version': 'v2' }),
    ], ['spec.subsets[0].labels', 'spec.subsets[2].labels']],
    ['a locality the known Node does not have', [
      service('httpbin'), pod('httpbin-pod', { app: 'httpbin', version: 'v1' }, 'node-1'), node('node-1', { 'topology.kubernetes.io/region': 'us-west-1' }),
      httpbin({ 'topology.kubernetes.io/region': 'eu-west-1' }, { 'topology.kubernetes.io/zone': 'us-west-1a' }, { 'kubernetes.io/hostname': 'node-2' }),
    ], ['spec.subsets[0].labels', 'spec.subsets[1].labels', 'spec.subsets[2].labels']],
    ['a ServiceEntry whose workloads lack the labels', [
      serviceEntry('vm', { hosts: ['vm.example.com'], location: 'MESH_INTERNAL', resolution: 'STATIC', workloadSelector: { labels: { app: 'vm' } }, ports: [{ number: 80, name: 'http', protocol: 'HTTP' }] }),
      deployment('vm-k8s', { app: 'vm', version: 'k8s' }), deployment('other', { app: 'other', version: 'vm' }),
      dr('vm', { host: 'vm.example.com', subsets: [{ name: 'vm', labels: { version: 'vm' } }] }),
    ], ['spec.subsets[0].labels']],
  ])('fails for %s', (_name, objects, fields) => {
    expect(findingsOf(objects, 'CI1009').map((f) => f.field)).toEqual(fields);
  });

  test('names the locality labels when a subset uses them', () => {
    // GIVEN
    const objects = [service('httpbin'), pod('httpbin-pod', { app: 'httpbin', version: 'v1' }, 'node-1'), node('node-1', {}), httpbin({ 'topology.kubernetes.io/region': 'us-west-1' })];
    // WHEN
    const [finding] = findingsOf(objects, 'CI1009');
    // THEN
    expect(finding.message).toBe("subset 's0' labels {topology.kubernetes.io/region=us-west-1} select no pod of Service 'default/httpbin'; its pods: Pod httpbin-pod {app=httpbin, version=v1}"
      + " (topology.kubernetes.io/region is read from the pods' Node, and Istio never sets an empty value)");
  });

  test('fails for a cdk8s-plus Deployment whose pod labels differ from the subset', () => {
    // GIVEN
    const chart = Testing.chart();
    new kplus.Deployment(chart, 'reviews-v1', { containers: [{ image: 'reviews:v1', portNumber: 9080 }], podMetadata: { labels: { app: 'reviews', version: 'v1' } } });
    const svc = new kplus.Service(chart, 'reviews', { metadata: { name: 'reviews' }, ports: [{ port: 9080, name: 'http' }] });
    svc.selectLabel('app', 'reviews');
    new networking.DestinationRule(chart, 'reviews-dr', { metadata: { name: 'reviews' }, spec: { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] } });
    // WHEN
    const findings = analyze(collectObjects(chart)).findings.filter((f) => f.code === 'CI1009');
    // THEN
    expect(findings.map((f) => [f.path, f.field])).toEqual([[`${chart.node.path}/reviews-dr`, 'spec.subsets[1].labels']]);
    expect(findings[0].message).toMatch(/its pods: Deployment .*reviews-v1.* \{app=reviews, version=v1\}$/);
  });
});
