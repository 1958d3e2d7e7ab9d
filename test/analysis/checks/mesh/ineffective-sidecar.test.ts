import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, findingsOf, namespace, obj } from '../../fixtures';

const sidecar = (name: string, ns: string, labels?: Record<string, string>) => obj('networking.istio.io/v1', 'Sidecar', name, ns, { spec: { ...(labels ? { workloadSelector: { labels } } : {}), egress: [{ hosts: ['./*'] }] } });
const pod = (name: string, ns: string, labels: Record<string, string>, annotations: Record<string, string> = {}) =>
  obj('v1', 'Pod', name, ns, { metadata: { name, namespace: ns, labels, annotations }, spec: { containers: [{ name: 'app', image: 'a' }] } });

// as istioctl's sidecar.SelectorAnalyzer (testdata/sidecar-default-selector.yaml)
describe('CI1070 IneffectiveSidecar', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['an ambient namespace that also injects sidecars', [namespace('ns-not-ambient', { 'istio.io/dataplane-mode': 'ambient', 'istio-injection': 'enabled' }), sidecar('s', 'ns-not-ambient'),
      namespace('ns-not-ambient-rev', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/rev': 'canary' }), sidecar('s', 'ns-not-ambient-rev')]],
    ['a Sidecar selecting a pod with a sidecar in an ambient namespace', [namespace('amb', { 'istio.io/dataplane-mode': 'ambient' }), pod('p', 'amb', { 'app': 'p', 'sidecar.istio.io/inject': 'true' }), sidecar('s', 'amb', { app: 'p' })]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1070')).toEqual([]);
  });

  test('fails (warning) for a namespace default in an ambient namespace, and a Sidecar selecting only ambient pods', () => {
    // GIVEN
    const objects = [namespace('ns-ambient', { 'istio.io/dataplane-mode': 'ambient' }), pod('random-pod-ambient', 'ns-ambient', { app: 'ambient' }, { 'ambient.istio.io/redirection': 'enabled' }),
      sidecar('namespace-scoped', 'ns-ambient'), sidecar('pod-scoped', 'ns-ambient', { app: 'ambient' }),
      pod('redirected', 'plain', { app: 'redirected' }, { 'ambient.istio.io/redirection': 'enabled' }), sidecar('redirected', 'plain', { app: 'redirected' })];
    // WHEN
    const findings = findingsOf(objects, 'CI1070');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([
      ['ns-ambient/Sidecar/namespace-scoped', 'metadata.namespace', Severity.WARNING],
      ['ns-ambient/Sidecar/pod-scoped', 'spec.workloadSelector.labels', Severity.WARNING],
      ['plain/Sidecar/redirected', 'spec.workloadSelector.labels', Severity.WARNING],
    ]);
    expect(findings[1].message).toBe("Sidecar 'ns-ambient/pod-scoped' selects only workloads in ambient mode (Pod random-pod-ambient), which have no sidecar: it has no effect");
  });
});
