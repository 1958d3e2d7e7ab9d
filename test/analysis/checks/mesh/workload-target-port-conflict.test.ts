import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, deployment, findingsOf, namespace, obj } from '../../fixtures';

const bookinfo = namespace('bookinfo', { 'istio-injection': 'enabled' });
const svc = (name: string, ports: unknown[], ns = 'bookinfo') => obj('v1', 'Service', name, ns, { spec: { selector: { app: 'conflicting-ports' }, ports } });
const workload = deployment('conflicting-ports', { app: 'conflicting-ports', version: 'v1' }, 'bookinfo');

describe('CI1065 WorkloadTargetPortConflict', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['two Services with the same port and targetPort', [bookinfo, workload, svc('a', [{ port: 9080, targetPort: 9080, name: 'http' }]), svc('b', [{ port: 9080, name: 'http' }])]],
    ['two Services targeting different container ports', [bookinfo, workload, svc('a', [{ port: 80, targetPort: 8080, name: 'http' }]), svc('b', [{ port: 90, targetPort: 9090, name: 'http' }])]],
    ['a workload with no sidecar', [namespace('bookinfo', { 'istio-injection': 'disabled' }), workload, svc('a', [{ port: 9080, name: 'tcp' }]), svc('b', [{ port: 9090, targetPort: 9080, name: 'http' }])]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1065')).toEqual([]);
  });

  test('fails (warning) for one targetPort sent through two ports (istioctl: deployment-multi-service.yaml)', () => {
    // GIVEN
    const objects = [bookinfo, workload, svc('conflicting-ports-1', [{ port: 9080, name: 'tcp', targetPort: 9080, protocol: 'TCP' }]), svc('conflicting-ports-2', [{ port: 9090, name: 'http', targetPort: 9080 }])];
    // WHEN
    const findings = findingsOf(objects, 'CI1065');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value, f.severity])).toEqual([['bookinfo/Deployment/conflicting-ports', 'spec.template.metadata.labels', '9080', Severity.WARNING]]);
    expect(findings[0].message).toBe("Deployment 'bookinfo/conflicting-ports' is selected by Services that send targetPort 9080 through different ports: "
      + "port 9080 of Service 'bookinfo/conflicting-ports-1', port 9090 of Service 'bookinfo/conflicting-ports-2'");
  });

  test('fails for a named targetPort, and for a DaemonSet', () => {
    // GIVEN
    const objects = [bookinfo, deployment('agent', { app: 'conflicting-ports' }, 'bookinfo', 'DaemonSet'),
      svc('a', [{ port: 80, targetPort: 'http', name: 'http' }]), svc('b', [{ port: 8080, targetPort: 'http', name: 'http-alt' }])];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1065').map((f) => [f.path, f.value])).toEqual([['bookinfo/DaemonSet/agent', 'http']]);
  });
});
