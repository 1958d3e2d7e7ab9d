import { Severity } from '../../../../lib/analysis/finding';
import { ISTIO_DEFAULT_GATEWAYS } from '../../../../lib/analysis/model/installation';
import { AnalyzedObject, deployment, findingsOf, gateway } from '../../fixtures';

const server = { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] };
const gw = (name: string, selector?: Record<string, string>, ns = 'default') => gateway(name, { ...(selector ? { selector } : {}), servers: [server] }, ns);
const declared = { external: { installedGateways: ISTIO_DEFAULT_GATEWAYS } };

// as istioctl's gateway.IngressGatewayPortAnalyzer (testdata/gateway-no-workload.yaml)
describe('CI1040 GatewaySelectorMatchesNoWorkload', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['Istio\'s default ingress gateway', [gw('public', { istio: 'ingressgateway' })]],
    ['a gateway deployment of the input, in another namespace', [deployment('private-gw', { myapp: 'private-ingressgateway' }, 'gateways'), gw('private', { myapp: 'private-ingressgateway' })]],
    ['a Gateway without selector (every gateway workload)', [gw('all')]],
  ])('passes for %s, with the installation declared', (_name, objects) => {
    expect(findingsOf(objects, 'CI1040', declared)).toEqual([]);
  });

  test('does not judge when the installation is unknown (a cdk8s app\'s case): a valid app never fails', () => {
    // GIVEN a Gateway for an ingress gateway installed apart from the app (Istio's gateway chart labels)
    const objects = [gw('shop', { istio: 'ingress' }, 'shop')];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1040')).toEqual([]);
  });

  test('fails (error) for a selector no pod of the input nor installed gateway carries', () => {
    // WHEN
    const findings = findingsOf([deployment('private-gw', { myapp: 'private-ingressgateway' }), gw('httpbin-gateway', { istio: 'ingresstypo' })], 'CI1040', declared);
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([['default/Gateway/httpbin-gateway', 'spec.selector', Severity.ERROR]]);
    expect(findings[0].message).toBe("Gateway 'default/httpbin-gateway' selector {istio=ingresstypo} picks no gateway workload: no pod of the input carries these labels, "
      + 'nor does an installed gateway (istio-system/istio-ingressgateway {app=istio-ingressgateway, istio=ingressgateway}), so no proxy serves its servers');
    expect(findings[0].counterpart).toBe('IST0101 ReferencedResourceNotFound (Gateway selector) / KIA0302');
  });

  test('fails when the declared installation has no gateway at all and the input none either', () => {
    expect(findingsOf([gw('shop', { istio: 'ingressgateway' })], 'CI1040', { external: { installedGateways: [] } })
      .map((f) => f.message)).toEqual([expect.stringContaining('(none declared)')]);
  });
});
