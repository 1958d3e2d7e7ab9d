import { Severity } from '../../../../lib/analysis/finding';
import { findingsOf, vs } from '../../fixtures';

const routes = { http: [{ route: [{ destination: { host: 'reviews' } }] }] };
const root = (delegate: Record<string, any>, ns = 'front') => vs('root', { hosts: ['shop.example.com'], gateways: ['istio-system/public'], http: [{ match: [{ uri: { prefix: '/reviews' } }], delegate }] }, ns);

describe('CI1020 DelegateNotFound', () => {
  test.each<[string, ReturnType<typeof vs>[]]>([
    ['a delegate in the same namespace', [root({ name: 'reviews' }), vs('reviews', routes, 'front')]],
    ['a delegate in another namespace, exported everywhere', [root({ name: 'reviews', namespace: 'shop' }), vs('reviews', routes, 'shop')]],
    ['a delegate exported to the root\'s namespace', [root({ name: 'reviews', namespace: 'shop' }), vs('reviews', { ...routes, exportTo: ['front'] }, 'shop')]],
  ])('passes for %s', (_what, objects) => {
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1020')).toEqual([]);
  });

  test('fails for a delegate that is not in the app', () => {
    // GIVEN
    const findings = findingsOf([root({ name: 'reviews', namespace: 'shop' })], 'CI1020');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value, f.severity])).toEqual([['front/VirtualService/root', 'spec.http[0].delegate.name', 'reviews', Severity.ERROR]]);
    expect(findings[0].message).toBe("route http[0] delegates to VirtualService 'shop/reviews', which is not in the app; istiod drops the route");
  });

  test('fails for a delegate that has hosts (it is a root VirtualService, not a delegate)', () => {
    // GIVEN
    const findings = findingsOf([root({ name: 'reviews' }), vs('reviews', { hosts: ['reviews'], ...routes }, 'front')], 'CI1020');
    // THEN
    expect(findings.map((f) => f.message)).toEqual(["route http[0] delegates to VirtualService 'front/reviews', which has hosts and so is no delegate; istiod drops the route"]);
  });

  test('fails for a delegate not exported to the root\'s namespace', () => {
    // GIVEN
    const findings = findingsOf([root({ name: 'reviews', namespace: 'shop' }), vs('reviews', { ...routes, exportTo: ['.'] }, 'shop')], 'CI1020');
    // THEN
    expect(findings.map((f) => [f.field, f.message, f.fix])).toEqual([[
      'spec.http[0].delegate',
      "route http[0] delegates to VirtualService 'shop/reviews', which is exported to namespace shop, not to namespace 'front'; istiod drops the route",
      "add 'front' to the spec.exportTo of VirtualService 'shop/reviews'",
    ]]);
  });

  test('leaves invalid names to CI0134, delegates of delegates alone, and declared external namespaces unjudged', () => {
    // GIVEN
    const objects = [
      root({ name: 'Reviews' }),
      vs('nested', { http: [{ delegate: { name: 'missing' } }] }, 'front'),
      vs('root2', { hosts: ['b.example.com'], http: [{ delegate: { name: 'reviews', namespace: 'team-b' } }] }, 'front'),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1020', { external: { namespaces: [{ name: 'team-b' }] } })).toEqual([]);
  });
});
