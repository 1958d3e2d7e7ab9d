import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, bookinfo, findingsOf, namespace, service, vs } from '../../fixtures';

const route = (name: string, host: string, ns = 'default') => vs(name, { hosts: [host], http: [{ route: [{ destination: { host } }] }] }, ns);

describe('CI1013 NamespaceNotInjected', () => {
  // as istioctl (testdata/injection.yaml): any injection label says how the namespace takes part
  test.each<[string, AnalyzedObject[]]>([
    ['istio-injection=enabled', [namespace('shop', { 'istio-injection': 'enabled' })]],
    ['istio-injection=disabled (out of the mesh on purpose), even with routes into it', [
      namespace('legacy', { 'istio-injection': 'disabled' }), service('billing', { ns: 'legacy' }), route('billing', 'billing.legacy.svc.cluster.local')]],
    ['istio.io/rev', [namespace('canary-test', { 'istio.io/rev': 'canary' })]],
    ['ambient', [namespace('ambient', { 'istio.io/dataplane-mode': 'ambient' })]],
    ['istio-system and the Kubernetes system namespaces', ['istio-system', 'kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'].map((n) => namespace(n))],
    ['a namespace without Namespace object (declared external or not)', [service('billing', { ns: 'payments' }), route('billing', 'billing.payments.svc.cluster.local')]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1013')).toEqual([]);
  });

  test('fails (warning) once for a Namespace without label, on the Namespace, naming the routes into it', () => {
    // GIVEN two routes into legacy, and an unlabelled namespace nothing routes to
    const objects = [...bookinfo(), namespace('legacy', { team: 'billing' }), service('billing', { ns: 'legacy' }), namespace('bar'),
      route('billing', 'billing.legacy.svc.cluster.local'), route('billing-again', 'billing.legacy.svc.cluster.local', 'other')];
    // WHEN
    const findings = findingsOf(objects, 'CI1013');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([['Namespace/bar', 'metadata.labels', Severity.WARNING], ['Namespace/legacy', 'metadata.labels', Severity.WARNING]]);
    expect(findings[0]).toMatchObject({ counterpart: 'IST0102 NamespaceNotInjected' });
    expect(findings[0].message).toBe("namespace 'bar' is not enabled for Istio: no istio-injection, istio.io/rev or istio.io/dataplane-mode=ambient label, so its pods get no sidecar");
    expect(findings[1].message).toBe("namespace 'legacy' is not enabled for Istio: no istio-injection, istio.io/rev or istio.io/dataplane-mode=ambient label, so its pods get no sidecar; "
      + "VirtualService 'default/billing' (to Service 'legacy/billing'), 'other/billing-again' (to Service 'legacy/billing') route to pods without a sidecar");
    expect(findings[1].fix).toBe("label Namespace 'legacy' with istio-injection: enabled (or istio.io/rev: <revision>, or istio.io/dataplane-mode: ambient), or with istio-injection: disabled to keep it out of the mesh on purpose");
  });
});
