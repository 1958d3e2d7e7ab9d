import { Severity } from '../../../../lib/analysis/finding';
import { findingsOf, httpGateway, obj, vs } from '../../fixtures';

const claimRoutes = (gateways: string[], ns = 'shop') => vs('admin', {
  hosts: ['admin.example.com'], gateways,
  http: [
    { match: [{ uri: { prefix: '/' }, headers: { '@request.auth.claims.groups': { exact: 'admin' } } }], route: [{ destination: { host: 'admin' } }] },
    { route: [{ destination: { host: 'admin' } }] },
  ],
}, ns);
const requestAuthentication = (name: string, ns: string, matchLabels?: Record<string, string>, extra: Record<string, any> = {}) =>
  obj('security.istio.io/v1', 'RequestAuthentication', name, ns, { spec: { ...(matchLabels ? { selector: { matchLabels } } : {}), jwtRules: [{ issuer: 'https://issuer.example.com' }], ...extra } });
const pod = (name: string, ns: string, labels: Record<string, string>) => obj('v1', 'Pod', name, ns, { spec: { containers: [{ name: 'istio-proxy', image: 'auto' }] } }, labels);

describe('CI1019 JwtClaimRoutingWithoutRequestAuthentication', () => {
  test('fails at a gateway whose workload (not in the app) no RequestAuthentication selects, as istioctl IST0149', () => {
    // GIVEN: the Gateway selects istio=ingressgateway, which is installed with Istio
    const objects = [httpGateway('public', ['admin.example.com'], 'shop'), claimRoutes(['public'])];
    // WHEN
    const findings = findingsOf(objects, 'CI1019');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value, f.severity])).toEqual([
      ['shop/VirtualService/admin', "spec.http[0].match[0].headers['@request.auth.claims.groups']", '@request.auth.claims.groups', Severity.ERROR],
    ]);
    expect(findings[0].message).toBe("routing on JWT claim '@request.auth.claims.groups' at gateway 'shop/public' needs a RequestAuthentication for the gateway workload (labels {istio=ingressgateway}, assumed in namespace 'istio-system' or 'shop'), and none applies to it: without a validated token the claim is absent and the match never holds");
  });

  test.each<[string, ReturnType<typeof requestAuthentication>]>([
    ['mesh-wide in istio-system', requestAuthentication('jwt', 'istio-system')],
    ['selecting the gateway in istio-system', requestAuthentication('jwt', 'istio-system', { istio: 'ingressgateway' })],
    ['namespace-wide in the Gateway\'s namespace', requestAuthentication('jwt', 'shop')],
  ])('passes with a RequestAuthentication %s', (_what, ra) => {
    // GIVEN
    const objects = [httpGateway('public', ['admin.example.com'], 'shop'), claimRoutes(['public']), ra];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1019')).toEqual([]);
  });

  test.each<[string, ReturnType<typeof requestAuthentication>]>([
    ['selecting other workloads', requestAuthentication('jwt', 'istio-system', { app: 'reviews' })],
    ['in another namespace', requestAuthentication('jwt', 'web')],
    ['targeting a Kubernetes Gateway', requestAuthentication('jwt', 'istio-system', undefined, { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'web' }] })],
  ])('fails with a RequestAuthentication %s', (_what, ra) => {
    // GIVEN
    const objects = [httpGateway('public', ['admin.example.com'], 'shop'), claimRoutes(['public']), ra];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1019')).toHaveLength(1);
  });

  test('judges the gateway pods the app holds: each needs a RequestAuthentication of its namespace or istio-system', () => {
    // GIVEN: two gateway pods, one in gw-a covered by a RequestAuthentication of gw-a, one in gw-b not covered
    const objects = [
      httpGateway('public', ['admin.example.com'], 'shop'), claimRoutes(['public']),
      pod('ingress-a', 'gw-a', { istio: 'ingressgateway' }), pod('ingress-b', 'gw-b', { istio: 'ingressgateway' }),
      requestAuthentication('jwt', 'gw-a', { istio: 'ingressgateway' }),
    ];
    // WHEN
    const findings = findingsOf(objects, 'CI1019');
    // THEN
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('needs a RequestAuthentication for the gateway pods of Pod gw-b/ingress-b, and none applies')]);
  });

  test('passes for VirtualServices without claim routing, and leaves the sidecars (CI0106) and missing gateways (CI1001) alone', () => {
    // GIVEN
    const objects = [
      httpGateway('public', ['admin.example.com'], 'shop'),
      vs('plain', { hosts: ['admin.example.com'], gateways: ['public'], http: [{ match: [{ headers: { 'x-user': { exact: 'a' } } }], route: [{ destination: { host: 'admin' } }] }] }, 'shop'),
      claimRoutes(['mesh', 'missing']),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1019')).toEqual([]);
  });
});
