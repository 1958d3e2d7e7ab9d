import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { analyze, collectObjects } from '../../fixtures';
import { Severity } from '../../../../lib/analysis/finding';
import { isProtocolPortName } from '../../../../lib/analysis/checks/mesh/port-name-not-protocol';
import { findingsOf, obj, service } from '../../fixtures';

describe('CI1011 PortNameNotProtocol', () => {
  test.each(['http', 'http-web', 'HTTP', 'http2', 'https', 'grpc', 'grpc-web', 'tcp', 'tls-api', 'udp', 'mongo', 'mysql', 'redis'])('accepts port name %s', (name) => {
    expect(isProtocolPortName(name)).toBe(true);
  });

  test.each(['web', 'http2foo', 'httpx', 'metrics', ''])('rejects port name %j', (name) => {
    expect(isProtocolPortName(name)).toBe(false);
  });

  test('passes for protocol names, appProtocol, UDP ports and kube-system', () => {
    // GIVEN
    const objects = [
      service('web', { ports: [{ name: 'http', port: 80 }, { name: 'metrics', port: 9090, appProtocol: 'http' }, { name: 'dns', port: 53, protocol: 'UDP' }] }),
      service('kube-dns', { ns: 'kube-system', ports: [{ name: 'dns-tcp', port: 53 }] }),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1011')).toEqual([]);
  });

  test('fails (warning) for a port named without protocol prefix', () => {
    // GIVEN
    const objects = [service('web', { ports: [{ name: 'http', port: 80 }, { name: 'web-admin', port: 8080 }] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1011');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'default/Service/web', field: 'spec.ports[1].name', value: 'web-admin', severity: Severity.WARNING });
    expect(findings[0].message).toMatch(/^port 8080 name 'web-admin' does not tell Istio its protocol; expected <protocol>\[-<suffix>\]/);
    expect(findings[0].fix).toBe("name the port like 'http' or 'http-web-admin', or set appProtocol");
  });

  test("fails for a protocol glued to its suffix ('http2foo')", () => {
    // GIVEN
    const objects = [service('web', { ports: [{ name: 'http2foo', port: 80 }] })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1011').map((f) => f.field)).toEqual(['spec.ports[0].name']);
  });

  test('fails for an unnamed cdk8s-plus Service port', () => {
    // GIVEN
    const chart = Testing.chart();
    new kplus.Service(chart, 'web', { ports: [{ port: 8080 }] });
    // WHEN
    const findings = analyze(collectObjects(chart)).findings.filter((f) => f.code === 'CI1011');
    // THEN
    expect(findings.map((f) => [f.path, f.field])).toEqual([[`${chart.node.path}/web`, 'spec.ports[0].name']]);
    expect(findings[0].message).toMatch(/^port 8080 name \(unnamed\)/);
  });

  // as istioctl (testdata/service-no-port-name-system-namespace.yaml)
  test.each<[string, Record<string, string> | undefined, string]>([
    ['kube-system', undefined, 'kube-system'],
    ['kube-public', undefined, 'kube-public'],
    ['istio-system, labelled istio', { istio: 'pilot' }, 'istio-system'],
    ['istio-system, labelled release: istio', { release: 'istio' }, 'istio-system'],
    ['a Service of Istio\'s gateway controller', { 'gateway.istio.io/managed': 'istio.io-gateway-controller' }, 'shop'],
  ])('passes for a Service of %s, as istioctl', (_name, labels, ns) => {
    const svc = obj('v1', 'Service', 'svc', ns, { spec: { ports: [{ name: 'foo', port: 8080 }] } }, labels);
    expect(findingsOf([svc], 'CI1011')).toEqual([]);
  });

  test('fails for a Service of istio-system without Istio\'s labels (istioctl checks it too)', () => {
    expect(findingsOf([service('my-service', { ns: 'istio-system', ports: [{ name: 'foo', port: 8080 }] })], 'CI1011').map((f) => f.path)).toEqual(['istio-system/Service/my-service']);
  });

  test.each<[string, { port: number; name?: string; appProtocol?: string; protocol?: string }, string | undefined]>([
    ['a well-known TCP port (MySQL)', { port: 3306, name: 'db' }, undefined],
    ['a Kubernetes appProtocol', { port: 8080, name: 'web', appProtocol: 'kubernetes.io/h2c' }, undefined],
    ['an appProtocol with a suffix', { port: 8080, name: 'web', appProtocol: 'http-admin' }, undefined],
    ['a grpc-web name', { port: 8080, name: 'grpc-web-ui' }, undefined],
    ['an SCTP port', { port: 9999, name: 'signal', protocol: 'SCTP' }, undefined],
    ['an appProtocol Istio does not know', { port: 8080, name: 'http', appProtocol: 'soap' }, 'spec.ports[0].appProtocol'],
  ])('port with %s', (_name, port, field) => {
    const findings = findingsOf([service('web', { ports: [port] })], 'CI1011');
    expect(findings.map((f) => f.field)).toEqual(field ? [field] : []);
    if (field) expect(findings[0].message).toMatch(/^port 8080 appProtocol 'soap' is not a protocol Istio knows/);
  });

  test('leaves ExternalName Services to CI1060', () => {
    const svc = obj('v1', 'Service', 'nginx', 'default', { spec: { type: 'ExternalName', externalName: 'nginx.example.com', ports: [{ name: 'nginx', port: 443 }] } });
    expect(findingsOf([svc], 'CI1011')).toEqual([]);
  });
});
