import { ManifestObject } from '../../../lib/analysis/manifest-object';
import { defaultWebhooksInject, hasProxyContainer, injectionLabelsOf, istioInjectionWebhooks, isIstioControlPlane, podInjectSetting, proxyImageOf, webhooksAdmit } from '../../../lib/analysis/model/injection';
import { podTemplateOf } from '../../../lib/analysis/model/workloads';

const ns = (labels: Record<string, string>) => ManifestObject.of({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', labels } })!;
const pod = (metadata: Record<string, unknown>, spec: Record<string, unknown>) => podTemplateOf(ManifestObject.of({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...metadata }, spec })!)!;

describe('injection', () => {
  // the Namespaces of istioctl's injection analyzer cases (testdata/injection.yaml)
  test.each<[Record<string, string>, string[]]>([
    [{ 'istio-injection': 'enabled' }, ['istio-injection=enabled']],
    [{ 'istio-injection': 'enabled', 'istio.io/rev': 'canary' }, ['istio-injection=enabled', 'istio.io/rev=canary']],
    [{ 'istio-injection': 'enabled', 'istio.io/dataplane-mode': 'ambient' }, ['istio-injection=enabled', 'istio.io/dataplane-mode=ambient']],
    [{ 'istio.io/rev': 'test', 'istio.io/dataplane-mode': 'ambient' }, ['istio.io/rev=test', 'istio.io/dataplane-mode=ambient']],
    [{ 'istio-injection': 'disabled', 'istio.io/dataplane-mode': 'ambient' }, ['istio-injection=disabled']],
    [{ 'istio-injection': 'disabled', 'istio.io/rev': 'test' }, ['istio-injection=disabled']],
    [{ team: 'a' }, []],
  ])('the injection labels of a Namespace labelled %j', (labels, expected) => {
    expect(injectionLabelsOf(ns(labels))).toEqual(expected);
  });

  test('the proxy container, the pod\'s inject setting (label over annotation) and Istio\'s own objects', () => {
    // GIVEN
    const injected = pod({}, { containers: [{ name: 'app', image: 'a' }, { name: 'istio-proxy', image: 'proxyv2:1.30.3' }] });
    const native = pod({}, { initContainers: [{ name: 'istio-proxy', image: 'proxyv2:1.30.3' }] });
    const auto = pod({ labels: { 'sidecar.istio.io/inject': 'false' }, annotations: { 'sidecar.istio.io/inject': 'true' } }, { containers: [{ name: 'istio-proxy', image: 'auto' }] });
    const plain = pod({ annotations: { 'sidecar.istio.io/inject': 'true' } }, { containers: [{ name: 'app', image: 'a' }] });
    // WHEN / THEN
    expect([injected, native, auto, plain].map(hasProxyContainer)).toEqual([true, true, true, false]);
    expect(proxyImageOf(auto)).toBe('auto');
    expect(proxyImageOf(plain)).toBeUndefined();
    expect([auto, plain, injected].map(podInjectSetting)).toEqual(['false', 'true', undefined]);
    expect(isIstioControlPlane(ManifestObject.of({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'istiod', labels: { istio: 'pilot' } } })!)).toBe(true);
    expect(isIstioControlPlane(ManifestObject.of({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'x', labels: { release: 'istio' } } })!)).toBe(true);
    expect(isIstioControlPlane(ns({ app: 'istio' }))).toBe(false);
  });

  test.each<[Record<string, string>, Record<string, string>, boolean]>([
    [{ 'istio-injection': 'enabled' }, {}, true],
    [{ 'istio-injection': 'enabled' }, { 'sidecar.istio.io/inject': 'false' }, false],
    [{ 'istio-injection': 'disabled' }, { 'sidecar.istio.io/inject': 'true' }, false],
    [{ 'istio.io/rev': 'canary' }, {}, true],
    [{}, { 'sidecar.istio.io/inject': 'true' }, true],
    [{}, { 'istio.io/rev': 'canary' }, true],
    [{}, {}, false],
  ])('Istio\'s default webhooks for namespace labels %j and pod labels %j', (namespaceLabels, podLabels, expected) => {
    expect(defaultWebhooksInject(namespaceLabels, podLabels)).toBe(expected);
  });

  test('the input\'s injection webhooks are those named *istio.io, matched on namespace and object selectors', () => {
    // GIVEN (as in istioctl's testdata/image-auto.yaml)
    const config = ManifestObject.of({
      apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration', metadata: { name: 'istio-sidecar-injector' },
      webhooks: [
        { name: 'namespace.sidecar-injector.istio.io', namespaceSelector: { matchLabels: { 'istio-injection': 'enabled' } } },
        { name: 'object.sidecar-injector.istio.io', objectSelector: { matchLabels: { 'sidecar.istio.io/inject': 'true' } } },
        { name: 'other.example.com' },
      ],
    })!;
    // WHEN
    const webhooks = istioInjectionWebhooks([config]);
    // THEN
    expect(webhooks.map((w) => w.name)).toEqual(['namespace.sidecar-injector.istio.io', 'object.sidecar-injector.istio.io']);
    expect(webhooksAdmit(webhooks, { 'istio-injection': 'enabled' }, {})).toBe(true);
    expect(webhooksAdmit(webhooks, {}, { 'sidecar.istio.io/inject': 'true' })).toBe(true);
    expect(webhooksAdmit(webhooks, {}, { istio: 'ingressgateway' })).toBe(false);
  });
});
