import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, findingsOf, namespace, obj } from '../../fixtures';

const sidecar = (name: string, ns: string, labels?: Record<string, string>) => obj('networking.istio.io/v1', 'Sidecar', name, ns, { spec: { ...(labels ? { workloadSelector: { labels } } : {}), egress: [{ hosts: ['./*'] }] } });

// as istioctl's sidecar.SelectorAnalyzer (testdata/sidecar-default-selector.yaml)
describe('CI1068 MultipleDefaultSidecars', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['one Sidecar without selector per namespace, and others with selectors', [sidecar('no-selector', 'ns1'), sidecar('has-selector', 'ns1', { app: 'foo' }), sidecar('other', 'ns3')]],
    ['two in a namespace in ambient mode (CI1070\'s)', [namespace('amb', { 'istio.io/dataplane-mode': 'ambient' }), sidecar('a', 'amb'), sidecar('b', 'amb')]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1068')).toEqual([]);
  });

  test('fails (error) for two Sidecars without selector in one namespace, on each', () => {
    // WHEN
    const findings = findingsOf([namespace('ns2'), sidecar('has-conflict-1', 'ns2'), sidecar('has-conflict-2', 'ns2')], 'CI1068');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([
      ['ns2/Sidecar/has-conflict-1', 'spec.workloadSelector', Severity.ERROR], ['ns2/Sidecar/has-conflict-2', 'spec.workloadSelector', Severity.ERROR],
    ]);
    expect(findings[0].message).toBe("Sidecar 'ns2/has-conflict-1' has no workload selector, nor has Sidecar 'ns2/has-conflict-2' in namespace 'ns2': "
      + 'Istio applies one of them to every workload of the namespace, which one is undefined');
  });
});
