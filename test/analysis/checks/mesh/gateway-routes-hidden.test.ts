import { Severity } from '../../../../lib/analysis/finding';
import { findingsOf, gateway, httpGateway, vs } from '../../fixtures';

const to = (host: string) => ({ route: [{ destination: { host } }] });
const prefix = (p: string, host = 'web') => ({ match: [{ uri: { prefix: p } }], ...to(host) });
/** Gateway shop/shared-gateway serving `*`, and `status-routes` for shop.example.com (prefix /status). */
const shop = (statusRoutes: unknown[] = [prefix('/status', 'status')]) => [
  httpGateway('shared-gateway', ['*'], 'shop'),
  vs('status-routes', { hosts: ['shop.example.com'], gateways: ['shared-gateway'], http: statusRoutes }, 'shop'),
];

describe('CI1023 GatewayRoutesHidden', () => {
  test('fails (warning) on the * VirtualService whose /legacy route the exact host hides (a 404 for shop.example.com/legacy)', () => {
    // GIVEN
    const objects = [...shop(), vs('legacy-routes', { hosts: ['*'], gateways: ['shared-gateway'], http: [prefix('/legacy', 'legacy')] }, 'shop')];
    // WHEN
    const findings = findingsOf(objects, 'CI1023');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value, f.severity])).toEqual([['shop/VirtualService/legacy-routes', 'spec.hosts[0]', '*', Severity.WARNING]]);
    expect(findings[0].message).toBe("on gateway 'shop/shared-gateway', requests for 'shop.example.com' never reach this VirtualService: VirtualService shop/status-routes claims that host, so the gateway routes it by that VirtualService's routes only, and none matches shop.example.com/legacy (route http[0] here); such requests get a 404");
    expect(findings[0].fix).toBe("add the routes for 'shop.example.com' to VirtualService shop/status-routes (or a catch-all route that forwards the rest), or serve 'shop.example.com' from this VirtualService only");
  });

  test('lists every hidden route of a wildcard host, catch-all ones included', () => {
    // GIVEN
    const objects = [...shop(), vs('apps', { hosts: ['*.example.com'], gateways: ['shared-gateway'], http: [prefix('/status/v2'), prefix('/a'), { match: [{ uri: { exact: '/b' } }], ...to('web') }, to('web')] }, 'shop')];
    // WHEN
    const findings = findingsOf(objects, 'CI1023');
    // THEN: /status/v2 is covered by status-routes' /status
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining("none matches shop.example.com/a, shop.example.com/b, shop.example.com (any path shop/status-routes does not route) (routes http[1], http[2], http[3] here)")]);
  });

  test.each<[string, unknown[]]>([
    ['the specific VirtualService has a catch-all route', [prefix('/status', 'status'), to('web')]],
    ['its routes cover every route of the wildcard one', [prefix('/', 'status')]],
  ])('passes when %s', (_why, statusRoutes) => {
    // GIVEN
    const objects = [...shop(statusRoutes), vs('legacy-routes', { hosts: ['*'], gateways: ['shared-gateway'], http: [prefix('/legacy', 'legacy')] }, 'shop')];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1023')).toEqual([]);
  });

  test('passes when the hosts are on different gateways, on different ports of one gateway, or one VirtualService claims both', () => {
    // GIVEN
    const objects = [
      ...shop(),
      httpGateway('other-gateway', ['*'], 'shop'),
      vs('legacy-routes', { hosts: ['*'], gateways: ['other-gateway'], http: [prefix('/legacy')] }, 'shop'),
      gateway('split', { selector: { istio: 'ingressgateway' }, servers: [
        { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['shop/*'] },
        { port: { number: 8080, name: 'http-admin', protocol: 'HTTP' }, hosts: ['web/admin.example.com'] },
      ] }, 'shop'),
      // admin.example.com is admitted for namespace web on port 8080 only, the * of shop on port 80 only
      vs('admin', { hosts: ['admin.example.com'], gateways: ['shop/split'], http: [prefix('/admin')] }, 'web'),
      vs('fallback', { hosts: ['*'], gateways: ['split'], http: [prefix('/legacy')] }, 'shop'),
      httpGateway('third-gateway', ['*'], 'shop'),
      vs('both', { hosts: ['*', 'both.example.com'], gateways: ['third-gateway'], http: [prefix('/x')] }, 'shop'),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1023')).toEqual([]);
  });

  test('passes when the gateway does not admit the specific host for its VirtualService\'s namespace', () => {
    // GIVEN: the gateway admits only VirtualServices of namespace shop
    const objects = [
      httpGateway('shared-gateway', ['shop/*'], 'shop'),
      vs('status-routes', { hosts: ['shop.example.com'], gateways: ['shop/shared-gateway'], http: [prefix('/status')] }, 'web'),
      vs('legacy-routes', { hosts: ['*'], gateways: ['shared-gateway'], http: [prefix('/legacy')] }, 'shop'),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1023')).toEqual([]);
  });
});
