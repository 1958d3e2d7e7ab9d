import { ProblemCollector, Severity } from '../../../lib/analysis/finding';
import { GatewayBinding } from '../../../lib/istio/routing/gateway-binding';

function problemsOf(g: GatewayBinding) {
  const c = new ProblemCollector('spec.gateways[0]');
  g._validate(c);
  return c.problems;
}

test('MESH renders mesh', () => {
  expect(GatewayBinding.MESH._toIstio({})).toBe('mesh');
  expect(GatewayBinding.MESH._isMesh).toBe(true);
});

test('fromGateway renders the bare name in the same namespace and ns/name across', () => {
  const gw = { name: 'bookinfo-gateway', namespace: 'bookinfo' };
  expect(GatewayBinding.fromGateway(gw)._toIstio({ namespace: 'bookinfo' })).toBe('bookinfo-gateway');
  expect(GatewayBinding.fromGateway(gw)._toIstio({ namespace: 'other' })).toBe('bookinfo/bookinfo-gateway');
  // no namespace on either side means both are in 'default'
  expect(GatewayBinding.fromGateway({ name: 'gw' })._toIstio({})).toBe('gw');
  expect(GatewayBinding.fromGateway({ name: 'gw' })._toIstio({ namespace: 'prod' })).toBe('default/gw');
  expect(GatewayBinding.fromGateway(gw)._isMesh).toBe(false);
});

test('fromName renders what was given', () => {
  expect(GatewayBinding.fromName('istio-system/ingressgateway')._toIstio({ namespace: 'x' })).toBe('istio-system/ingressgateway');
  expect(GatewayBinding.fromName('mesh')._isMesh).toBe(true);
  expect(problemsOf(GatewayBinding.fromName('istio-system/ingressgateway'))).toEqual([]);
  expect(problemsOf(GatewayBinding.fromName('my-gateway'))).toEqual([]);
});

test('fails on a namespace/name that is not DNS-1123', () => {
  const [p] = problemsOf(GatewayBinding.fromName('Istio_System/gw'));
  expect(p).toMatchObject({ code: 'CI0001', field: 'spec.gateways[0]', value: 'Istio_System/gw' });
  expect(problemsOf(GatewayBinding.fromName('a/b/c'))[0]).toMatchObject({ code: 'CI0001' });
  expect(problemsOf(GatewayBinding.fromName(''))[0]).toMatchObject({ code: 'CI0001' });
});

test('warns on the legacy name.namespace form', () => {
  const [p] = problemsOf(GatewayBinding.fromName('gw.istio-system'));
  expect(p).toMatchObject({ code: 'CI0001', severity: Severity.WARNING });
  expect(p.fix).toMatch(/istio-system\/gw/);
});
