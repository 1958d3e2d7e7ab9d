import { InvalidOutboundTrafficPolicy } from '../../../../../lib/analysis/checks/object/sidecar/invalid-outbound-traffic-policy';
import { findings, sidecar, summary, VERSIONS } from './helpers';

const policy = (outboundTrafficPolicy: unknown) => sidecar({ outboundTrafficPolicy });
const PROXY = { host: 'egress-proxy.egress.svc.cluster.local', port: { number: 3128 } };

describe('CI0512 InvalidOutboundTrafficPolicy', () => {
  test.each([
    ['REGISTRY_ONLY', { mode: 'REGISTRY_ONLY' }],
    ['ALLOW_ANY', { mode: 'ALLOW_ANY' }],
    ['an egress proxy with ALLOW_ANY', { mode: 'ALLOW_ANY', egressProxy: PROXY }],
    ['an uppercase subset (Istio accepts it)', { mode: 'ALLOW_ANY', egressProxy: { ...PROXY, subset: 'V1' } }],
  ])('accepts %s', (_, p) => {
    expect(findings(InvalidOutboundTrafficPolicy, policy(p))).toEqual([]);
  });

  test.each([
    ['an egress proxy without a mode (REGISTRY_ONLY)', { egressProxy: PROXY }, ['spec.outboundTrafficPolicy.mode error']],
    ['an egress proxy with REGISTRY_ONLY', { mode: 'REGISTRY_ONLY', egressProxy: PROXY }, ['spec.outboundTrafficPolicy.mode error']],
    ['a wildcard host', { mode: 'ALLOW_ANY', egressProxy: { ...PROXY, host: '*.example.com' } }, ['spec.outboundTrafficPolicy.egressProxy.host error']],
    ['no host', { mode: 'ALLOW_ANY', egressProxy: { port: { number: 3128 } } }, ['spec.outboundTrafficPolicy.egressProxy.host error']],
    ['no port', { mode: 'ALLOW_ANY', egressProxy: { host: PROXY.host } }, ['spec.outboundTrafficPolicy.egressProxy.port error']],
    ['port 0', { mode: 'ALLOW_ANY', egressProxy: { ...PROXY, port: {} } }, ['spec.outboundTrafficPolicy.egressProxy.port.number error']],
    ['a subset with an underscore', { mode: 'ALLOW_ANY', egressProxy: { ...PROXY, subset: 'v_1' } }, ['spec.outboundTrafficPolicy.egressProxy.subset error']],
  ])('fails for %s', (_, p, expected) => {
    expect(summary(InvalidOutboundTrafficPolicy, policy(p))).toEqual(expected);
  });

  test('says a wildcard egress proxy host is not a fully qualified name', () => {
    const [f] = findings(InvalidOutboundTrafficPolicy, policy({ mode: 'ALLOW_ANY', egressProxy: { ...PROXY, host: '*.proxy.example.com' } }));
    expect(f.message).toBe("egress proxy host '*.proxy.example.com' must not contain a wildcard; it must be a fully qualified name");
  });

  test.each(VERSIONS)('says the egress proxy needs ALLOW_ANY (%s)', (apiVersion) => {
    const [f] = findings(InvalidOutboundTrafficPolicy, sidecar({ outboundTrafficPolicy: { egressProxy: PROXY } }, apiVersion));
    expect(f.message).toBe('egressProxy only applies with mode ALLOW_ANY, but the mode is unset (REGISTRY_ONLY)');
    expect(f.fix).toBe('set outboundTrafficPolicy.mode to ALLOW_ANY (in code: OutboundTrafficPolicy.allowAnyVia), or remove egressProxy');
  });
});
