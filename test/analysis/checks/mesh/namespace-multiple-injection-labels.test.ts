import { findingsOf, namespace } from '../../fixtures';

describe('CI1062 NamespaceMultipleInjectionLabels', () => {
  // as istioctl (testdata/injection.yaml)
  test.each<[Record<string, string>]>([
    [{ 'istio-injection': 'enabled' }],
    [{ 'istio.io/rev': 'canary' }],
    [{ 'istio-injection': 'disabled', 'istio.io/dataplane-mode': 'ambient' }],
    [{ 'istio-injection': 'disabled', 'istio.io/rev': 'test' }],
  ])('passes for a Namespace labelled %j', (labels) => {
    expect(findingsOf([namespace('ns', labels)], 'CI1062')).toEqual([]);
  });

  test('passes for istio-system and the Kubernetes system namespaces', () => {
    const labels = { 'istio-injection': 'enabled', 'istio.io/rev': 'canary' };
    expect(findingsOf([namespace('istio-system', labels), namespace('kube-system', labels)], 'CI1062')).toEqual([]);
  });

  test.each<[string, Record<string, string>, string]>([
    ['busted', { 'istio-injection': 'enabled', 'istio.io/rev': 'canary' }, 'istio-injection=enabled, istio.io/rev=canary'],
    ['multi-ns-2', { 'istio-injection': 'enabled', 'istio.io/dataplane-mode': 'ambient' }, 'istio-injection=enabled, istio.io/dataplane-mode=ambient'],
    ['multi-ns-3', { 'istio.io/rev': 'test', 'istio.io/dataplane-mode': 'ambient' }, 'istio.io/rev=test, istio.io/dataplane-mode=ambient'],
  ])('fails (warning) for Namespace %s', (name, labels, listed) => {
    // WHEN
    const findings = findingsOf([namespace(name, labels)], 'CI1062');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([[`Namespace/${name}`, 'metadata.labels', 'warning']]);
    expect(findings[0].message).toBe(`namespace '${name}' has more than one injection label (${listed}); which one takes effect is undefined`);
  });
});
