import { bookinfo, findingsOf, gateway, httpGateway, vs } from '../../fixtures';

const route = { route: [{ destination: { host: 'productpage.default.svc.cluster.local' } }] };

describe('CI1006 GatewayHostNotServed', () => {
  test('passes for exact, wildcard, */host, ns/host and ./host server hosts', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      gateway('public', {
        selector: { istio: 'ingressgateway' },
        servers: [
          { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['shop.example.com', '*/api.example.com', 'default/admin.example.com'] },
          { port: { number: 8080, name: 'http-wild', protocol: 'HTTP' }, hosts: ['*.apps.example.com'] },
        ],
      }, 'istio-system'),
      httpGateway('local', ['./local.example.com']),
      vs('shop', {
        hosts: ['shop.example.com', 'api.example.com', 'admin.example.com', 'blog.apps.example.com'],
        gateways: ['istio-system/public'],
        http: [route],
      }),
      vs('local', { hosts: ['local.example.com'], gateways: ['local'], http: [route] }),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1006')).toEqual([]);
  });

  test('fails for a host the gateway does not serve and lists the gateway hosts', () => {
    // GIVEN
    const objects = [...bookinfo(), httpGateway('shop', ['shop.example.com']),
      vs('shop', { hosts: ['shop.example.com', 'www.example.com'], gateways: ['shop'], http: [route] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1006');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'default/VirtualService/shop', field: 'spec.hosts[1]', value: 'www.example.com', counterpart: 'IST0132 VirtualServiceHostNotFoundInGateway' });
    expect(findings[0].message).toBe("host 'www.example.com' is not served by gateway 'default/shop' for namespace 'default'; gateway hosts: shop.example.com");
  });

  test('fails for a server restricted to another namespace', () => {
    // GIVEN
    const objects = [...bookinfo(), httpGateway('shop', ['team-a/shop.example.com'], 'istio-system'),
      vs('shop', { hosts: ['shop.example.com'], gateways: ['istio-system/shop'], http: [route] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1006');
    // THEN
    expect(findings.map((f) => [f.path, f.field])).toEqual([['default/VirtualService/shop', 'spec.hosts[0]']]);
    expect(findings[0].message).toMatch(/gateway hosts: team-a\/shop\.example\.com/);
  });

  test("fails for './host' on a gateway in another namespace", () => {
    // GIVEN
    const objects = [...bookinfo(), httpGateway('shop', ['./shop.example.com'], 'istio-system'),
      vs('shop', { hosts: ['shop.example.com'], gateways: ['istio-system/shop'], http: [route] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1006').map((f) => f.field)).toEqual(['spec.hosts[0]']);
  });

  test('fails for a host outside a wildcard server host', () => {
    // GIVEN
    const objects = [...bookinfo(), httpGateway('apps', ['*.apps.example.com']),
      vs('shop', { hosts: ['apps.example.com'], gateways: ['apps', 'mesh'], http: [route] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1006').map((f) => [f.field, f.value])).toEqual([['spec.hosts[0]', 'apps.example.com']]);
  });
});
