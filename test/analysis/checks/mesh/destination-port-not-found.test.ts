import { bookinfo, findingsOf, service, vs } from '../../fixtures';

describe('CI1005 DestinationPortNotFound', () => {
  test('passes for a port of the Service and for hosts outside the app', () => {
    // GIVEN
    const objects = [...bookinfo(), vs('details', { hosts: ['details'], http: [{ route: [{ destination: { host: 'details', port: { number: 9080 } } }] }] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1005')).toEqual([]);
  });

  test('fails for a container port instead of the Service port', () => {
    // GIVEN
    const objects = [...bookinfo(), service('web', { ports: [{ name: 'http', port: 80 }] }),
      vs('web', { hosts: ['web'], http: [{ route: [{ destination: { host: 'web', port: { number: 8080 } } }] }] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1005');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'default/VirtualService/web', field: 'spec.http[0].route[0].destination.port.number', value: 8080 });
    expect(findings[0].message).toBe("port 8080 is not a port of Service 'default/web'; ports: 80 (http)");
  });

  test('fails for a wrong port in the second destination of a split and in a TCP route', () => {
    // GIVEN
    const objects = [...bookinfo(), vs('reviews-split', {
      hosts: ['reviews.default.svc.cluster.local'],
      http: [{ route: [
        { destination: { host: 'reviews', subset: 'v1', port: { number: 9080 } }, weight: 90 },
        { destination: { host: 'reviews', subset: 'v2', port: { number: 9081 } }, weight: 10 },
      ] }],
      tcp: [{ route: [{ destination: { host: 'ratings', port: { number: 3306 } } }] }],
    })];
    // WHEN
    const findings = findingsOf(objects, 'CI1005');
    // THEN
    expect(findings.map((f) => [f.field, f.value])).toEqual([
      ['spec.http[0].route[1].destination.port.number', 9081],
      ['spec.tcp[0].route[0].destination.port.number', 3306],
    ]);
  });
});
