import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, deployment, findingsOf, namespace, obj } from '../../fixtures';

const policy = (name: string, source: Record<string, string[]>, ns = 'httpbin') => obj('security.istio.io/v1', 'AuthorizationPolicy', name, ns, {
  spec: { selector: { matchLabels: { app: 'httpbin' } }, rules: [{ from: [{ source: { principals: ['cluster.local/ns/default/sa/sleep'] } }, { source }] }] },
});
const app = (...more: AnalyzedObject[]) => [namespace('httpbin', { 'istio-injection': 'enabled' }), namespace('prod-httpbin'), deployment('httpbin', { app: 'httpbin' }, 'httpbin'), ...more];

// as istioctl's authz.AuthorizationPoliciesAnalyzer (testdata/authorizationpolicies.yaml)
describe('CI1090 AuthorizationNamespaceNotFound', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['a Namespace object, a prefix pattern and `*`', app(policy('p', { namespaces: ['httpbin', 'prod-*', '*'] }))],
    ['the namespace of another object of the app', app(deployment('sleep', { app: 'sleep' }, 'tools'), policy('p', { namespaces: ['tools'], notNamespaces: ['*-httpbin'] }))],
    ['the namespaces every cluster has', app(policy('p', { namespaces: ['istio-system', 'kube-system', 'default'] }))],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1090')).toEqual([]);
  });

  test('passes for a namespace declared external', () => {
    // GIVEN
    const objects = app(policy('p', { namespaces: ['frontend'] }));
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1090', { external: { namespaces: [{ name: 'frontend' }] } })).toEqual([]);
  });

  test('fails (warning) for names and patterns matching no known namespace, in namespaces and notNamespaces', () => {
    // GIVEN
    const objects = app(policy('bogus-ns', { namespaces: ['prod-*', '*-bogus', 'bogus-*', 'httpbin'] }), policy('bogus-not-ns', { notNamespaces: ['frontend'] }));
    // WHEN
    const findings = findingsOf(objects, 'CI1090');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value, f.severity])).toEqual([
      ['httpbin/AuthorizationPolicy/bogus-not-ns', 'spec.rules[0].from[1].source.notNamespaces[0]', 'frontend', Severity.WARNING],
      ['httpbin/AuthorizationPolicy/bogus-ns', 'spec.rules[0].from[1].source.namespaces[1]', '*-bogus', Severity.WARNING],
      ['httpbin/AuthorizationPolicy/bogus-ns', 'spec.rules[0].from[1].source.namespaces[2]', 'bogus-*', Severity.WARNING],
    ]);
    expect(findings[0].message).toBe("source namespace 'frontend' is none of the namespaces the app defines, uses or declares external; if it does not exist in the cluster, this exclusion excludes nothing");
    expect(findings[1].message).toBe("source namespace pattern '*-bogus' matches none of the namespaces the app defines, uses or declares external; if it does not exist in the cluster, this source never matches");
    expect(findings[1].fix).toMatch(/^correct the name in namespaces \(known namespaces: default, httpbin, istio-system, kube-node-lease, kube-public, kube-system, prod-httpbin\), or declare the namespace external/);
  });
});
