import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, deployment, findingsOf, namespace, peerAuthentication } from '../../fixtures';

const pa = (name: string, matchLabels: Record<string, string>, ns = 'shop') => peerAuthentication(name, { selector: { matchLabels }, mtls: { mode: 'STRICT' } }, ns);
const shop = (...more: AnalyzedObject[]) => [namespace('shop', { 'istio-injection': 'enabled' }),
  deployment('orders-v1', { app: 'orders', version: 'v1' }, 'shop'), deployment('orders-v2', { app: 'orders', version: 'v2' }, 'shop'), ...more];

describe('CI1096 ConflictingPeerAuthentications', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['policies selecting different workloads', shop(pa('v1', { version: 'v1' }), pa('v2', { version: 'v2' }))],
    ['a namespace-wide and a workload-level policy', shop(peerAuthentication('default', { mtls: { mode: 'STRICT' } }, 'shop'), pa('orders', { app: 'orders' }))],
    ['the same labels in another namespace', shop(pa('orders', { app: 'orders' }), pa('orders', { app: 'orders' }, 'web'))],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1096')).toEqual([]);
  });

  test('fails (warning) on each policy that selects a workload another one selects too', () => {
    // GIVEN
    const objects = shop(pa('orders', { app: 'orders' }), pa('orders-v2', { version: 'v2' }));
    // WHEN
    const findings = findingsOf(objects, 'CI1096');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([
      ['shop/PeerAuthentication/orders', 'spec.selector.matchLabels', Severity.WARNING], ['shop/PeerAuthentication/orders-v2', 'spec.selector.matchLabels', Severity.WARNING],
    ]);
    expect(findings[1].message).toBe("PeerAuthentication 'shop/orders-v2' and 'shop/orders' select the same workload (Deployment shop/orders-v2); Istio applies only the oldest ('shop/orders' when created in the same second) and ignores the others for it");
  });
});
