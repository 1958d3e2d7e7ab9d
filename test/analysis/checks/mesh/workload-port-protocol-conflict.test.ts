import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, deployment, findingsOf, namespace, service } from '../../fixtures';

const bookinfo = namespace('bookinfo', { 'istio-injection': 'enabled' });
const tcpAndHttp = (app: string, ns = 'bookinfo') => [
  service(`${app}-tcp`, { ns, selector: { app }, ports: [{ port: 9080, name: 'tcp', protocol: 'TCP' }] }),
  service(`${app}-udp`, { ns, selector: { app }, ports: [{ port: 9080, name: 'udp', protocol: 'UDP' }] }),
];

describe('CI1064 WorkloadPortProtocolConflict', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['Services with different ports', [bookinfo, deployment('reviews-v2', { app: 'reviews', version: 'v2' }, 'bookinfo'),
      service('reviews-9080', { ns: 'bookinfo', selector: { app: 'reviews' }, ports: [{ port: 9080, name: 'http' }] }),
      service('reviews-9090', { ns: 'bookinfo', selector: { app: 'reviews' }, ports: [{ port: 9090, name: 'http' }] })]],
    ['a workload without sidecar', [namespace('plain'), deployment('details-v1', { app: 'details', version: 'v1' }, 'plain'), ...tcpAndHttp('details', 'plain')]],
    ['Services of another namespace (as istioctl: deployment-multi-service-different-ns.yaml)', [bookinfo, deployment('details-v1', { app: 'details', version: 'v1' }, 'bookinfo'), ...tcpAndHttp('details', 'other')]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1064')).toEqual([]);
  });

  test('fails (warning) for a Deployment whose Services use one port with two protocols (istioctl: deployment-multi-service.yaml)', () => {
    // GIVEN
    const objects = [bookinfo, deployment('multiple-svc-multiple-prot', { app: 'details', version: 'v1' }, 'bookinfo'), ...tcpAndHttp('details')];
    // WHEN
    const findings = findingsOf(objects, 'CI1064');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value, f.severity])).toEqual([['bookinfo/Deployment/multiple-svc-multiple-prot', 'spec.template.metadata.labels', 9080, Severity.WARNING]]);
    expect(findings[0].message).toBe("Deployment 'bookinfo/multiple-svc-multiple-prot' is selected by Services that use port 9080 with different protocols: "
      + 'TCP (bookinfo/details-tcp), UDP (bookinfo/details-udp); its sidecar serves one protocol per port');
  });

  test('fails for every workload kind with a sidecar: a StatefulSet injected by its own label', () => {
    // GIVEN
    const objects = [namespace('data'), deployment('cache', { 'app': 'cache', 'sidecar.istio.io/inject': 'true' }, 'data', 'StatefulSet'), ...tcpAndHttp('cache', 'data')];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1064').map((f) => f.path)).toEqual(['data/StatefulSet/cache']);
  });
});
