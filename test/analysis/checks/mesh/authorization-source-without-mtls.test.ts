import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, deployment, findingsOf, namespace, obj, peerAuthentication } from '../../fixtures';

const policy = (source: Record<string, string[]>) => obj('security.istio.io/v1', 'AuthorizationPolicy', 'orders', 'shop', {
  spec: { selector: { matchLabels: { app: 'orders' } }, rules: [{ from: [{ source }] }] },
});
const shop = (...more: AnalyzedObject[]) => [namespace('shop', { 'istio-injection': 'enabled' }), deployment('orders', { app: 'orders' }, 'shop'), ...more];
const SOURCE = { principals: ['cluster.local/ns/shop/sa/default'], namespaces: ['shop'] };

describe('CI1093 AuthorizationSourceWithoutMtls', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['PERMISSIVE (the default)', shop(policy(SOURCE))],
    ['a namespace-wide DISABLE overridden by the workload\'s STRICT', shop(peerAuthentication('plain', { mtls: { mode: 'DISABLE' } }, 'shop'),
      peerAuthentication('orders', { selector: { matchLabels: { app: 'orders' } }, mtls: { mode: 'STRICT' } }, 'shop'), policy(SOURCE))],
    ['DISABLE with a port that keeps mTLS', shop(peerAuthentication('orders', { selector: { matchLabels: { app: 'orders' } }, mtls: { mode: 'DISABLE' }, portLevelMtls: { 8080: { mode: 'STRICT' } } }, 'shop'), policy(SOURCE))],
    ['DISABLE and sources by IP only', shop(peerAuthentication('plain', { mtls: { mode: 'DISABLE' } }, 'shop'), policy({ ipBlocks: ['10.0.0.0/8'] }))],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1093')).toEqual([]);
  });

  test('fails (warning) for principals and namespaces toward workloads whose namespace disables mTLS', () => {
    // GIVEN
    const objects = shop(peerAuthentication('plain', { mtls: { mode: 'DISABLE' } }, 'shop'), policy(SOURCE));
    // WHEN
    const findings = findingsOf(objects, 'CI1093');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value, f.severity])).toEqual([
      ['shop/AuthorizationPolicy/orders', 'spec.rules[0].from[0].source.namespaces', ['shop'], Severity.WARNING],
      ['shop/AuthorizationPolicy/orders', 'spec.rules[0].from[0].source.principals', ['cluster.local/ns/shop/sa/default'], Severity.WARNING],
    ]);
    expect(findings[1].message).toBe("source principals 'cluster.local/ns/shop/sa/default' never match: PeerAuthentication shop/plain sets mtls mode DISABLE for the workloads this policy selects, so requests to them carry no peer identity");
  });

  test('fails for a mesh-wide DISABLE, and the oldest namespace-wide policy is the one in force', () => {
    // GIVEN: 'a-strict' and 'b-plain' are both namespace-wide; Istio uses the first by name, so the mesh-wide DISABLE is overridden
    const overridden = shop(peerAuthentication('mesh', { mtls: { mode: 'DISABLE' } }, 'istio-system'),
      peerAuthentication('a-strict', { mtls: { mode: 'STRICT' } }, 'shop'), peerAuthentication('b-plain', { mtls: { mode: 'DISABLE' } }, 'shop'), policy(SOURCE));
    const meshWide = shop(peerAuthentication('mesh', { mtls: { mode: 'DISABLE' } }, 'istio-system'), policy(SOURCE));
    // WHEN / THEN
    expect(findingsOf(overridden, 'CI1093')).toEqual([]);
    expect(findingsOf(meshWide, 'CI1093').map((f) => f.message)).toEqual([expect.stringMatching(/PeerAuthentication istio-system\/mesh sets mtls mode DISABLE/), expect.anything()]);
  });
});
