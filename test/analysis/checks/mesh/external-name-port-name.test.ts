import { Severity } from '../../../../lib/analysis/finding';
import { findingsOf, obj } from '../../fixtures';

const externalName = (name: string, ports: unknown[], labels?: Record<string, string>, ns = 'default') =>
  obj('v1', 'Service', name, ns, { spec: { type: 'ExternalName', externalName: 'nginx.example.com', ports } }, labels);

describe('CI1060 ExternalNamePortName', () => {
  // as istioctl (testdata/correct-port-name-external-name-service-type.yaml)
  test.each<[string, unknown[]]>([
    ['https', [{ name: 'https', port: 443, protocol: 'TCP' }]],
    ['tls with a suffix', [{ name: 'tls-db', port: 5432 }]],
    ['an appProtocol', [{ name: 'web', port: 80, appProtocol: 'http' }]],
    ['a UDP port', [{ name: 'dns', port: 53, protocol: 'UDP' }]],
  ])('passes for a port named %s', (_name, ports) => {
    expect(findingsOf([externalName('nginx', ports)], 'CI1060')).toEqual([]);
  });

  test('passes for a ClusterIP Service named tcp, and for Istio\'s control plane', () => {
    const plain = obj('v1', 'Service', 'db', 'default', { spec: { ports: [{ name: 'tcp', port: 5432 }] } });
    expect(findingsOf([plain, externalName('istiod-remote', [{ name: 'tcp', port: 15012 }], { istio: 'pilot' })], 'CI1060')).toEqual([]);
  });

  // as istioctl (testdata/incorrect-port-name-external-name-service-type.yaml)
  test.each<[string, unknown[]]>([
    ['a name that is no protocol', [{ name: 'nginx', port: 443, protocol: 'TCP' }]],
    ['no name', [{ port: 443, protocol: 'TCP' }]],
    ['tcp', [{ name: 'tcp', port: 443, protocol: 'TCP' }]],
    ['tcp with a suffix (stricter than istioctl)', [{ name: 'tcp-db', port: 5432 }]],
  ])('fails (warning) for a port with %s', (_name, ports) => {
    const findings = findingsOf([externalName('nginx', ports, undefined, 'nginx-ns')], 'CI1060');
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([['nginx-ns/Service/nginx', 'spec.ports[0].name', Severity.WARNING]]);
    expect(findings[0].message).toMatch(/^port \d+ .* of ExternalName Service 'nginx-ns\/nginx' \(nginx.example.com\) (serves plain TCP|tells Istio no protocol), so the sidecars may not forward its traffic/);
    expect(findings[0].counterpart).toBe('IST0150 ExternalNameServiceTypeInvalidPortName');
  });
});
