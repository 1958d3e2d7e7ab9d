import { InvalidTunnelSettings } from '../../../../../lib/analysis/checks/object/destination-rule/invalid-tunnel-settings';
import { Case, destinationRule, E, fieldsOf, findings } from './helpers';

const tunnelled = (tunnel: unknown, extra: Record<string, unknown> = {}) => ({ host: 'r', trafficPolicy: { tunnel, ...extra } });
const AT = 'spec.trafficPolicy.tunnel';

const CASES: Case[] = [
  { name: 'CONNECT to a proxy name', spec: tunnelled({ protocol: 'CONNECT', targetHost: 'proxy', targetPort: 3128 }), expected: [] },
  { name: 'POST to an FQDN', spec: tunnelled({ protocol: 'POST', targetHost: 'proxy.corp.example.com', targetPort: 8080 }), expected: [] },
  { name: 'the default protocol to an IPv4 address', spec: tunnelled({ targetHost: '10.0.0.1', targetPort: 3128 }), expected: [] },
  { name: 'an IPv6 address', spec: tunnelled({ targetHost: '2001:db8::1', targetPort: 3128 }), expected: [] },
  { name: 'protocol GET', spec: tunnelled({ protocol: 'GET', targetHost: 'proxy', targetPort: 3128 }), expected: [[`${AT}.protocol`, E]] },
  { name: 'protocol in lowercase', spec: tunnelled({ protocol: 'connect', targetHost: 'proxy', targetPort: 3128 }), expected: [[`${AT}.protocol`, E]] },
  { name: 'a target host with a wildcard', spec: tunnelled({ targetHost: '*.example.com', targetPort: 3128 }), expected: [[`${AT}.targetHost`, E]] },
  { name: 'no target host', spec: tunnelled({ targetPort: 3128 }), expected: [[`${AT}.targetHost`, E]] },
  { name: 'no target port', spec: tunnelled({ targetHost: 'proxy' }), expected: [[`${AT}.targetPort`, E]] },
  { name: 'target port 70000', spec: tunnelled({ targetHost: 'proxy', targetPort: 70000 }), expected: [[`${AT}.targetPort`, E]] },
  { name: 'a tunnel with proxyProtocol', spec: tunnelled({ targetHost: 'proxy', targetPort: 3128 }, { proxyProtocol: { version: 'V1' } }), expected: [[AT, E]] },
  { name: 'a subset tunnel', spec: { host: 'r', subsets: [{ name: 'v1', trafficPolicy: { tunnel: { protocol: 'GET', targetHost: 'proxy', targetPort: 3128 } } }] }, expected: [['spec.subsets[0].trafficPolicy.tunnel.protocol', E]] },
];

describe('CI0214 InvalidTunnelSettings', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(InvalidTunnelSettings, spec)).toEqual(expected);
  });

  test('names the protocol and the two allowed', () => {
    const [f] = findings(InvalidTunnelSettings, destinationRule(tunnelled({ protocol: 'GET', targetHost: 'proxy', targetPort: 3128 })));
    expect(f).toMatchObject({ code: 'CI0214', value: 'GET', message: 'tunnel protocol \'GET\' is not CONNECT or POST' });
    expect(f.fix).toBe(`set ${AT}.protocol to CONNECT (the default) or POST`);
  });
});
