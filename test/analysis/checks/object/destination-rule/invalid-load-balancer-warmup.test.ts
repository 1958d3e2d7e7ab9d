import { InvalidLoadBalancerWarmup } from '../../../../../lib/analysis/checks/object/destination-rule/invalid-load-balancer-warmup';
import { Case, destinationRule, E, fieldsOf, findings, W } from './helpers';

const balancing = (loadBalancer: unknown) => ({ host: 'r', trafficPolicy: { loadBalancer } });
const AT = 'spec.trafficPolicy.loadBalancer.warmup';

const CASES: Case[] = [
  { name: 'warmup with the default algorithm', spec: balancing({ warmup: { duration: '300s' } }), expected: [] },
  { name: 'warmup with round robin', spec: balancing({ simple: 'ROUND_ROBIN', warmup: { duration: '30s', aggression: 2, minimumPercent: 5 } }), expected: [] },
  { name: 'warmup with least request', spec: balancing({ simple: 'LEAST_REQUEST', warmup: { duration: '1m' } }), expected: [] },
  { name: 'no duration', spec: balancing({ warmup: { minimumPercent: 5 } }), expected: [[`${AT}.duration`, E]] },
  { name: 'a duration below 1ms', spec: balancing({ warmup: { duration: '0s' } }), expected: [[`${AT}.duration`, E]] },
  { name: 'a duration that is not one', spec: balancing({ warmup: { duration: 'soon' } }), expected: [[`${AT}.duration`, E]] },
  { name: 'minimumPercent 150', spec: balancing({ warmup: { duration: '30s', minimumPercent: 150 } }), expected: [[`${AT}.minimumPercent`, E]] },
  { name: 'aggression below 1', spec: balancing({ warmup: { duration: '30s', aggression: 0.5 } }), expected: [[`${AT}.aggression`, E]] },
  { name: 'warmup with RANDOM', spec: balancing({ simple: 'RANDOM', warmup: { duration: '30s' } }), expected: [[AT, W]] },
  { name: 'warmup with consistent hashing', spec: balancing({ consistentHash: { useSourceIp: true }, warmup: { duration: '30s' } }), expected: [[AT, W]] },
];

describe('CI0210 InvalidLoadBalancerWarmup', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(InvalidLoadBalancerWarmup, spec)).toEqual(expected);
  });

  test('names the algorithm that ignores warmup', () => {
    const [f] = findings(InvalidLoadBalancerWarmup, destinationRule(balancing({ simple: 'PASSTHROUGH', warmup: { duration: '30s' } })));
    expect(f).toMatchObject({ code: 'CI0210', severity: W });
    expect(f.message).toBe('warmup has no effect with simple \'PASSTHROUGH\': Istio applies it to ROUND_ROBIN and LEAST_REQUEST only (stricter than Istio, which accepts it)');
    expect(f.fix).toBe(`set spec.trafficPolicy.loadBalancer.simple to ROUND_ROBIN or LEAST_REQUEST, or remove ${AT}`);
  });
});
