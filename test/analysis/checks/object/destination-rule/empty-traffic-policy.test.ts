import { EmptyTrafficPolicy } from '../../../../../lib/analysis/checks/object/destination-rule/empty-traffic-policy';
import { Case, destinationRule, E, fieldsOf, findings } from './helpers';

const CASES: Case[] = [
  { name: 'no traffic policy', spec: { host: 'r' }, expected: [] },
  { name: 'a policy with TLS', spec: { host: 'r', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } }, expected: [] },
  { name: 'a policy with a tunnel only', spec: { host: 'r', trafficPolicy: { tunnel: { targetHost: 'proxy', targetPort: 3128 } } }, expected: [] },
  { name: 'a policy with a retry budget only', spec: { host: 'r', trafficPolicy: { retryBudget: { percent: 20 } } }, expected: [] },
  { name: 'a policy with port-level settings only', spec: { host: 'r', trafficPolicy: { portLevelSettings: [{ port: { number: 80 }, tls: { mode: 'DISABLE' } }] } }, expected: [] },
  { name: 'trafficPolicy: {}', spec: { host: 'r', trafficPolicy: {} }, expected: [['spec.trafficPolicy', E]] },
  { name: 'a policy with an empty port-level list', spec: { host: 'r', trafficPolicy: { portLevelSettings: [] } }, expected: [['spec.trafficPolicy', E]] },
  { name: 'a policy whose fields are null', spec: { host: 'r', trafficPolicy: { tls: null } }, expected: [['spec.trafficPolicy', E]] },
  { name: 'an empty subset policy', spec: { host: 'r', subsets: [{ name: 'v1', labels: { version: 'v1' }, trafficPolicy: {} }] }, expected: [['spec.subsets[0].trafficPolicy', E]] },
  { name: 'a port-level policy with only a port', spec: { host: 'r', trafficPolicy: { portLevelSettings: [{ port: { number: 80 } }] } }, expected: [['spec.trafficPolicy.portLevelSettings[0]', E]] },
  { name: 'a null port-level policy', spec: { host: 'r', trafficPolicy: { portLevelSettings: [null] } }, expected: [['spec.trafficPolicy.portLevelSettings[0]', E]] },
  { name: 'a traffic policy that is not an object (left to the CRD schema)', spec: { host: 'r', trafficPolicy: 'none' }, expected: [] },
];

describe('CI0206 EmptyTrafficPolicy', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(EmptyTrafficPolicy, spec)).toEqual(expected);
  });

  test('lists what a traffic policy can set', () => {
    const [f] = findings(EmptyTrafficPolicy, destinationRule({ host: 'r', trafficPolicy: {} }));
    expect(f).toMatchObject({ code: 'CI0206', value: {}, message: 'traffic policy sets nothing; Istio requires at least one field' });
    expect(f.fix).toBe('set loadBalancer, connectionPool, outlierDetection, tls, portLevelSettings, tunnel, proxyProtocol or retryBudget in spec.trafficPolicy, or remove it');
  });
});
