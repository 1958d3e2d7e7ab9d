import { InvalidPortTrafficPolicy } from '../../../../../lib/analysis/checks/object/destination-rule/invalid-port-traffic-policy';
import { Case, destinationRule, E, fieldsOf, findings, W } from './helpers';

const ports = (...settings: unknown[]) => ({ host: 'r', trafficPolicy: { portLevelSettings: settings } });
const tls = { mode: 'DISABLE' };

const CASES: Case[] = [
  { name: 'distinct ports', spec: ports({ port: { number: 80 }, tls }, { port: { number: 9080 }, tls }), expected: [] },
  { name: 'one port in the rule and in a subset', spec: { ...ports({ port: { number: 80 }, tls }), subsets: [{ name: 'v1', trafficPolicy: ports({ port: { number: 80 }, tls }).trafficPolicy }] }, expected: [] },
  { name: 'no port', spec: ports({ tls }), expected: [['spec.trafficPolicy.portLevelSettings[0].port', E]] },
  { name: 'port 0', spec: ports({ port: { number: 0 }, tls }), expected: [['spec.trafficPolicy.portLevelSettings[0].port.number', W]] },
  { name: 'a port without a number', spec: ports({ port: {}, tls }), expected: [['spec.trafficPolicy.portLevelSettings[0].port.number', W]] },
  { name: 'port 70000', spec: ports({ port: { number: 70000 }, tls }), expected: [['spec.trafficPolicy.portLevelSettings[0].port.number', W]] },
  { name: 'one port twice', spec: ports({ port: { number: 80 }, tls }, { port: { number: 80 }, tls }), expected: [['spec.trafficPolicy.portLevelSettings[1].port.number', W]] },
  { name: 'one port twice in a subset policy', spec: { host: 'r', subsets: [{ name: 'v1', trafficPolicy: ports({ port: { number: 80 }, tls }, { port: { number: 80 }, tls }).trafficPolicy }] }, expected: [['spec.subsets[0].trafficPolicy.portLevelSettings[1].port.number', W]] },
  { name: 'a port number as a string (left to the CRD schema)', spec: ports({ port: { number: '80' }, tls }), expected: [] },
];

describe('CI0207 InvalidPortTrafficPolicy', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(InvalidPortTrafficPolicy, spec)).toEqual(expected);
  });

  test('says which policy Istio applies to a port covered twice', () => {
    const [f] = findings(InvalidPortTrafficPolicy, destinationRule(ports({ port: { number: 80 }, tls }, { port: { number: 80 }, tls })));
    expect(f).toMatchObject({ code: 'CI0207', value: 80 });
    expect(f.message).toBe('port 80 already has a port-level policy (spec.trafficPolicy.portLevelSettings[0]); Istio applies the first and ignores this one (stricter than Istio, which accepts it)');
    expect(f.fix).toBe('merge spec.trafficPolicy.portLevelSettings[1] into spec.trafficPolicy.portLevelSettings[0], or remove it');
  });
});
