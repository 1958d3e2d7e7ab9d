/**
 * Semantic conformance of the sample workloads with Istio 1.30.3's upstream YAML in ../shared:
 * same objects (kind and name), and the same values for every field upstream sets, with
 * Kubernetes defaults filled in on both sides. Fields upstream leaves out (the hardening added on
 * purpose) are covered by the targeted tests of each construct.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import * as YAML from 'yaml';
import { CurlClient } from '../../lib/samples/curl';
import { FortioClient } from '../../lib/samples/fortio';
import { Httpbin } from '../../lib/samples/httpbin';
import { SHARED_DIR } from '../util/tree';
import { objectOf } from './util';
import { describeWithShared } from '../util/shared';

const SAMPLES = path.join(SHARED_DIR, 'istio', '1.30.3', 'samples');
const d = describeWithShared([SAMPLES]);

function upstream(file: string): any[] {
  return YAML.parseAllDocuments(fs.readFileSync(path.join(SAMPLES, file), 'utf8'))
    .map((doc) => doc.toJSON())
    .filter((o) => o && typeof o === 'object');
}

function render(build: (scope: Construct) => void): any[] {
  const chart = Testing.chart();
  build(chart);
  return Testing.synth(chart);
}

const key = (o: any) => `${o.kind}/${o.metadata.name}`;

/** The fields of a Service that upstream sets, with Kubernetes defaults filled in. */
function serviceShape(o: any) {
  return {
    labels: o.metadata.labels ?? {},
    ports: (o.spec.ports ?? []).map((p: any) => ({ name: p.name, port: p.port, targetPort: p.targetPort ?? p.port, protocol: p.protocol ?? 'TCP' })),
    selector: o.spec.selector ?? {},
    type: o.spec.type ?? 'ClusterIP',
  };
}

/** The fields of a container that upstream sets, with Kubernetes defaults filled in. */
function containerShape(c: any) {
  return {
    name: c.name,
    image: c.image,
    imagePullPolicy: c.imagePullPolicy,
    command: c.command,
    args: c.args,
    ports: (c.ports ?? []).map((p: any) => ({ containerPort: p.containerPort, name: p.name, protocol: p.protocol ?? 'TCP' })),
    volumeMounts: (c.volumeMounts ?? []).map((m: any) => ({ mountPath: m.mountPath, name: m.name, readOnly: m.readOnly ?? false })),
    env: c.env ?? [],
  };
}

/** The fields of a Deployment that upstream sets, with Kubernetes defaults filled in. */
function deploymentShape(o: any) {
  const spec = o.spec.template.spec;
  return {
    labels: o.metadata.labels ?? {},
    replicas: o.spec.replicas ?? 1,
    selector: o.spec.selector,
    podLabels: o.spec.template.metadata.labels ?? {},
    podAnnotations: o.spec.template.metadata.annotations ?? {},
    serviceAccountName: spec.serviceAccountName ?? 'default',
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
    containers: spec.containers.map(containerShape),
    initContainers: (spec.initContainers ?? []).map(containerShape),
    volumes: spec.volumes ?? [],
  };
}

function expectConforms(ours: any[], theirs: any[]) {
  expect(ours.map(key).sort()).toEqual(theirs.map(key).sort());
  for (const u of theirs) {
    const o = objectOf(ours, u.kind, u.metadata.name);
    expect(o.apiVersion).toBe(u.apiVersion);
    expect(o.metadata.namespace).toBe(u.metadata.namespace);
    if (u.kind === 'Service') expect(serviceShape(o)).toEqual(serviceShape(u));
    if (u.kind === 'Deployment') expect(deploymentShape(o)).toEqual(deploymentShape(u));
  }
}

d('sample workloads conform to Istio 1.30.3 upstream YAML', () => {
  test('Httpbin matches samples/httpbin/httpbin.yaml', () => {
    // GIVEN
    const theirs = upstream('httpbin/httpbin.yaml');
    // WHEN
    const ours = render((scope) => new Httpbin(scope, 'httpbin'));
    // THEN
    expectConforms(ours, theirs);
  });

  test('FortioClient matches samples/httpbin/sample-client/fortio-deploy.yaml, annotation included', () => {
    // GIVEN
    const theirs = upstream('httpbin/sample-client/fortio-deploy.yaml');
    // WHEN
    const ours = render((scope) => new FortioClient(scope, 'fortio'));
    // THEN
    expectConforms(ours, theirs);
    expect(objectOf(ours, 'Deployment', 'fortio-deploy').spec.template.metadata.annotations['proxy.istio.io/config'])
      .toBe(objectOf(theirs, 'Deployment', 'fortio-deploy').spec.template.metadata.annotations['proxy.istio.io/config']);
  });

  test('CurlClient matches samples/curl/curl.yaml', () => {
    // GIVEN
    const theirs = upstream('curl/curl.yaml');
    // WHEN
    const ours = render((scope) => new CurlClient(scope, 'curl'));
    // THEN
    expectConforms(ours, theirs);
  });

  test('each version of a multi-version Httpbin runs the upstream httpbin pod, renamed and relabelled only', () => {
    // GIVEN
    const base = objectOf(upstream('httpbin/httpbin.yaml'), 'Deployment', 'httpbin');
    // WHEN
    const ours = render((scope) => new Httpbin(scope, 'httpbin', { versions: ['v1', 'v2'] }));
    // THEN
    for (const version of ['v1', 'v2']) {
      const expected = {
        ...deploymentShape(base),
        selector: { matchLabels: { app: 'httpbin', version } },
        podLabels: { app: 'httpbin', version },
      };
      expect(deploymentShape(objectOf(ours, 'Deployment', `httpbin-${version}`))).toEqual(expected);
    }
    expect(serviceShape(objectOf(ours, 'Service', 'httpbin'))).toEqual(serviceShape(objectOf(upstream('httpbin/httpbin.yaml'), 'Service', 'httpbin')));
  });
});
