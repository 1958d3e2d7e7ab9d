import { Severity } from '../../../../lib/analysis/finding';
import { ISTIO_DEFAULT_GATEWAYS } from '../../../../lib/analysis/model/installation';
import { AnalyzedObject, deployment, findingsOf, gateway, obj } from '../../fixtures';

const gw = (name: string, selector: Record<string, string>, ...ports: number[]) => gateway(name, {
  selector, servers: ports.map((number, i) => ({ port: { number, name: `http-${i}`, protocol: 'HTTP' }, hosts: ['*'] })),
});
const svc = (name: string, selector: Record<string, string>, ports: Array<Record<string, unknown>>) => obj('v1', 'Service', name, 'default', { spec: { selector, ports } });
const pod = deployment('my-ingressgateway', { myapp: 'private-ingressgateway' });
const labels = { myapp: 'private-ingressgateway' };

// as istioctl's gateway.IngressGatewayPortAnalyzer (testdata/gateway-*.yaml)
describe('CI1041 GatewayPortNotOnService', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['a target port of the Service (80 -> 8003)', [pod, svc('gw', labels, [{ port: 80, targetPort: 8003 }]), gw('g', labels, 8003)]],
    ['the Service port itself (translation)', [pod, svc('gw', labels, [{ port: 80, targetPort: 8003 }]), gw('g', labels, 80)]],
    ['a named target port resolved through the container ports', [
      obj('apps/v1', 'Deployment', 'named', 'default', { spec: { template: { metadata: { labels }, spec: { containers: [{ name: 'istio-proxy', ports: [{ name: 'web', containerPort: 8443 }] }] } } } }),
      svc('gw', labels, [{ port: 443, targetPort: 'web' }]), gw('g', labels, 8443)]],
    ['a selector that picks no known workload (the installation is unknown)', [gw('g', { istio: 'ingressgateway' }, 8004)]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1041')).toEqual([]);
  });

  test('fails (warning) for a port of the input\'s gateway that its Service does not expose', () => {
    // WHEN
    const findings = findingsOf([pod, svc('my-ingressgateway', labels, [{ port: 80, targetPort: 8003 }]), gw('httpbin-gateway', labels, 8004)], 'CI1041');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value, f.severity])).toEqual([['default/Gateway/httpbin-gateway', 'spec.servers[0].port.number', 8004, Severity.WARNING]]);
    expect(findings[0].message).toBe("Gateway 'default/httpbin-gateway' listens on port 8004 of the workloads its selector {myapp=private-ingressgateway} picks "
      + "(Deployment default/my-ingressgateway), but no Service in front of them exposes it (default/my-ingressgateway: 80 -> 8003), so the server cannot be reached through the gateway's Service");
  });

  test('fails for a port of a Service of other pods only, and for UDP ports (svcselector case)', () => {
    // GIVEN the Service for port 8002 selects other pods; the one for ours has 8001 and a UDP 8002
    const objects = [
      deployment('gw-8001', { myapp: 'ingressgateway-8001' }), deployment('gw-8002', { myapp: 'ingressgateway-8002' }),
      svc('my-8002', { myapp: 'ingressgateway-8002' }, [{ port: 8002, targetPort: 80 }]),
      svc('my-8001', { myapp: 'ingressgateway-8001' }, [{ port: 8001 }, { port: 8002, protocol: 'UDP' }]),
      gw('httpbin8001-gateway', { myapp: 'ingressgateway-8001' }, 8001), gw('httpbin8002-gateway', { myapp: 'ingressgateway-8001' }, 8002),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1041').map((f) => f.path)).toEqual(['default/Gateway/httpbin8002-gateway']);
  });

  test('fails when no Service selects the gateway pods', () => {
    expect(findingsOf([pod, gw('g', labels, 80)], 'CI1041').map((f) => f.message)).toEqual([expect.stringContaining('but no Service selects them')]);
  });

  test('checks the declared installed gateway\'s ports', () => {
    // GIVEN Istio's default ingress gateway declared (80, 443, 31400, 15443, and the chart's 8080, 8443, 15021)
    const objects = [gw('httpbin-gateway', { istio: 'ingressgateway' }, 80, 8080, 8004)];
    // WHEN
    const findings = findingsOf(objects, 'CI1041', { external: { installedGateways: ISTIO_DEFAULT_GATEWAYS } });
    // THEN
    expect(findings.map((f) => [f.field, f.value])).toEqual([['spec.servers[2].port.number', 8004]]);
    expect(findings[0].message).toContain('istio-system/istio-ingressgateway (installed): 80, 443, 31400, 15443, 15021, 80 -> 8080, 443 -> 8443');
  });
});
