import { DestinationRuleSource, MeshModel } from '../../../lib/analysis/model/mesh-model';
import { dr, service } from '../fixtures';

const FQDN = 'reviews.shop.svc.cluster.local';

/** The names (`ns/name`) of the rules istiod applies to reviews.shop for proxies of `proxy`, and where they come from. */
function applied(objects: ReturnType<typeof dr>[], proxy: string) {
  const choice = new MeshModel([service('reviews', { ns: 'shop' }), ...objects]).destinationRulesApplied(FQDN, proxy, 'shop');
  return choice && { rules: choice.rules.map((r) => r.qualifiedName), source: choice.source };
}

describe('MeshModel.destinationRulesApplied (as istiod picks DestinationRules)', () => {
  test('the rule of the host\'s namespace, seen from another namespace', () => {
    // GIVEN / WHEN / THEN
    expect(applied([dr('reviews', { host: 'reviews' }, 'shop')], 'web')).toEqual({ rules: ['shop/reviews'], source: DestinationRuleSource.SERVICE_NAMESPACE });
  });

  test('a rule in the proxy\'s own namespace comes first and hides the host namespace\'s rule', () => {
    // GIVEN
    const rules = [dr('reviews', { host: 'reviews' }, 'shop'), dr('reviews-client', { host: FQDN }, 'web')];
    // WHEN / THEN
    expect(applied(rules, 'web')).toEqual({ rules: ['web/reviews-client'], source: DestinationRuleSource.PROXY_NAMESPACE });
    expect(applied(rules, 'shop')).toEqual({ rules: ['shop/reviews'], source: DestinationRuleSource.PROXY_NAMESPACE });
  });

  test('exportTo: a rule exported to its own namespace only is not seen elsewhere; the root namespace\'s exported rule is next', () => {
    // GIVEN
    const rules = [dr('reviews', { host: 'reviews', exportTo: ['.'] }, 'shop'), dr('mesh-default', { host: '*.local' }, 'istio-system')];
    // WHEN / THEN
    expect(applied(rules, 'web')).toEqual({ rules: ['istio-system/mesh-default'], source: DestinationRuleSource.ROOT_NAMESPACE });
    expect(applied(rules, 'shop')?.rules).toEqual(['shop/reviews']);
  });

  test('exportTo naming namespaces: only those see it', () => {
    // GIVEN
    const rules = [dr('reviews', { host: 'reviews', exportTo: ['web'] }, 'shop')];
    // WHEN / THEN
    expect(applied(rules, 'web')?.rules).toEqual(['shop/reviews']);
    expect(applied(rules, 'api')).toBeUndefined();
  });

  test('the most specific host of a namespace wins, and rules of that host merge', () => {
    // GIVEN
    const rules = [
      dr('all', { host: '*.svc.cluster.local' }, 'shop'),
      dr('shop-wide', { host: '*.shop.svc.cluster.local' }, 'shop'),
      dr('reviews-a', { host: 'reviews' }, 'shop'),
      dr('reviews-b', { host: FQDN }, 'shop'),
    ];
    // WHEN / THEN
    expect(applied(rules, 'shop')?.rules).toEqual(['shop/reviews-a', 'shop/reviews-b']);
    expect(applied(rules.slice(0, 2), 'shop')?.rules).toEqual(['shop/shop-wide']);
  });

  test('a rule with a workloadSelector applies only in its own namespace', () => {
    // GIVEN
    const rules = [dr('reviews', { host: 'reviews', workloadSelector: { matchLabels: { app: 'front' } } }, 'shop')];
    // WHEN / THEN
    expect(applied(rules, 'shop')?.rules).toEqual(['shop/reviews']);
    expect(applied(rules, 'web')).toBeUndefined();
  });
});
