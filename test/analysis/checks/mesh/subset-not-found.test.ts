import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { analyze, collectObjects } from '../../fixtures';
import { networking } from '../../../../lib/istio/private/l1';
import { bookinfo, dr, findingsOf, service, vs } from '../../fixtures';

const toReviewsShop = (subset: string) => ({ route: [{ destination: { host: 'reviews.shop.svc.cluster.local', subset } }] });
const reviewsShop = () => [service('reviews', { ns: 'shop' }), dr('reviews', { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] }, 'shop')];

describe('CI1003 SubsetNotFound', () => {
  test('passes when a DestinationRule (short or FQDN host) defines every routed subset', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      service('backend', { ns: 'prod' }),
      dr('backend', { host: 'backend.prod.svc.cluster.local', subsets: [{ name: 'blue', labels: { color: 'blue' } }] }, 'prod'),
      vs('backend', { hosts: ['backend.prod.svc.cluster.local'], http: [{ route: [{ destination: { host: 'backend.prod', subset: 'blue' } }] }] }),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1003')).toEqual([]);
  });

  test('fails for a subset no DestinationRule defines and lists the defined ones', () => {
    // GIVEN
    const objects = [...bookinfo(), vs('reviews-v4', { hosts: ['reviews'], gateways: ['bookinfo-gateway'], http: [{ route: [{ destination: { host: 'reviews', subset: 'v4' } }] }] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1003');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'default/VirtualService/reviews-v4', field: 'spec.http[0].route[0].destination.subset', value: 'v4' });
    expect(findings[0].message).toBe("subset 'v4' of host 'reviews' is not defined by any DestinationRule; defined: v1, v2, v3 (in default/reviews)");
  });

  test('fails for a subset of a host without any DestinationRule', () => {
    // GIVEN
    const objects = [...bookinfo(), service('backend'), vs('backend', { hosts: ['backend'], http: [{ route: [{ destination: { host: 'backend', subset: 'v1' } }] }] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1003');
    // THEN
    expect(findings.map((f) => f.field)).toEqual(['spec.http[0].route[0].destination.subset']);
    expect(findings[0].message).toMatch(/no DestinationRule in the app covers backend\.default\.svc\.cluster\.local/);
  });

  test('fails for a mirror subset and a weighted split subset', () => {
    // GIVEN
    const objects = replace2(bookinfo());
    // WHEN
    const findings = findingsOf(objects, 'CI1003');
    // THEN
    expect(findings.map((f) => [f.field, f.value])).toEqual([
      ['spec.http[0].mirror.subset', 'v9'],
      ['spec.http[0].route[1].destination.subset', 'V2'],
    ]);
  });

  test('passes for a subset of a rule the host\'s namespace exports to the VirtualService\'s namespace', () => {
    // GIVEN
    const objects = [...reviewsShop(), vs('front', { hosts: ['front'], http: [toReviewsShop('v2')] }, 'web')];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1003')).toEqual([]);
  });

  test('fails when the only rule that defines the subset is not exported to the VirtualService\'s namespace', () => {
    // GIVEN: the rule of shop is exported to shop only
    const objects = [
      service('reviews', { ns: 'shop' }),
      dr('reviews', { host: 'reviews', exportTo: ['.'], subsets: [{ name: 'v2', labels: { version: 'v2' } }] }, 'shop'),
      vs('front', { hosts: ['front'], http: [toReviewsShop('v2')] }, 'web'),
    ];
    // WHEN
    const findings = findingsOf(objects, 'CI1003');
    // THEN
    expect(findings.map((f) => [f.path, f.field])).toEqual([['web/VirtualService/front', 'spec.http[0].route[0].destination.subset']]);
    expect(findings[0].message).toBe("subset 'v2' of host 'reviews.shop.svc.cluster.local' is not defined by any DestinationRule that applies in namespace 'web'; DestinationRule shop/reviews defines it, but is exported to namespace shop only");
  });

  test('fails when a rule of the VirtualService\'s own namespace hides the rule of the host\'s namespace, as istiod picks rules', () => {
    // GIVEN: web has its own rule for reviews.shop (a client-side policy) without subsets
    const objects = [...reviewsShop(), dr('reviews-client', { host: 'reviews.shop.svc.cluster.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } }, 'web'), vs('front', { hosts: ['front'], http: [toReviewsShop('v2')] }, 'web')];
    // WHEN
    const findings = findingsOf(objects, 'CI1003');
    // THEN
    expect(findings.map((f) => f.value)).toEqual(['v2']);
    expect(findings[0].message).toBe("subset 'v2' of host 'reviews.shop.svc.cluster.local' is not defined by DestinationRule web/reviews-client, which Istio applies first in namespace 'web'; defined: none; DestinationRule shop/reviews defines it, but Istio uses the rules of namespace 'web' first");
    expect(findings[0].fix).toBe("add subset 'v2' to DestinationRule web/reviews-client, or route to one of the defined subsets");
  });

  test('fails for a subset its host\'s rule lacks, also when the app does not define the host (istioctl reports both)', () => {
    // GIVEN: no Service reviews, but a rule for it
    const objects = [dr('reviews', { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }), vs('reviews', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews', subset: 'bogus' } }] }] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1003').map((f) => f.value)).toEqual(['bogus']);
  });

  test('leaves hosts that the app defines nowhere and no rule covers to CI1002', () => {
    // GIVEN
    const objects = [vs('reviews', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviewz', subset: 'v1' } }] }] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1003')).toEqual([]);
    expect(findingsOf(objects, 'CI1002')).toHaveLength(1);
  });

  test('fails when built from cdk8s-plus Services and imported L1 rules in a chart', () => {
    // GIVEN
    const chart = Testing.chart();
    const reviews = new kplus.Service(chart, 'reviews', { metadata: { name: 'reviews' }, ports: [{ port: 9080, name: 'http' }] });
    new networking.DestinationRule(chart, 'reviews-dr', { metadata: { name: 'reviews' }, spec: { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }] } });
    new networking.VirtualService(chart, 'reviews-vs', { metadata: { name: 'reviews' }, spec: { hosts: [reviews.name], http: [{ route: [{ destination: { host: reviews.name, subset: 'v2' } }] }] } });
    // WHEN
    const findings = analyze(collectObjects(chart)).findings.filter((f) => f.code === 'CI1003');
    // THEN
    expect(findings.map((f) => [f.path, f.field])).toEqual([[`${chart.node.path}/reviews-vs`, 'spec.http[0].route[0].destination.subset']]);
    expect(findings[0].message).toMatch(/subset 'v2' of host 'reviews' is not defined by any DestinationRule; defined: v1/);
  });
});

function replace2(objects: ReturnType<typeof bookinfo>) {
  return objects.map((o) => (o.path !== 'default/VirtualService/reviews' ? o : vs('reviews', {
    hosts: ['reviews'],
    http: [{
      route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 50 }, { destination: { host: 'reviews', subset: 'V2' }, weight: 50 }],
      mirror: { host: 'reviews', subset: 'v9' },
    }],
  })));
}
