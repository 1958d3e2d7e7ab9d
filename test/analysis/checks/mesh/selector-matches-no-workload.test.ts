import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, deployment, findingsOf, namespace, obj } from '../../fixtures';

const NET = 'networking.istio.io/v1';
const SEC = 'security.istio.io/v1';
const sidecar = (name: string, ns: string, labels?: Record<string, string>) => obj(NET, 'Sidecar', name, ns, { spec: { ...(labels ? { workloadSelector: { labels } } : {}), egress: [{ hosts: ['./*'] }] } });
const policy = (kind: string, name: string, ns: string, labels?: Record<string, string>, extra: Record<string, unknown> = {}) =>
  obj(SEC, kind, name, ns, { spec: { ...(labels ? { selector: { matchLabels: labels } } : {}), ...extra } });
const mesh = () => [
  namespace('httpbin', { 'istio-injection': 'enabled' }), deployment('httpbin', { app: 'httpbin', version: 'v1' }, 'httpbin'),
  namespace('plain'), deployment('legacy', { app: 'legacy' }, 'plain'),
];

describe('CI1067 SelectorMatchesNoWorkload', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['selectors that select workloads', [...mesh(), sidecar('s', 'httpbin', { app: 'httpbin' }), policy('AuthorizationPolicy', 'ap', 'httpbin', { app: 'httpbin', version: 'v1' }),
      policy('PeerAuthentication', 'pa', 'httpbin', { app: 'httpbin' }), policy('RequestAuthentication', 'ra', 'httpbin', { version: 'v1' })]],
    ['a root namespace AuthorizationPolicy selecting pods of another namespace', [...mesh(), policy('AuthorizationPolicy', 'meshwide-httpbin', 'istio-system', { app: 'httpbin' })]],
    ['policies without selector in namespaces with workloads, or in the root namespace', [...mesh(), policy('AuthorizationPolicy', 'ns-wide', 'httpbin'), policy('AuthorizationPolicy', 'mesh-wide', 'istio-system'),
      policy('PeerAuthentication', 'empty-ns', 'nowhere'), sidecar('default', 'nowhere')]],
    ['a Sidecar selecting a workload out of the mesh (istioctl counts every pod for Sidecars)', [...mesh(), sidecar('legacy', 'plain', { app: 'legacy' })]],
    ['policies attached by targetRefs', [...mesh(), policy('AuthorizationPolicy', 'gw', 'httpbin', undefined, { targetRefs: [{ kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'gw' }] })]],
    ['a selector with a label Istio rejects (CI0024)', [...mesh(), policy('AuthorizationPolicy', 'wild', 'httpbin', { app: 'httpbin-*' })]],
    ['a namespace declared external', [policy('AuthorizationPolicy', 'ap', 'legacy', { app: 'billing' })]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1067', { external: { namespaces: [{ name: 'legacy' }] } })).toEqual([]);
  });

  // as istioctl (testdata/sidecar-selector.yaml): an error for Sidecars
  test('fails (error) for a Sidecar whose selector selects nothing in its namespace', () => {
    // GIVEN
    const objects = [...mesh(), sidecar('maps-to-nonexistent', 'httpbin', { app: 'bogus' }), sidecar('maps-to-different-ns', 'other', { app: 'httpbin' })];
    // WHEN
    const findings = findingsOf(objects, 'CI1067');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([
      ['httpbin/Sidecar/maps-to-nonexistent', 'spec.workloadSelector.labels', Severity.ERROR],
      ['other/Sidecar/maps-to-different-ns', 'spec.workloadSelector.labels', Severity.ERROR],
    ]);
    expect(findings[0].message).toBe("Sidecar 'httpbin/maps-to-nonexistent' selector app=bogus selects no workload in namespace 'httpbin'; workloads: Deployment httpbin {app=httpbin, version=v1}");
    expect(findings[1].message).toMatch(/in namespace 'other'; there are none$/);
  });

  // as istioctl (testdata/authorizationpolicies.yaml): warnings for AuthorizationPolicies
  test('fails (warning) for AuthorizationPolicies over no workload in the mesh', () => {
    // GIVEN
    const objects = [...mesh(), namespace('httpbin-empty', { 'istio-injection': 'enabled' }),
      policy('AuthorizationPolicy', 'meshwide-httpbin-v1', 'istio-system', { app: 'httpbin', version: 'bogus-version' }),
      policy('AuthorizationPolicy', 'httpbin-empty-namespace-wide', 'httpbin-empty'),
      policy('AuthorizationPolicy', 'httpbin-nopods', 'httpbin', { app: 'bogus-label', version: 'v1' }),
      policy('AuthorizationPolicy', 'legacy', 'plain', { app: 'legacy' })];
    // WHEN
    const findings = findingsOf(objects, 'CI1067');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([
      ['httpbin-empty/AuthorizationPolicy/httpbin-empty-namespace-wide', 'spec', Severity.WARNING],
      ['httpbin/AuthorizationPolicy/httpbin-nopods', 'spec.selector.matchLabels', Severity.WARNING],
      ['istio-system/AuthorizationPolicy/meshwide-httpbin-v1', 'spec.selector.matchLabels', Severity.WARNING],
      ['plain/AuthorizationPolicy/legacy', 'spec.selector.matchLabels', Severity.WARNING],
    ]);
    expect(findings[0].message).toBe("AuthorizationPolicy 'httpbin-empty/httpbin-empty-namespace-wide' applies to every workload of namespace 'httpbin-empty', which has none in the mesh");
    expect(findings[2].message).toBe("AuthorizationPolicy 'istio-system/meshwide-httpbin-v1' selector app=httpbin,version=bogus-version selects no workload in the mesh in any namespace; "
      + 'workloads: Deployment httpbin {app=httpbin, version=v1}');
    expect(findings[3].message).toMatch(/selects no workload in the mesh in namespace 'plain'; there are none$/);
  });

  test('fails (warning) for a PeerAuthentication and a RequestAuthentication selecting nothing, and a PeerAuthentication selector in the root namespace', () => {
    // GIVEN
    const objects = [...mesh(), policy('PeerAuthentication', 'pa', 'httpbin', { app: 'httpbin', version: 'v2' }), policy('RequestAuthentication', 'ra', 'httpbin', { app: 'jwt' }),
      policy('PeerAuthentication', 'root-pa', 'istio-system', { app: 'httpbin' })];
    // WHEN
    const findings = findingsOf(objects, 'CI1067');
    // THEN
    expect(findings.map((f) => [f.path, f.severity])).toEqual([
      ['httpbin/PeerAuthentication/pa', Severity.WARNING], ['httpbin/RequestAuthentication/ra', Severity.WARNING], ['istio-system/PeerAuthentication/root-pa', Severity.WARNING],
    ]);
    expect(findings[2].message).toBe("PeerAuthentication 'istio-system/root-pa' has a selector in the root namespace 'istio-system', where Istio ignores workload-level policies: it applies to no workload");
  });
});
