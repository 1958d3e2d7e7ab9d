import { Severity } from '../../../../lib/analysis/finding';
import { bookinfo, findingsOf, namespace, service, vs } from '../../fixtures';

describe('CI1013 DestinationNotInjected', () => {
  test('passes for destinations in injected namespaces and in namespaces not in the app', () => {
    // GIVEN
    const objects = [...bookinfo(), service('billing', { ns: 'payments' }),
      vs('billing', { hosts: ['billing.payments.svc.cluster.local'], http: [{ route: [{ destination: { host: 'billing.payments.svc.cluster.local' } }] }] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1013')).toEqual([]);
  });

  test('fails (warning) for a route to a Service in a namespace without injection label', () => {
    // GIVEN
    const objects = [...bookinfo(), namespace('legacy'), service('billing', { ns: 'legacy' }),
      vs('billing', { hosts: ['billing.legacy.svc.cluster.local'], http: [{ route: [{ destination: { host: 'billing.legacy.svc.cluster.local' } }] }] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1013');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'default/VirtualService/billing', field: 'spec.http[0].route[0].destination.host', severity: Severity.WARNING, counterpart: 'IST0102 NamespaceNotInjected' });
    expect(findings[0].message).toBe("destination Service 'legacy/billing' is in namespace 'legacy', which is not in the mesh (no istio-injection=enabled, istio.io/rev or istio.io/dataplane-mode=ambient label)");
  });

  test('fails for a namespace with istio-injection=disabled', () => {
    // GIVEN
    const objects = [namespace('legacy', { 'istio-injection': 'disabled', 'istio.io/rev': 'stable' }), service('billing', { ns: 'legacy' }),
      vs('billing', { hosts: ['billing'], http: [{ route: [{ destination: { host: 'billing' } }] }] }, 'legacy')];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1013').map((f) => [f.path, f.field])).toEqual([['legacy/VirtualService/billing', 'spec.http[0].route[0].destination.host']]);
  });
});
