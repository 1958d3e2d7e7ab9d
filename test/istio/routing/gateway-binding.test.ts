import { Destination } from '../../../lib/istio/routing/destination';
import { GatewayBinding, IGatewayReference } from '../../../lib/istio/routing/gateway-binding';
import { routeFindings } from './util';

const problemsOf = (g: GatewayBinding) => routeFindings({ route: [{ destination: Destination.fromHost('reviews') }] }, { gateways: [g] });

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

test('fails (CI0105) on a namespace/name that is not DNS-1123, and accepts uppercase letters as Istio does', () => {
  expect(problemsOf(GatewayBinding.fromName('Istio_System/gw'))).toEqual([['CI0105', 'spec.gateways[0]', 'error']]);
  expect(problemsOf(GatewayBinding.fromName('a/b/c'))).toEqual([['CI0105', 'spec.gateways[0]', 'error']]);
  expect(problemsOf(GatewayBinding.fromName(''))).toEqual([['CI0105', 'spec.gateways[0]', 'error']]);
  expect(problemsOf(GatewayBinding.fromName('Istio-System/Gateway'))).toEqual([]);
});

test('warns (CI0105) on the legacy name.namespace form', () => {
  expect(problemsOf(GatewayBinding.fromName('gw.istio-system'))).toEqual([['CI0105', 'spec.gateways[0]', 'warning']]);
});

test('given no gateway (plain JavaScript), renders an empty name and reports why instead of throwing', () => {
  const g = GatewayBinding.fromGateway(undefined as unknown as IGatewayReference);
  expect(g._toIstio({})).toBe('');
  expect(problemsOf(g)).toEqual([['CI0019', 'spec.gateways[0]', 'error'], ['CI0105', 'spec.gateways[0]', 'error']]);
});
