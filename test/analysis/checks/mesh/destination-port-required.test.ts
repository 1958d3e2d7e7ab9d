import { bookinfo, findingsOf, service, vs } from '../../fixtures';

const twoPorts = () => service('web', { ports: [{ name: 'http', port: 80 }, { name: 'grpc', port: 9090 }] });

describe('CI1004 DestinationPortRequired', () => {
  test('passes for a single-port Service without port and a multi-port Service with port', () => {
    // GIVEN
    const objects = [...bookinfo(), twoPorts(), vs('web', { hosts: ['web'], http: [{ route: [{ destination: { host: 'web', port: { number: 80 } } }] }] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1004')).toEqual([]);
  });

  test('fails for a route to a multi-port Service without a port', () => {
    // GIVEN
    const objects = [...bookinfo(), twoPorts(), vs('web', { hosts: ['web'], http: [{ route: [{ destination: { host: 'web' } }] }] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1004');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'default/VirtualService/web', field: 'spec.http[0].route[0].destination.port', value: undefined, counterpart: 'IST0112 VirtualServiceDestinationPortSelectorRequired' });
    expect(findings[0].message).toBe("destination 'web' has no port while Service 'default/web' has 2 ports: 80 (http), 9090 (grpc)");
    expect(findings[0].fix).toBe('set the destination port to one of 80, 9090');
  });

  test('fails for a mirror to a multi-port Service in another namespace without a port', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      service('web', { ns: 'front', ports: [{ name: 'http', port: 80 }, { name: 'http-admin', port: 8080 }] }),
      vs('details', { hosts: ['details'], http: [{ route: [{ destination: { host: 'details' } }], mirror: { host: 'web.front.svc.cluster.local' } }] }),
    ];
    // WHEN
    const findings = findingsOf(objects, 'CI1004');
    // THEN
    expect(findings.map((f) => [f.path, f.field])).toEqual([['default/VirtualService/details', 'spec.http[0].mirror.port']]);
  });
});
