import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, deployment, findingsOf, namespace, obj } from '../../fixtures';

const policy = (source: Record<string, string[]>) => obj('security.istio.io/v1', 'AuthorizationPolicy', 'orders', 'shop', {
  spec: { selector: { matchLabels: { app: 'orders' } }, rules: [{ from: [{ source }] }] },
});
const serviceAccount = (name: string, ns: string) => obj('v1', 'ServiceAccount', name, ns, {});
const runningAs = (o: AnalyzedObject, sa: string) => {
  o.manifest.spec.template.spec.serviceAccountName = sa;
  return o;
};
const app = (...more: AnalyzedObject[]) => [
  namespace('shop', { 'istio-injection': 'enabled' }), namespace('batch', { 'istio-injection': 'enabled' }), deployment('orders', { app: 'orders' }, 'shop'), ...more,
];

describe('CI1092 PrincipalServiceAccountNotFound', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['a ServiceAccount object', app(serviceAccount('runner', 'batch'), policy({ principals: ['cluster.local/ns/batch/sa/runner'] }))],
    ['the service account a workload runs as', app(runningAs(deployment('runner', { app: 'runner' }, 'batch'), 'runner'), policy({ principals: ['cluster.local/ns/batch/sa/runner'] }))],
    ['the default service account', app(policy({ principals: ['cluster.local/ns/batch/sa/default'] }))],
    ['a namespace the app does not own', app(policy({ principals: ['cluster.local/ns/other/sa/runner'] }))],
    ['a wildcard', app(policy({ principals: ['cluster.local/ns/batch/sa/*', '*'] }))],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1092')).toEqual([]);
  });

  test('passes for a namespace declared external, even with its Namespace object', () => {
    // GIVEN
    const objects = app(policy({ principals: ['cluster.local/ns/batch/sa/runner'] }));
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1092', { external: { namespaces: [{ name: 'batch' }] } })).toEqual([]);
  });

  test('fails (warning) for a service account the app does not define in a namespace it owns', () => {
    // GIVEN
    const objects = app(serviceAccount('cron', 'batch'), policy({ principals: ['cluster.local/ns/batch/sa/runner'], notPrincipals: ['cluster.local/ns/shop/sa/ghost'] }));
    // WHEN
    const findings = findingsOf(objects, 'CI1092');
    // THEN
    expect(findings.map((f) => [f.field, f.value, f.severity])).toEqual([
      ['spec.rules[0].from[0].source.notPrincipals[0]', 'cluster.local/ns/shop/sa/ghost', Severity.WARNING],
      ['spec.rules[0].from[0].source.principals[0]', 'cluster.local/ns/batch/sa/runner', Severity.WARNING],
    ]);
    expect(findings[1].message).toBe("source principal 'cluster.local/ns/batch/sa/runner' names service account 'runner', which namespace 'batch' does not define: no ServiceAccount of that name, and no workload runs as it (service accounts there: cron, default)");
    expect(findings[1].fix).toBe("correct the service account in the principal, or add the ServiceAccount 'batch/runner' and run the calling workloads as it (spec.serviceAccountName of their pod template)");
  });
});
