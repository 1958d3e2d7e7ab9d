import { Severity } from '../../../../lib/analysis/finding';
import { deployment, findingsOf, obj } from '../../fixtures';

const sidecar = (name: string, ns: string, labels?: Record<string, string>) => obj('networking.istio.io/v1', 'Sidecar', name, ns, { spec: { ...(labels ? { workloadSelector: { labels } } : {}), egress: [{ hosts: ['./*'] }] } });
const pod = (name: string, ns: string, labels: Record<string, string>) => obj('v1', 'Pod', name, ns, { metadata: { name, namespace: ns, labels }, spec: { containers: [{ name: 'app', image: 'a' }] } });

// as istioctl's sidecar.SelectorAnalyzer (testdata/sidecar-selector.yaml)
describe('CI1069 ConflictingSidecarSelectors', () => {
  const pods = () => [pod('productpage', 'default', { app: 'productpage' }), pod('reviews', 'default', { app: 'reviews' }), pod('ratings', 'default', { app: 'ratings-app', myapp: 'ratings-myapp' })];

  test('passes for Sidecars selecting different workloads, and for the namespace default next to them', () => {
    const objects = [...pods(), sidecar('maps-correctly-no-conflicts', 'default', { app: 'productpage' }), sidecar('reviews', 'default', { app: 'reviews' }), sidecar('default', 'default')];
    expect(findingsOf(objects, 'CI1069')).toEqual([]);
  });

  test('fails (error) for Sidecars with the same selector, or overlapping ones, on each', () => {
    // GIVEN
    const objects = [...pods(), sidecar('dupe-1', 'default', { app: 'reviews' }), sidecar('dupe-2', 'default', { app: 'reviews' }),
      sidecar('overlap-1', 'default', { app: 'ratings-app' }), sidecar('overlap-2', 'default', { myapp: 'ratings-myapp' })];
    // WHEN
    const findings = findingsOf(objects, 'CI1069');
    // THEN
    expect(findings.map((f) => [f.path, f.severity])).toEqual(['dupe-1', 'dupe-2', 'overlap-1', 'overlap-2'].map((n) => [`default/Sidecar/${n}`, Severity.ERROR]));
    expect(findings[0].message).toBe("Sidecar 'default/dupe-1' and Sidecar 'default/dupe-2' select the same workloads (Pod reviews): Istio applies one of them, which one is undefined");
  });

  test('fails for every workload kind: two Sidecars of one Deployment', () => {
    const objects = [deployment('web-v1', { app: 'web', version: 'v1' }), sidecar('web', 'default', { app: 'web' }), sidecar('web-v1', 'default', { version: 'v1' })];
    expect(findingsOf(objects, 'CI1069').map((f) => f.message)).toEqual([
      "Sidecar 'default/web' and Sidecar 'default/web-v1' select the same workloads (Deployment web-v1): Istio applies one of them, which one is undefined",
      "Sidecar 'default/web-v1' and Sidecar 'default/web' select the same workloads (Deployment web-v1): Istio applies one of them, which one is undefined",
    ]);
  });
});
