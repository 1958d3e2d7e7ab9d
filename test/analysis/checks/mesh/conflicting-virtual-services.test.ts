import { Severity } from '../../../../lib/analysis/finding';
import { bookinfo, findingsOf, httpGateway, vs } from '../../fixtures';

const route = (host: string) => ({ route: [{ destination: { host } }] });

describe('CI1007 ConflictingVirtualServices', () => {
  test('passes for the same short host in two namespaces and the same host on different gateways', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      vs('reviews', { hosts: ['reviews'], http: [route('reviews')] }, 'staging'),
      httpGateway('public', ['reviews.example.com']),
      vs('reviews-public', { hosts: ['reviews.example.com'], gateways: ['public'], http: [route('reviews')] }),
      vs('reviews-mesh', { hosts: ['reviews.example.com'], http: [route('reviews')] }),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1007')).toEqual([]);
  });

  test('fails on both VirtualServices that claim one host for the mesh (short and FQDN forms)', () => {
    // GIVEN
    const objects = [...bookinfo(), vs('reviews-canary', { hosts: ['reviews.default.svc.cluster.local'], http: [route('reviews')] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1007');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value])).toEqual([
      ['default/VirtualService/reviews', 'spec.hosts[0]', 'reviews'],
      ['default/VirtualService/reviews-canary', 'spec.hosts[0]', 'reviews.default.svc.cluster.local'],
    ]);
    expect(findings[0].message).toBe("host 'reviews' for the sidecars (mesh) is also claimed by VirtualService default/reviews-canary; Istio uses only one of them");
    expect(findings.map((f) => f.severity)).toEqual([Severity.ERROR, Severity.ERROR]);
  });

  test('fails (warning) for two VirtualServices on the same gateway with the same host: Istio merges them in creation order', () => {
    // GIVEN: `bookinfo-gateway` and `default/bookinfo-gateway` are the same gateway
    const objects = [...bookinfo(), vs('bookinfo-admin', { hosts: ['*'], gateways: ['default/bookinfo-gateway'], http: [route('details')] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1007');
    // THEN
    expect(findings.map((f) => f.path)).toEqual(['default/VirtualService/bookinfo', 'default/VirtualService/bookinfo-admin']);
    expect(findings[1].message).toMatch(/on gateway 'default\/bookinfo-gateway' is also claimed by VirtualService default\/bookinfo; Istio merges their routes/);
    expect(findings.map((f) => f.severity)).toEqual([Severity.WARNING, Severity.WARNING]);
  });

  test('passes for two VirtualServices of one host that no namespace sees together (exportTo)', () => {
    // GIVEN: the same FQDN claimed in a and b, each exported to its own namespace only
    const objects = [
      vs('reviews', { hosts: ['reviews'], exportTo: ['.'], http: [route('reviews')] }, 'a'),
      vs('reviews', { hosts: ['reviews.a.svc.cluster.local'], exportTo: ['.'], http: [route('reviews.a.svc.cluster.local')] }, 'b'),
      vs('ratings', { hosts: ['ratings.a.svc.cluster.local'], exportTo: ['c'], http: [route('ratings.a.svc.cluster.local')] }, 'b'),
      vs('ratings', { hosts: ['ratings.a.svc.cluster.local'], exportTo: ['d'], http: [route('ratings.a.svc.cluster.local')] }, 'a'),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1007')).toEqual([]);
  });

  test('fails where one namespace sees both: one exported to it, the other everywhere', () => {
    // GIVEN
    const objects = [
      vs('reviews', { hosts: ['reviews'], exportTo: ['c'], http: [route('reviews')] }, 'a'),
      vs('reviews', { hosts: ['reviews.a.svc.cluster.local'], http: [route('reviews.a.svc.cluster.local')] }, 'b'),
    ];
    // WHEN
    const findings = findingsOf(objects, 'CI1007');
    // THEN
    expect(findings.map((f) => [f.path, f.severity])).toEqual([['a/VirtualService/reviews', Severity.ERROR], ['b/VirtualService/reviews', Severity.ERROR]]);
    expect(findings[0].message).toBe("host 'reviews' for the sidecars (mesh) is also claimed by VirtualService b/reviews (both are visible in namespace 'c'); Istio uses only one of them");
  });

  test('fails (warning) for overlapping wildcards for the sidecars, as istioctl IST0109 (*.d and *.productpage.d)', () => {
    // GIVEN
    const objects = [
      vs('productpage-d', { hosts: ['*.productpage.d'], exportTo: ['.'], http: [route('productpage')] }, 'foo'),
      vs('productpage-d', { hosts: ['*.d'], http: [route('productpage')] }, 'bar'),
      vs('other', { hosts: ['*.e'], http: [route('productpage')] }, 'bar'),
    ];
    // WHEN
    const findings = findingsOf(objects, 'CI1007');
    // THEN
    expect(findings.map((f) => [f.path, f.value, f.severity])).toEqual([
      ['bar/VirtualService/productpage-d', '*.d', Severity.WARNING],
      ['foo/VirtualService/productpage-d', '*.productpage.d', Severity.WARNING],
    ]);
    expect(findings[1].message).toBe("host '*.productpage.d' for the sidecars (mesh) overlaps the host of VirtualService bar/productpage-d ('*.d'); for the names both cover, Istio applies only the VirtualService of the most specific host, so the other one's routes never apply to them");
  });

  test('passes on a gateway that does not admit the host for one of them (no routes to merge: CI1006 reports it)', () => {
    // GIVEN: the gateway admits reviews.example.com for namespace default only
    const objects = [
      httpGateway('public', ['default/reviews.example.com'], 'istio-system'),
      vs('reviews-public', { hosts: ['reviews.example.com'], gateways: ['istio-system/public'], http: [route('reviews')] }),
      vs('reviews-public', { hosts: ['reviews.example.com'], gateways: ['istio-system/public'], http: [route('reviews')] }, 'staging'),
      vs('missing-gateway', { hosts: ['reviews.example.com'], gateways: ['nowhere'], http: [route('reviews')] }),
      vs('missing-gateway-2', { hosts: ['reviews.example.com'], gateways: ['nowhere'], http: [route('reviews')] }),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1007')).toEqual([]);
  });
});
