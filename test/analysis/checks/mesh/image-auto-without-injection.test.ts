import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, findingsOf, namespace, obj } from '../../fixtures';

const autoProxy = [{ name: 'istio-proxy', image: 'auto' }];
const pod = (name: string, ns: string, labels: Record<string, string> = {}, containers: unknown[] = autoProxy) =>
  obj('v1', 'Pod', name, ns, { metadata: { name, namespace: ns, labels }, spec: { containers } });
const gateway = (name: string, ns: string, labels: Record<string, string> = { istio: 'ingressgateway' }) =>
  obj('apps/v1', 'Deployment', name, ns, { spec: { selector: { matchLabels: labels }, template: { metadata: { labels, annotations: { 'inject.istio.io/templates': 'gateway' } }, spec: { containers: autoProxy } } } });
// the webhooks of istioctl's testdata/image-auto.yaml
const webhooks = obj('admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', 'istio-sidecar-injector', undefined, {
  webhooks: [
    { name: 'namespace.sidecar-injector.istio.io', namespaceSelector: { matchLabels: { 'istio-injection': 'enabled' } } },
    { name: 'object.sidecar-injector.istio.io', objectSelector: { matchLabels: { 'sidecar.istio.io/inject': 'true' } } },
  ],
});

describe('CI1063 ImageAutoWithoutInjection', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['a gateway Deployment in an injected namespace (default webhooks)', [namespace('gw', { 'istio-injection': 'enabled' }), gateway('ingress', 'gw')]],
    ['a gateway Deployment in a revision namespace', [namespace('gw', { 'istio.io/rev': 'stable' }), gateway('ingress', 'gw')]],
    ['a gateway labelled sidecar.istio.io/inject: "true"', [gateway('ingress', 'gw', { 'istio': 'ingressgateway', 'sidecar.istio.io/inject': 'true' })]],
    ['a gateway in a namespace declared external and meshed', [gateway('ingress', 'legacy')]],
    ['a Pod the input\'s webhooks select', [webhooks, namespace('injected', { 'istio-injection': 'enabled' }), pod('gw', 'injected')]],
    ['a Pod without image: auto', [webhooks, pod('ubuntu', 'istio-system', { 'sidecar.istio.io/inject': 'true' }, [{ name: 'ubuntu', image: 'ubuntu' }])]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1063', { external: { namespaces: [{ name: 'legacy', meshed: true }] } })).toEqual([]);
  });

  // as istioctl (testdata/image-auto.yaml)
  test('fails with the input\'s webhooks: an error for a Pod, a warning for a Deployment', () => {
    // GIVEN
    const objects = [webhooks, namespace('injected', { 'istio-injection': 'enabled' }), namespace('non-injected'), pod('injected-pod', 'default'), gateway('non-injected-gateway-deployment', 'not-injected')];
    // WHEN
    const findings = findingsOf(objects, 'CI1063');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([
      ['default/Pod/injected-pod', 'spec.containers[0].image', Severity.ERROR],
      ['not-injected/Deployment/non-injected-gateway-deployment', 'spec.template.spec.containers[0].image', Severity.WARNING],
    ]);
    expect(findings[0].message).toBe("Pod 'default/injected-pod' has image: auto in its istio-proxy container, but the injection webhooks of the input "
      + '(namespace.sidecar-injector.istio.io, object.sidecar-injector.istio.io) do not select it (namespace \'default\' labels {}), so the image is never filled in and the proxy cannot start');
  });

  test('fails with Istio\'s default webhooks for a namespace with injection disabled, or a pod opted out', () => {
    // GIVEN
    const objects = [namespace('gw', { 'istio-injection': 'disabled' }), gateway('ingress', 'gw'), namespace('meshed', { 'istio-injection': 'enabled' }),
      gateway('opted-out', 'meshed', { 'istio': 'egressgateway', 'sidecar.istio.io/inject': 'false' })];
    // WHEN
    const findings = findingsOf(objects, 'CI1063');
    // THEN
    expect(findings.map((f) => f.path)).toEqual(['gw/Deployment/ingress', 'meshed/Deployment/opted-out']);
    expect(findings[0].message).toMatch(/but Istio's default injection webhooks do not select it \(namespace 'gw' labels \{istio-injection=disabled\}\)/);
  });
});
