import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, findingsOf, httpGateway, namespace, obj, service, serviceEntry, vs } from '../../fixtures';

const policy = (hosts: string[]) => obj('security.istio.io/v1', 'AuthorizationPolicy', 'orders', 'shop', {
  spec: { rules: [{ to: [{ operation: { hosts } }] }] },
});
const shop = (...more: AnalyzedObject[]) => [namespace('shop', { 'istio-injection': 'enabled' }), service('orders', { ns: 'shop' }), service('ratings', { ns: 'ratings' }), ...more];

describe('CI1094 AuthorizationHostNotFound', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['Services as clients write them, with ports', shop(policy(['orders', 'orders:9080', 'ratings.ratings', 'ratings.ratings.svc', 'Orders.shop.svc.cluster.local']))],
    ['a ServiceEntry host', shop(serviceEntry('api', { hosts: ['api.example.com'], location: 'MESH_EXTERNAL', ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }], resolution: 'DNS' }, 'shop'), policy(['api.example.com']))],
    ['a VirtualService host and a Gateway wildcard', shop(vs('front', { hosts: ['shop.example.com'], gateways: ['public'], http: [{ route: [{ destination: { host: 'orders' } }] }] }, 'shop'),
      httpGateway('public', ['*.example.org', 'shop.example.com'], 'shop'), policy(['shop.example.com', 'www.example.org']))],
    ['wildcards', shop(policy(['*.example.com', 'example.*', '*']))],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1094')).toEqual([]);
  });

  test('passes for a host declared external', () => {
    // GIVEN
    const objects = shop(policy(['api.partner.com', 'billing.finance']));
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1094', { external: { hosts: ['*.partner.com'], namespaces: [{ name: 'finance' }] } })).toEqual([]);
  });

  test('fails (warning) for a host nothing serves', () => {
    // GIVEN: 'ratings' is in namespace ratings, so the short name in shop names nothing
    const objects = shop(policy(['missing.hostname', 'ratings']));
    // WHEN
    const findings = findingsOf(objects, 'CI1094');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value, f.severity])).toEqual([
      ['shop/AuthorizationPolicy/orders', 'spec.rules[0].to[0].operation.hosts[0]', 'missing.hostname', Severity.WARNING],
      ['shop/AuthorizationPolicy/orders', 'spec.rules[0].to[0].operation.hosts[1]', 'ratings', Severity.WARNING],
    ]);
    expect(findings[0].message).toBe("operation host 'missing.hostname' is served by no Service, ServiceEntry, VirtualService or Gateway of the app, nor declared external; requests never carry it, so this operation never matches");
  });
});
