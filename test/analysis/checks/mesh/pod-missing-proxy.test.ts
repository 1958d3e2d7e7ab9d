import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, deployment, findingsOf, namespace, obj } from '../../fixtures';

const pod = (name: string, ns: string, extra: { labels?: Record<string, string>; annotations?: Record<string, string>; spec?: Record<string, unknown>; containers?: unknown[] } = {}) =>
  obj('v1', 'Pod', name, ns, {
    metadata: { name, namespace: ns, labels: { app: name, version: 'v1', ...extra.labels }, annotations: extra.annotations ?? {} },
    spec: { containers: extra.containers ?? [{ name: 'server', image: 'adservice:v0.1.1' }], ...extra.spec },
  });
const meshed = namespace('default', { 'istio-injection': 'enabled' });

describe('CI1061 PodMissingProxy', () => {
  // as istioctl (testdata/injection.yaml)
  test.each<[string, AnalyzedObject[]]>([
    ['a Pod with its istio-proxy container', [meshed, pod('injected', 'default', { containers: [{ name: 'server', image: 'a' }, { name: 'istio-proxy', image: 'proxyv2:1.30.3' }] })]],
    ['a Pod with sidecar.istio.io/inject: "false" (annotation)', [meshed, pod('opted-out', 'default', { annotations: { 'sidecar.istio.io/inject': 'false' } })]],
    ['a Pod whose label false wins over the annotation true', [meshed, pod('label-wins', 'default', { labels: { 'sidecar.istio.io/inject': 'false' }, annotations: { 'sidecar.istio.io/inject': 'true' } })]],
    ['a Pod on the host network', [meshed, pod('host', 'default', { spec: { hostNetwork: true } })]],
    ['a Pod of a namespace without injection, or disabled, or unknown', [namespace('bar'), pod('a', 'bar'), namespace('foo', { 'istio-injection': 'disabled' }), pod('b', 'foo'), pod('c', 'nowhere')]],
    ['a Pod of istio-system', [namespace('istio-system', { 'istio-injection': 'enabled' }), pod('istiod', 'istio-system')]],
    ['a Deployment (its pods get the proxy when they are created)', [meshed, deployment('web-v1', { app: 'web', version: 'v1' })]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1061')).toEqual([]);
  });

  test('fails (warning) for a Pod without proxy in an injected namespace, by label or revision', () => {
    // GIVEN
    const objects = [meshed, pod('noninjectedpod', 'default'), namespace('canary-test', { 'istio.io/rev': 'canary' }), pod('rev-pod', 'canary-test')];
    // WHEN
    const findings = findingsOf(objects, 'CI1061');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([
      ['canary-test/Pod/rev-pod', 'spec.containers', Severity.WARNING],
      ['default/Pod/noninjectedpod', 'spec.containers', Severity.WARNING],
    ]);
    expect(findings[1].message).toBe("Pod 'default/noninjectedpod' has no istio-proxy container although namespace 'default' injects sidecars: "
      + 'a running pod like this was created before injection was enabled or without the injector, and is outside the mesh');
    expect(findings[1].counterpart).toBe('IST0103 PodMissingProxy');
  });
});
