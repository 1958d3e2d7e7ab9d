import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { analyze, collectObjects } from '../../fixtures';
import { Severity } from '../../../../lib/analysis/finding';
import { isProtocolPortName } from '../../../../lib/analysis/checks/mesh/port-name-not-protocol';
import { findingsOf, service } from '../../fixtures';

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
});
