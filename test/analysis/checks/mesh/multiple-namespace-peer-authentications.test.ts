import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, findingsOf, peerAuthentication } from '../../fixtures';

const strict = { mtls: { mode: 'STRICT' } };

describe('CI1095 MultipleNamespacePeerAuthentications', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['one namespace-wide policy per namespace, and workload-level ones', [peerAuthentication('default', strict, 'shop'), peerAuthentication('default', strict, 'web'),
      peerAuthentication('orders', { selector: { matchLabels: { app: 'orders' } }, ...strict }, 'shop')]],
    ['one mesh-wide policy', [peerAuthentication('default', strict, 'istio-system')]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1095')).toEqual([]);
  });

  test('fails (warning) on each of two namespace-wide policies, naming the one Istio uses', () => {
    // GIVEN: an empty matchLabels is no selector
    const objects = [peerAuthentication('b-plain', { mtls: { mode: 'DISABLE' } }, 'shop'), peerAuthentication('a-strict', { selector: { matchLabels: {} }, ...strict }, 'shop')];
    // WHEN
    const findings = findingsOf(objects, 'CI1095');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([
      ['shop/PeerAuthentication/a-strict', 'spec.selector', Severity.WARNING], ['shop/PeerAuthentication/b-plain', 'spec.selector', Severity.WARNING],
    ]);
    expect(findings[1].message).toBe("PeerAuthentication 'shop/b-plain' has no selector, nor has PeerAuthentication 'shop/a-strict': each would be the policy of every workload of namespace 'shop'; Istio uses only the oldest ('shop/a-strict' when created in the same second) and ignores the others");
  });

  test('fails for two mesh-wide policies in istio-system, the oldest by creation time', () => {
    // GIVEN
    const older = peerAuthentication('z-old', strict, 'istio-system');
    older.manifest.metadata.creationTimestamp = '2024-01-01T00:00:00Z';
    const newer = peerAuthentication('a-new', { mtls: { mode: 'PERMISSIVE' } }, 'istio-system');
    newer.manifest.metadata.creationTimestamp = '2025-01-01T00:00:00Z';
    // WHEN
    const findings = findingsOf([older, newer], 'CI1095');
    // THEN
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/the mesh-wide policy; Istio uses only the oldest \('istio-system\/z-old'/), expect.stringMatching(/Istio uses only the oldest \(this one/)]);
  });
});
