import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, bookinfo, findingsOf, obj, service, serviceEntry, vs } from '../../fixtures';

const sidecar = (name: string, ns: string, hosts: string[], labels?: Record<string, string>) =>
  obj('networking.istio.io/v1', 'Sidecar', name, ns, { spec: { ...(labels ? { workloadSelector: { labels } } : {}), egress: [{ hosts }] } });

describe('CI1071 SidecarEgressHostNotFound', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['hosts of Services, ServiceEntries (exact or wildcard) and VirtualServices', [
      ...bookinfo(), serviceEntry('partners', { hosts: ['*.partners.example.com'] }, 'egress'), serviceEntry('api', { hosts: ['api.example.com'] }, 'egress'),
      vs('virtual', { hosts: ['virtual.example.com'], http: [{ route: [{ destination: { host: 'reviews.default.svc.cluster.local' } }] }] }, 'front'),
      sidecar('s', 'default', ['./reviews.default.svc.cluster.local', 'egress/api.example.com', 'egress/eu.partners.example.com', '*/api.example.com', 'front/virtual.example.com']),
    ]],
    ['wildcards, ~ and entries Istio rejects (CI0511)', [...bookinfo(), sidecar('s', 'default', ['./*', '*/*.example.com', '~/*', 'api.example.com', './reviews'])]],
    ['namespaces the input does not define, or declares external, and external hosts', [...bookinfo(),
      sidecar('s', 'default', ['istio-system/istiod.istio-system.svc.cluster.local', 'legacy/billing.legacy.svc.cluster.local', '*/api.outside.example.com'])]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1071', { external: { namespaces: [{ name: 'legacy' }], hosts: ['*.outside.example.com'] } })).toEqual([]);
  });

  test('fails (warning) for a host no Service of its namespace has, or that another namespace has', () => {
    // GIVEN
    const objects = [...bookinfo(), service('ledger', { ns: 'finance' }),
      sidecar('s', 'default', ['./payments.default.svc.cluster.local', 'finance/reviews.default.svc.cluster.local', '*/ledger.example.com', 'finance/ledger.finance.svc.cluster.local'])];
    // WHEN
    const findings = findingsOf(objects, 'CI1071');
    // THEN
    expect(findings.map((f) => [f.field, f.severity])).toEqual([['spec.egress[0].hosts[0]', Severity.WARNING], ['spec.egress[0].hosts[1]', Severity.WARNING], ['spec.egress[0].hosts[2]', Severity.WARNING]]);
    expect(findings[0].message).toBe("egress host './payments.default.svc.cluster.local' imports nothing: no Service, ServiceEntry or VirtualService of namespace 'default' "
      + "has host 'payments.default.svc.cluster.local'; Services there: productpage.default.svc.cluster.local, details.default.svc.cluster.local, ratings.default.svc.cluster.local, reviews.default.svc.cluster.local");
    expect(findings[2].message).toBe("egress host '*/ledger.example.com' imports nothing: no Service, ServiceEntry or VirtualService of any namespace has host 'ledger.example.com'");
  });
});
