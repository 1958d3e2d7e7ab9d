import { Severity } from '../../../../lib/analysis/finding';
import { bookinfo, deployment, findingsOf, namespace } from '../../fixtures';

describe('CI1012 MissingAppVersionLabels', () => {
  test('passes for app/version labels, their app.kubernetes.io equivalents, unmeshed namespaces and opted-out pods', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      deployment('k8s-style', { 'app.kubernetes.io/name': 'shop', 'app.kubernetes.io/version': '1.2' }),
      deployment('opted-out', { 'run': 'batch', 'sidecar.istio.io/inject': 'false' }),
      namespace('legacy'),
      deployment('old', { run: 'old' }, 'legacy'),
      deployment('nowhere', { run: 'x' }, 'not-in-app'),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1012')).toEqual([]);
  });

  test('fails (warning) for a Deployment without version in an istio-injection=enabled namespace', () => {
    // GIVEN
    const objects = [...bookinfo(), deployment('details-v2', { app: 'details' })];
    // WHEN
    const findings = findingsOf(objects, 'CI1012');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'default/Deployment/details-v2', field: 'spec.template.metadata.labels', severity: Severity.WARNING });
    expect(findings[0].message).toBe("Deployment 'details-v2' in the mesh (namespace 'default') has no 'version' pod label");
  });

  test('fails for a StatefulSet without app and version in an istio.io/rev namespace', () => {
    // GIVEN
    const objects = [namespace('data', { 'istio.io/rev': 'canary' }), deployment('cache', { role: 'cache' }, 'data', 'StatefulSet')];
    // WHEN
    const findings = findingsOf(objects, 'CI1012');
    // THEN
    expect(findings.map((f) => [f.path, f.field])).toEqual([['data/StatefulSet/cache', 'spec.template.metadata.labels']]);
    expect(findings[0].message).toMatch(/has no 'app' or 'version' pod label/);
    expect(findings[0].fix).toBe('add app: cache and version: v1 to the pod template labels (podMetadata)');
  });
});
