import { bookinfo, dr, findingsOf } from '../fixtures';

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

  test('fails on both rules for the same host in one namespace (short and FQDN)', () => {
    // GIVEN
    const objects = [...bookinfo(), dr('reviews-lb', { host: 'reviews.default.svc.cluster.local', trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUEST' } } })];
    // WHEN
    const findings = findingsOf(objects, 'CI1010');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value])).toEqual([
      ['default/DestinationRule/reviews', 'spec.host', 'reviews'],
      ['default/DestinationRule/reviews-lb', 'spec.host', 'reviews.default.svc.cluster.local'],
    ]);
    expect(findings[0].message).toBe("host 'reviews' is also covered by DestinationRule default/reviews-lb in namespace 'default'");
  });

  test('fails for three rules on one host', () => {
    // GIVEN
    const objects = [...bookinfo(), dr('ratings-2', { host: 'ratings' }), dr('ratings-3', { host: 'ratings.default' })];
    // WHEN
    const findings = findingsOf(objects, 'CI1010');
    // THEN
    expect(findings.map((f) => f.path)).toEqual(['default/DestinationRule/ratings', 'default/DestinationRule/ratings-2', 'default/DestinationRule/ratings-3']);
    expect(findings[0].message).toMatch(/default\/ratings-2, default\/ratings-3/);
  });
});
