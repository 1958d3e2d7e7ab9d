import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, findingsOf, gateway, obj } from '../../fixtures';

const server = (number: number, hosts: string[], extra: Record<string, unknown> = {}) => ({ port: { number, name: `p-${number}`, protocol: 'HTTP' }, hosts, ...extra });
const gw = (name: string, selector: Record<string, string>, ...servers: Array<Record<string, unknown>>) => gateway(name, { selector, servers });
const pod = (name: string, labels: Record<string, string>) => obj('v1', 'Pod', name, 'istio-system', { spec: { containers: [{ name: 'istio-proxy' }] } }, labels);
const ingress = { istio: 'ingressgateway' };

// as istioctl's gateway.ConflictingGatewayAnalyzer (testdata/conflicting-gateways*.yaml, analyze-list-type.yaml)
describe('CI1042 ConflictingGateways', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['different ports', [gw('alpha', ingress, server(80, ['foo.bar'])), gw('beta', ingress, server(443, ['foo.bar']))]],
    ['different hosts on one port', [gw('alpha', ingress, server(80, ['foo.bar'])), gw('beta', ingress, server(80, ['bar.bar']))]],
    ['different bind addresses', [gw('alpha', ingress, server(80, ['foo.bar'], { bind: '10.0.0.1' })), gw('beta', ingress, server(80, ['foo.bar'], { bind: '10.0.0.2' }))]],
    ['selectors that share no known workload', [gw('alpha', { istio: 'a' }, server(80, ['foo.bar'])), gw('beta', { istio: 'b' }, server(80, ['foo.bar']))]],
    ['servers without a port (CI0304\'s)', [gw('alpha', ingress, { hosts: ['foo.bar'] }), gw('beta', ingress, { hosts: ['foo.bar'] })]],
    ['one Gateway with the host twice', [gw('alpha', ingress, server(80, ['foo.bar']), server(80, ['foo.bar']))]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1042')).toEqual([]);
  });

  test('fails (error) on both Gateways for one selector, port and host, whatever the protocols', () => {
    // GIVEN
    const objects = [gw('beta', ingress, { ...server(80, ['foo.bar']), port: { number: 80, name: 'tcp', protocol: 'TCP' } }), gw('alpha', ingress, server(80, ['foo.bar']))];
    // WHEN
    const findings = findingsOf(objects, 'CI1042');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([
      ['default/Gateway/alpha', 'spec.servers[0]', Severity.ERROR], ['default/Gateway/beta', 'spec.servers[0]', Severity.ERROR],
    ]);
    expect(findings[0].message).toBe("Gateway 'default/alpha' conflicts with Gateway 'default/beta' on the proxies of selector {istio=ingressgateway}: "
      + 'both serve port 80 for foo.bar; Istio keeps one of the servers (the first created) and drops the other');
    expect(findings[0].counterpart).toBe('IST0145 ConflictingGateways / KIA0301');
  });

  test('fails only for the servers on the common port (multiple ports)', () => {
    const objects = [gw('beta', ingress, server(80, ['foo.bar']), server(90, ['foo.bar'])), gw('alpha', ingress, server(70, ['foo.bar']), server(90, ['foo.bar']))];
    expect(findingsOf(objects, 'CI1042').map((f) => [f.path, f.field])).toEqual([['default/Gateway/alpha', 'spec.servers[1]'], ['default/Gateway/beta', 'spec.servers[1]']]);
  });

  test('fails for different selectors that a workload carries both of (sub selector), not without it', () => {
    // GIVEN
    const gws = [gw('beta', { ...ingress, app: 'istio-ingressgateway', cusKey: 'cusValue' }, server(80, ['foo.bar'])), gw('alpha', { ...ingress, cusKey: 'cusValue' }, server(80, ['foo.bar']))];
    const both = pod('my-ingressgateway-1', { ...ingress, app: 'istio-ingressgateway', cusKey: 'cusValue' });
    // WHEN / THEN
    expect(findingsOf([...gws, both], 'CI1042').map((f) => f.path)).toEqual(['default/Gateway/alpha', 'default/Gateway/beta']);
    expect(findingsOf(gws, 'CI1042')).toEqual([]);
  });

  test('fails for a Gateway without selector and one whose workload exists', () => {
    const objects = [gw('all', {}, server(80, ['foo.bar'])), gw('beta', ingress, server(80, ['foo.bar'])), pod('ingress', ingress)];
    expect(findingsOf(objects, 'CI1042').map((f) => f.path)).toEqual(['default/Gateway/all', 'default/Gateway/beta']);
  });

  test('names every other Gateway once (list type: three Gateways)', () => {
    const objects = [gw('alpha', ingress, server(80, ['foo.bar'])), gw('beta-l', ingress, server(80, ['foo.bar'])), gw('alpha-l', ingress, server(80, ['foo.bar']))];
    const findings = findingsOf(objects, 'CI1042');
    expect(findings.map((f) => f.path)).toEqual(['default/Gateway/alpha', 'default/Gateway/alpha-l', 'default/Gateway/beta-l']);
    expect(findings[0].message).toContain("with Gateway 'default/alpha-l', 'default/beta-l' on");
  });
});
