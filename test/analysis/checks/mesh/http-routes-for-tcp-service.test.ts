import { Severity } from '../../../../lib/analysis/finding';
import { bookinfo, findingsOf, service, serviceEntry, vs } from '../../fixtures';

const http = [{ route: [{ destination: { host: 'db' } }], timeout: '5s' }];

describe('CI1021 HttpRoutesForTcpService', () => {
  test('fails (warning) for HTTP routes to a Service whose ports are all TCP-like', () => {
    // GIVEN
    const objects = [service('db', { ports: [{ name: 'tcp-pg', port: 5432 }, { name: 'mongo', port: 27017 }] }), vs('db', { hosts: ['db'], http })];
    // WHEN
    const findings = findingsOf(objects, 'CI1021');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value, f.severity])).toEqual([['default/VirtualService/db', 'spec.hosts[0]', 'db', Severity.WARNING]]);
    expect(findings[0].message).toBe("host 'db' is Service 'default/db', whose ports are all non-HTTP (5432 (tcp-pg): TCP, 27017 (mongo): Mongo); Istio applies HTTP routes only to HTTP ports, so spec.http never applies to this host");
  });

  test.each<[string, Array<{ port: number; name?: string; appProtocol?: string }>]>([
    ['an HTTP port', [{ name: 'tcp', port: 1 }, { name: 'http-web', port: 80 }]],
    ['a port Istio sniffs (no protocol in its name)', [{ name: 'tcp', port: 1 }, { name: 'web', port: 80 }]],
    ['an HTTP appProtocol', [{ name: 'tcp', port: 1, appProtocol: 'http' }]],
  ])('passes for a Service with %s', (_what, ports) => {
    // GIVEN
    const objects = [service('db', { ports }), vs('db', { hosts: ['db'], http })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1021')).toEqual([]);
  });

  test('passes for TCP routes, gateway VirtualServices and the Bookinfo app', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      service('db', { ports: [{ name: 'tcp', port: 5432 }] }),
      vs('db', { hosts: ['db'], tcp: [{ route: [{ destination: { host: 'db' } }] }] }),
      vs('db-public', { hosts: ['db'], gateways: ['bookinfo-gateway'], http }),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1021')).toEqual([]);
  });

  test('fails for a ServiceEntry host whose ports are TLS and HTTPS', () => {
    // GIVEN
    const objects = [
      serviceEntry('api', { hosts: ['api.example.com'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }, { number: 8443, name: 'tls', protocol: 'TLS' }], resolution: 'DNS' }),
      vs('api', { hosts: ['api.example.com'], http: [{ route: [{ destination: { host: 'api.example.com', port: { number: 443 } } }] }] }),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1021').map((f) => f.message)).toEqual([expect.stringContaining("is ServiceEntry 'default/api', whose ports are all non-HTTP (443 (https): HTTPS, 8443 (tls): TLS)")]);
  });
});
