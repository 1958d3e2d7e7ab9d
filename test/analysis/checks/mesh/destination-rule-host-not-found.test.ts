import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, bookinfo, dr, findingsOf, obj, service, serviceEntry } from '../../fixtures';

describe('CI1015 DestinationRuleHostNotFound', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['Service hosts in every form, ServiceEntry hosts and wildcards that cover services', [
      ...bookinfo(),
      serviceEntry('external', { hosts: ['*.example.com'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }], resolution: 'NONE' }),
      dr('api', { host: 'api.example.com', trafficPolicy: { tls: { mode: 'SIMPLE' } } }),
      dr('details-fqdn', { host: 'details.default.svc.cluster.local' }, 'frontend'),
      dr('mesh', { host: '*.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } }, 'istio-system'),
      dr('namespace', { host: '*.default.svc.cluster.local' }),
      dr('partners', { host: '*.eu.example.com' }),
    ]],
    ['a host declared external', [dr('ledger', { host: 'ledger.legacy.svc.cluster.local' })]],
    ['a host with a wildcard in the middle (rejected by Istio: CI0201)', [dr('odd', { host: 'api.*.example.com' })]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1015', { external: { namespaces: [{ name: 'legacy' }] } })).toEqual([]);
  });

  test('fails (warning) for a misspelled host', () => {
    // GIVEN
    const objects = [...bookinfo(), dr('raitings', { host: 'raitings' })];
    // WHEN
    const findings = findingsOf(objects, 'CI1015');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'default/DestinationRule/raitings', field: 'spec.host', value: 'raitings', severity: Severity.WARNING, counterpart: 'IST0174 UnknownDestinationRuleHost / KIA0202' });
    expect(findings[0].message).toBe("host 'raitings' (raitings.default.svc.cluster.local) matches no Service or ServiceEntry in the app; services in namespace 'default': details, productpage, ratings, reviews");
  });

  test.each<[string, AnalyzedObject[], string]>([
    ['a short host in a namespace other than the Service', [...bookinfo(), dr('reviews', { host: 'reviews' }, 'frontend')], 'frontend/DestinationRule/reviews'],
    // Istio expands only names without a dot (issue 8, input 1)
    ['a name.namespace host', [service('inventory', { ns: 'stock' }), dr('inventory', { host: 'inventory.stock.svc' }, 'web')], 'web/DestinationRule/inventory'],
    // as istioctl (testdata/destinationrule-with-fake-host.yaml)
    ['a host no Service has', [dr('fake-host', { host: 'fake-svc.default.svc.cluster.local' })], 'default/DestinationRule/fake-host'],
  ])('fails for %s', (_name, objects, path) => {
    expect(findingsOf(objects, 'CI1015').map((f) => [f.path, f.field])).toEqual([[path, 'spec.host']]);
  });

  test('fails for a host whose Service is not exported to the rule\'s namespace, saying so', () => {
    // GIVEN
    const hidden = obj('v1', 'Service', 'vault', 'secrets', { metadata: { name: 'vault', namespace: 'secrets', annotations: { 'networking.istio.io/exportTo': '.' } }, spec: { selector: { app: 'vault' }, ports: [{ name: 'http', port: 80 }] } });
    // WHEN
    const [finding] = findingsOf([hidden, dr('vault', { host: 'vault.secrets.svc.cluster.local' }, 'web')], 'CI1015');
    // THEN
    expect(finding.message).toBe("host 'vault.secrets.svc.cluster.local' (vault.secrets.svc.cluster.local) matches no Service or ServiceEntry in the app; Service 'secrets/vault' has it but is not exported to namespace 'web'");
    expect(finding.fix).toMatch(/^export the Service or ServiceEntry to namespace 'web'/);
  });

  test('fails for a wildcard host that covers nothing', () => {
    // GIVEN
    const objects = [...bookinfo(), dr('payments', { host: '*.payments.svc.cluster.local' })];
    // WHEN
    const findings = findingsOf(objects, 'CI1015');
    // THEN
    expect(findings.map((f) => [f.path, f.field])).toEqual([['default/DestinationRule/payments', 'spec.host']]);
    expect(findings[0].message).toMatch(/^wildcard host '\*.payments.svc.cluster.local' covers no Service or ServiceEntry visible in namespace 'default', so the rule applies to nothing/);
  });
});
