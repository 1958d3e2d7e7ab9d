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
});
