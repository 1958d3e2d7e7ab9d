import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, bookinfo, findingsOf, gateway, httpGateway, vs } from '../../fixtures';

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
      vs('shop', { hosts: ['shop.example.com'], gateways: ['istio-system/public'], http: [route] }),
      vs('api', { hosts: ['api.example.com'], gateways: ['istio-system/public'], http: [route] }),
      vs('admin', { hosts: ['admin.example.com'], gateways: ['istio-system/public'], http: [route] }),
      vs('blog', { hosts: ['blog.apps.example.com'], gateways: ['istio-system/public'], http: [route] }),
      vs('local', { hosts: ['local.example.com'], gateways: ['local'], http: [route] }),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1006')).toEqual([]);
  });

  test('passes when each gateway admits one of the hosts (hosts split between gateways)', () => {
    // GIVEN hosts a.example.com on gateway a and b.example.com on gateway b, in one VirtualService
    const objects = [...bookinfo(), httpGateway('a', ['a.example.com']), httpGateway('b', ['b.example.com']),
      vs('split', { hosts: ['a.example.com', 'b.example.com'], gateways: ['a', 'b'], http: [route] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1006')).toEqual([]);
  });

  test('fails once per gateway that admits none of the hosts, naming what it admits', () => {
    // GIVEN
    const objects = [...bookinfo(), httpGateway('shop', ['shop.example.com']),
      vs('www', { hosts: ['www.example.com', 'web.example.com'], gateways: ['shop'], http: [route] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1006');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      path: 'default/VirtualService/www', field: 'spec.gateways[0]', value: 'shop', severity: Severity.WARNING,
      counterpart: 'IST0132 VirtualServiceHostNotFoundInGateway',
    });
    expect(findings[0].message).toBe("gateway 'default/shop' admits none of the hosts 'www.example.com', 'web.example.com' for namespace 'default', so these routes never apply there; it admits shop.example.com");
    expect(findings[0].fix).toMatch(/^add one of the hosts to a server of gateway 'default\/shop' \(spec\.servers\[\]\.hosts/);
  });

  test.each<[string, AnalyzedObject]>([
    ['a server restricted to another namespace', httpGateway('shop', ['team-a/shop.example.com'], 'istio-system')],
    ["'./host' on a gateway in another namespace", httpGateway('shop', ['./shop.example.com'], 'istio-system')],
    ["'~/host' (no namespace)", httpGateway('shop', ['~/shop.example.com'], 'istio-system')],
  ])('fails for %s, and says which hosts are not for this namespace', (_name, gw) => {
    // GIVEN
    const objects = [...bookinfo(), gw, vs('shop', { hosts: ['shop.example.com'], gateways: ['istio-system/shop'], http: [route] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1006');
    // THEN
    expect(findings.map((f) => [f.path, f.field])).toEqual([['default/VirtualService/shop', 'spec.gateways[0]']]);
    expect(findings[0].message).toMatch(/it admits none \(not for this namespace: .*shop\.example\.com\)$/);
  });

  test('fails for a host outside a wildcard server host, only on that gateway', () => {
    // GIVEN
    const objects = [...bookinfo(), httpGateway('apps', ['*.apps.example.com']),
      vs('shop', { hosts: ['apps.example.com'], gateways: ['mesh', 'apps'], http: [route] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1006').map((f) => [f.field, f.value])).toEqual([['spec.gateways[1]', 'apps']]);
  });

  test('fails for a gateway without servers', () => {
    // GIVEN
    const objects = [...bookinfo(), gateway('empty', { selector: { istio: 'ingressgateway' } }),
      vs('shop', { hosts: ['*'], gateways: ['empty'], http: [route] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1006').map((f) => f.message)).toEqual([expect.stringMatching(/it admits none$/)]);
  });

  test('leaves missing and external gateways to CI1001', () => {
    // GIVEN
    const objects = [...bookinfo(),
      vs('missing', { hosts: ['shop.example.com'], gateways: ['nowhere'], http: [route] }),
      vs('outside', { hosts: ['shop.example.com'], gateways: ['istio-system/ingressgateway'], http: [route] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1006', { external: { gateways: ['istio-system/ingressgateway'] } })).toEqual([]);
  });
});
