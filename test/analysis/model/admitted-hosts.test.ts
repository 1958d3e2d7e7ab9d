import { MeshModel } from '../../../lib/analysis/model/mesh-model';
import { gateway } from '../fixtures';

/** Gateway istio-system/public: one server per way of writing a host. */
function publicGateway() {
  return gateway('public', {
    selector: { istio: 'ingressgateway' },
    servers: [
      { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['shop.example.com', '*/api.example.com', 'team-a/admin.example.com'] },
      { port: { number: 8080, name: 'http-local', protocol: 'HTTP' }, hosts: ['./local.example.com', '~/none.example.com', '*.apps.example.com'] },
    ],
  }, 'istio-system');
}

describe('MeshModel.admittedHosts', () => {
  test.each<[string, string[]]>([
    ['team-a', ['shop.example.com', 'api.example.com', 'admin.example.com', '*.apps.example.com']],
    ['istio-system', ['shop.example.com', 'api.example.com', 'local.example.com', '*.apps.example.com']],
    ['team-b', ['shop.example.com', 'api.example.com', '*.apps.example.com']],
  ])('for a VirtualService in %s', (namespace, expected) => {
    // GIVEN
    const gw = publicGateway();
    const model = new MeshModel([gw]);
    // WHEN
    const admitted = model.admittedHosts(gw, namespace);
    // THEN
    expect(admitted.map((h) => h.host)).toEqual(expected);
  });

  test('keeps where each host is written and how', () => {
    // GIVEN
    const gw = publicGateway();
    // WHEN
    const admitted = new MeshModel([gw]).admittedHosts(gw, 'istio-system');
    // THEN
    expect(admitted[2]).toEqual({ namespace: 'istio-system', host: 'local.example.com', written: './local.example.com', field: 'spec.servers[1].hosts[0]', server: 1 });
  });

  test('ignores servers and hosts of the wrong type', () => {
    // GIVEN
    const gw = gateway('broken', { servers: [null, { hosts: 'x' }, { hosts: [42, 'ok.example.com'] }] });
    // WHEN / THEN
    expect(new MeshModel([gw]).admittedHosts(gw, 'default').map((h) => h.field)).toEqual(['spec.servers[2].hosts[1]']);
  });
});

describe('MeshModel.gatewayAdmits', () => {
  test.each<[string, string, boolean]>([
    ['shop.example.com', 'team-b', true],
    ['admin.example.com', 'team-a', true],
    ['admin.example.com', 'team-b', false],
    ['local.example.com', 'istio-system', true],
    ['local.example.com', 'team-a', false],
    ['none.example.com', 'istio-system', false],
    ['blog.apps.example.com', 'team-b', true],
    ['*.apps.example.com', 'team-b', true],
    ['*.example.com', 'team-b', true],
    ['apps.example.com', 'team-b', false],
    ['reviews', 'team-b', false],
  ])('host %s in namespace %s: %s', (host, namespace, expected) => {
    // GIVEN
    const gw = publicGateway();
    // WHEN / THEN
    expect(new MeshModel([gw]).gatewayAdmits(gw, namespace, host)).toBe(expected);
  });

  test('a short VirtualService host matches a server host by its FQDN', () => {
    // GIVEN
    const gw = gateway('internal', { servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*.svc.cluster.local'] }] });
    // WHEN / THEN
    expect(new MeshModel([gw]).gatewayAdmits(gw, 'shop', 'reviews')).toBe(true);
  });
});
