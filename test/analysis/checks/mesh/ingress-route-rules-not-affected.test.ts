import { Severity } from '../../../../lib/analysis/finding';
import { bookinfo, deployment, dr, findingsOf, httpGateway, replace, service, vs } from '../../fixtures';

/** The Bookinfo ingress routing /productpage to `destination`. */
const ingress = (destination: Record<string, any>, gateways = ['bookinfo-gateway']) => vs('bookinfo', {
  hosts: ['*'], gateways, http: [{ match: [{ uri: { prefix: '/reviews' } }], route: [{ destination }] }],
});

describe('CI1018 IngressRouteRulesNotAffected', () => {
  test('passes for the Bookinfo ingress: no sidecar VirtualService routes productpage by subset', () => {
    // GIVEN / WHEN / THEN
    expect(findingsOf(bookinfo(), 'CI1018')).toEqual([]);
  });

  test('fails (warning) for a gateway route without subset to reviews, which a sidecar VirtualService splits by subset', () => {
    // GIVEN
    const objects = replace(bookinfo(), 'default/VirtualService/bookinfo', ingress({ host: 'reviews', port: { number: 9080 } }));
    // WHEN
    const findings = findingsOf(objects, 'CI1018');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value, f.severity])).toEqual([
      ['default/VirtualService/bookinfo', 'spec.http[0].route[0].destination.host', 'reviews', Severity.WARNING],
    ]);
    expect(findings[0].message).toBe("requests from gateway 'default/bookinfo-gateway' to 'reviews' go to every version of it: the subset routing of VirtualService default/reviews (subsets v1, v2) applies to sidecars only, not to traffic this gateway forwards");
    expect(findings[0].fix).toBe('choose the subset in this route (destination.subset, with weights for a split), as VirtualService default/reviews does for the sidecars');
  });

  test.each<[string, Record<string, any>, string[]]>([
    ['the gateway route names a subset', { host: 'reviews', subset: 'v1' }, ['bookinfo-gateway']],
    ['the VirtualService applies to the sidecars only', { host: 'reviews' }, ['mesh']],
    ['the destination is another host', { host: 'details' }, ['bookinfo-gateway']],
  ])('passes when %s', (_why, destination, gateways) => {
    // GIVEN
    const objects = replace(bookinfo(), 'default/VirtualService/bookinfo', ingress(destination, gateways));
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1018')).toEqual([]);
  });

  test('passes when every routed subset selects every pod of the Service (one version deployed), unlike istioctl', () => {
    // GIVEN: productpage has one version, and a sidecar VirtualService routes it to v1
    const objects = [...bookinfo(), vs('productpage', { hosts: ['productpage'], http: [{ route: [{ destination: { host: 'productpage', subset: 'v1' } }] }] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1018')).toEqual([]);
  });

  test('fails when the Service\'s pods are not in the app (the versions are unknown), as istioctl', () => {
    // GIVEN
    const objects = [
      service('ratings', { ns: 'web' }), dr('ratings', { host: 'ratings', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }, 'web'),
      vs('ratings', { hosts: ['ratings'], http: [{ route: [{ destination: { host: 'ratings', subset: 'v1' } }] }] }, 'web'),
      httpGateway('public', ['ratings.example.com'], 'web'),
      vs('public', { hosts: ['ratings.example.com'], gateways: ['public'], http: [{ route: [{ destination: { host: 'ratings.web.svc.cluster.local' } }] }] }, 'web'),
      deployment('unrelated', { app: 'other' }, 'web'),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1018').map((f) => f.path)).toEqual(['web/VirtualService/public']);
  });
});
