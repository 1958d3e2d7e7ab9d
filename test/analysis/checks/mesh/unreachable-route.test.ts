import { Severity } from '../../../../lib/analysis/finding';
import { bookinfo, findingsOf, vs } from '../../fixtures';

const to = (subset: string) => ({ route: [{ destination: { host: 'reviews', subset } }] });

describe('CI1008 UnreachableRoute', () => {
  test('passes when the catch-all route is last and for prefix matches other than /', () => {
    // GIVEN
    const objects = [...bookinfo(), vs('reviews-2', { hosts: ['reviews.default.svc.cluster.local'], gateways: ['bookinfo-gateway'], http: [
      { match: [{ uri: { prefix: '/api' } }], ...to('v2') },
      { match: [{ uri: { prefix: '/' }, headers: { 'end-user': { exact: 'jason' } } }], ...to('v3') },
      to('v1'),
    ] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1008')).toEqual([]);
  });

  test('fails (warning) for every route after a route without match', () => {
    // GIVEN
    const objects = bookinfo().map((o) => (o.path !== 'default/VirtualService/reviews' ? o : vs('reviews', { hosts: ['reviews'], http: [
      to('v1'),
      { name: 'jason', match: [{ headers: { 'end-user': { exact: 'jason' } } }], ...to('v2') },
      { match: [{ uri: { prefix: '/v3' } }], ...to('v3') },
    ] })));
    // WHEN
    const findings = findingsOf(objects, 'CI1008');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([
      ['default/VirtualService/reviews', 'spec.http[1]', Severity.WARNING],
      ['default/VirtualService/reviews', 'spec.http[2]', Severity.WARNING],
    ]);
    expect(findings[0].message).toBe("http route 'jason' (http[1]) can never match: route http[0] before it matches every request");
    expect(findings[0].value).toBe('jason');
  });

  test("fails after a route matching prefix '/' only", () => {
    // GIVEN
    const objects = [...bookinfo(), vs('details', { hosts: ['details'], http: [
      { match: [{ uri: { prefix: '/' } }], route: [{ destination: { host: 'details' } }] },
      { match: [{ uri: { prefix: '/health' } }], route: [{ destination: { host: 'details' } }] },
    ] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1008').map((f) => f.field)).toEqual(['spec.http[1]']);
  });

  test("fails after a route with regex '.*' as one of its OR'ed matches", () => {
    // GIVEN
    const objects = [...bookinfo(), vs('details', { hosts: ['details'], http: [
      { name: 'all', match: [{ uri: { exact: '/a' } }, { name: 'rest', uri: { regex: '.*' } }], route: [{ destination: { host: 'details' } }] },
      { match: [{ uri: { exact: '/b' } }], route: [{ destination: { host: 'details' } }] },
    ] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1008');
    // THEN
    expect(findings.map((f) => f.field)).toEqual(['spec.http[1]']);
    expect(findings[0].message).toMatch(/route 'all' \(http\[0\]\) before it matches every request/);
  });

  test('becomes an error with warningsAsErrors', () => {
    // GIVEN
    const objects = [...bookinfo(), vs('details', { hosts: ['details'], http: [{ route: [{ destination: { host: 'details' } }] }, { route: [{ destination: { host: 'details' } }] }] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1008', { warningsAsErrors: true });
    // THEN
    expect(findings.map((f) => f.severity)).toEqual([Severity.ERROR]);
  });
});
