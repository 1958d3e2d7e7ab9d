import { bookinfo, dr, findingsOf } from '../../fixtures';

describe('CI1010 ConflictingDestinationRules', () => {
  test('passes for one rule per host and namespace, and for rules with different workload selectors', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      dr('reviews', { host: 'reviews.default.svc.cluster.local' }, 'frontend'),
      dr('reviews-for-pp', { host: 'reviews', workloadSelector: { matchLabels: { app: 'productpage' } }, trafficPolicy: { loadBalancer: { simple: 'RANDOM' } } }),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1010')).toEqual([]);
  });

  test('passes when rules for one host split the subsets and one of them holds the traffic policy (Istio merges them)', () => {
    // GIVEN
    const objects = [...bookinfo(), dr('reviews-lb', { host: 'reviews.default.svc.cluster.local', trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUEST' } } })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1010')).toEqual([]);
  });

  test('fails on a subset that two rules for one host define (short and FQDN hosts)', () => {
    // GIVEN
    const objects = [...bookinfo(), dr('reviews-extra', { host: 'reviews.default.svc.cluster.local', subsets: [{ name: 'v1', labels: { version: 'v1' } }] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1010');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value])).toEqual([
      ['default/DestinationRule/reviews', 'spec.subsets[0].name', 'v1'],
      ['default/DestinationRule/reviews-extra', 'spec.subsets[0].name', 'v1'],
    ]);
    expect(findings[0].message).toBe("subset 'v1' of host 'reviews' is also defined by DestinationRule default/reviews-extra in namespace 'default'; Istio keeps only one definition (by creation order)");
  });

  test('fails when several rules for one host each set a traffic policy', () => {
    // GIVEN
    const policy = { loadBalancer: { simple: 'RANDOM' } };
    const objects = [...bookinfo(), dr('ratings-2', { host: 'ratings', trafficPolicy: policy }), dr('ratings-3', { host: 'ratings.default.svc.cluster.local', trafficPolicy: policy })];
    // WHEN
    const findings = findingsOf(objects, 'CI1010');
    // THEN
    expect(findings.map((f) => [f.path, f.field])).toEqual([
      ['default/DestinationRule/ratings-2', 'spec.trafficPolicy'],
      ['default/DestinationRule/ratings-3', 'spec.trafficPolicy'],
    ]);
    expect(findings[0].message).toMatch(/also gets a traffic policy from DestinationRule default\/ratings-3/);
  });
});
