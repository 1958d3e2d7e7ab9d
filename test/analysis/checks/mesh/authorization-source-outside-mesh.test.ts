import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, deployment, findingsOf, namespace, obj } from '../../fixtures';

const policy = (source: Record<string, string[]>, action = 'ALLOW') => obj('security.istio.io/v1', 'AuthorizationPolicy', 'orders', 'shop', {
  spec: { action, selector: { matchLabels: { app: 'orders' } }, rules: [{ from: [{ source }] }] },
});
const withAccount = (o: AnalyzedObject, sa: string, podLabels: Record<string, string> = {}) => {
  o.manifest.spec.template.spec.serviceAccountName = sa;
  Object.assign(o.manifest.spec.template.metadata.labels, podLabels);
  return o;
};
const shop = (...more: AnalyzedObject[]) => [namespace('shop', { 'istio-injection': 'enabled' }), deployment('orders', { app: 'orders' }, 'shop'), ...more];

// issue 8, user report 3: sources of a namespace without sidecars carry no mTLS identity
describe('CI1091 AuthorizationSourceOutsideMesh', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['sources of an injected namespace', shop(namespace('batch', { 'istio-injection': 'enabled' }), policy({ principals: ['cluster.local/ns/batch/sa/runner'], namespaces: ['batch'] }))],
    ['sources of an ambient namespace', shop(namespace('batch', { 'istio.io/dataplane-mode': 'ambient' }), policy({ namespaces: ['batch'] }))],
    ['a namespace the app knows nothing about', shop(policy({ principals: ['cluster.local/ns/batch/sa/runner'], namespaces: ['batch'] }))],
    ['a workload that opts in to injection in an unlabelled namespace', shop(namespace('legacy'), withAccount(deployment('batch', { app: 'batch' }, 'legacy'), 'batch', { 'sidecar.istio.io/inject': 'true' }),
      policy({ principals: ['cluster.local/ns/legacy/sa/batch'], namespaces: ['legacy'] }))],
    ['istio-system (gateways run with their own proxy)', shop(namespace('istio-system'), policy({ principals: ['cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account'] }))],
    ['wildcards', shop(namespace('legacy'), policy({ principals: ['cluster.local/ns/legacy/sa/*'], namespaces: ['leg*'] }))],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1091')).toEqual([]);
  });

  test('fails (warning) for a principal and a namespace of a namespace without injection', () => {
    // GIVEN
    const objects = shop(namespace('legacy'), policy({ principals: ['cluster.local/ns/legacy/sa/batch'], namespaces: ['legacy'] }));
    // WHEN
    const findings = findingsOf(objects, 'CI1091');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value, f.severity])).toEqual([
      ['shop/AuthorizationPolicy/orders', 'spec.rules[0].from[0].source.namespaces[0]', 'legacy', Severity.WARNING],
      ['shop/AuthorizationPolicy/orders', 'spec.rules[0].from[0].source.principals[0]', 'cluster.local/ns/legacy/sa/batch', Severity.WARNING],
    ]);
    expect(findings[1].message).toBe("source principal 'cluster.local/ns/legacy/sa/batch' never matches: namespace 'legacy' is not in the mesh and none of its workloads runs with a proxy, so its requests carry no mTLS identity; this source allows nothing");
    expect(findings[1].fix).toBe("bring namespace 'legacy' into the mesh (Namespace label istio-injection=enabled, or istio.io/dataplane-mode=ambient) so that its workloads get an identity, or match these callers by source.ipBlocks instead");
  });

  test('fails for a DENY policy, saying it denies nothing, and for a namespace declared external and unmeshed', () => {
    // GIVEN
    const objects = shop(policy({ namespaces: ['legacy'] }, 'DENY'));
    // WHEN
    const findings = findingsOf(objects, 'CI1091', { external: { namespaces: [{ name: 'legacy', meshed: false }] } });
    // THEN
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/this DENY policy does not deny its requests$/)]);
  });

  test('fails for a principal whose workloads stay out of the mesh while others of the namespace opt in', () => {
    // GIVEN
    const objects = shop(namespace('legacy'),
      withAccount(deployment('cron', { app: 'cron' }, 'legacy'), 'cron', { 'sidecar.istio.io/inject': 'true' }),
      withAccount(deployment('batch', { app: 'batch' }, 'legacy'), 'batch'),
      policy({ principals: ['cluster.local/ns/legacy/sa/batch', 'cluster.local/ns/legacy/sa/cron'], namespaces: ['legacy'] }));
    // WHEN
    const findings = findingsOf(objects, 'CI1091');
    // THEN
    expect(findings.map((f) => f.value)).toEqual(['cluster.local/ns/legacy/sa/batch']);
    expect(findings[0].message).toMatch(/no workload of namespace 'legacy' that runs as service account 'batch' \(Deployment batch\) runs with a proxy/);
  });
});
