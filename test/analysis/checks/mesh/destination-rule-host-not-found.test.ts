import { Severity } from '../../../../lib/analysis/finding';
import { bookinfo, dr, findingsOf, serviceEntry } from '../../fixtures';

describe('CI1015 DestinationRuleHostNotFound', () => {
  test('passes for Service hosts in every form, ServiceEntry hosts and wildcard hosts', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      serviceEntry('external', { hosts: ['*.example.com'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }], resolution: 'NONE' }),
      dr('api', { host: 'api.example.com', trafficPolicy: { tls: { mode: 'SIMPLE' } } }),
      dr('details-fqdn', { host: 'details.default.svc.cluster.local' }, 'frontend'),
      dr('mesh', { host: '*.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } }, 'istio-system'),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1015')).toEqual([]);
  });

  test('fails (warning) for a misspelled host', () => {
    // GIVEN
    const objects = [...bookinfo(), dr('raitings', { host: 'raitings' })];
    // WHEN
    const findings = findingsOf(objects, 'CI1015');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'default/DestinationRule/raitings', field: 'spec.host', value: 'raitings', severity: Severity.WARNING });
    expect(findings[0].message).toBe("host 'raitings' (raitings.default.svc.cluster.local) matches no Service or ServiceEntry in the app; services in namespace 'default': details, productpage, ratings, reviews");
  });

  test('fails for a short host in a namespace other than the Service', () => {
    // GIVEN: the short name is read in the DestinationRule's namespace
    const objects = [...bookinfo(), dr('reviews', { host: 'reviews' }, 'frontend')];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1015').map((f) => [f.path, f.field])).toEqual([['frontend/DestinationRule/reviews', 'spec.host']]);
  });
});
