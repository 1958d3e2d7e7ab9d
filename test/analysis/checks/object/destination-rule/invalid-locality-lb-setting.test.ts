import { InvalidLocalityLbSetting } from '../../../../../lib/analysis/checks/object/destination-rule/invalid-locality-lb-setting';
import { Case, destinationRule, E, fieldsOf, findings, W } from './helpers';

const outlierDetection = { consecutive5xxErrors: 5 };
const locality = (localityLbSetting: unknown, withOutlier = true) =>
  ({ host: 'r', trafficPolicy: { loadBalancer: { localityLbSetting }, ...(withOutlier ? { outlierDetection } : {}) } });
const AT = 'spec.trafficPolicy.loadBalancer.localityLbSetting';

const CASES: Case[] = [
  { name: 'a distribution', spec: locality({ distribute: [{ from: 'us-west/zone1/*', to: { 'us-west/zone1/*': 80, 'us-west/zone2/*': 20 } }] }), expected: [] },
  { name: 'failover between regions', spec: locality({ failover: [{ from: 'us-east', to: 'eu-west' }] }), expected: [] },
  { name: 'failoverPriority with a custom label', spec: locality({ failover: [{ from: 'us-east', to: 'eu-west' }], failoverPriority: ['topology.istio.io/network'] }), expected: [] },
  { name: 'enabled alone', spec: locality({ enabled: false }, false), expected: [] },
  { name: 'a subzone holding a slash (Go splits in at most three parts)', spec: locality({ distribute: [{ from: 'a/b/c/d', to: { 'a/b/c/d': 100 } }] }), expected: [] },
  { name: 'distribute and failover', spec: locality({ distribute: [{ from: 'a', to: { b: 100 } }], failover: [{ from: 'a', to: 'b' }] }), expected: [[AT, E]] },
  { name: 'failover with a topology label', spec: locality({ failover: [{ from: 'a', to: 'b' }], failoverPriority: ['topology.kubernetes.io/zone'] }), expected: [[`${AT}.failoverPriority[0]`, E]] },
  { name: 'a weight of 0', spec: locality({ distribute: [{ from: 'us-west', to: { 'us-east': 0, 'eu-west': 100 } }] }), expected: [[`${AT}.distribute[0].to.us-east`, E]] },
  { name: 'a weight over 100', spec: locality({ distribute: [{ from: 'us-west', to: { 'us-east': 101 } }] }), expected: [[`${AT}.distribute[0].to.us-east`, E]] },
  { name: 'weights summing to 90', spec: locality({ distribute: [{ from: 'us-west', to: { 'us-west/zone1': 50, 'us-west/zone2': 40 } }] }), expected: [[`${AT}.distribute[0].to`, E]] },
  { name: 'a wildcard before the end', spec: locality({ distribute: [{ from: 'us-*/zone1', to: { 'us-east': 100 } }] }), expected: [[`${AT}.distribute[0].from`, E]] },
  { name: 'two wildcards', spec: locality({ distribute: [{ from: 'us-west', to: { '*/*': 100 } }] }), expected: [[`${AT}.distribute[0].to['*/*']`, E]] },
  { name: 'an empty zone', spec: locality({ distribute: [{ from: 'us-west//a', to: { 'us-east': 100 } }] }), expected: [[`${AT}.distribute[0].from`, E]] },
  { name: 'overlapping sources', spec: locality({ distribute: [{ from: 'us-west', to: { a: 100 } }, { from: 'us-west/zone1', to: { b: 100 } }] }), expected: [[`${AT}.distribute[1].from`, E]] },
  { name: 'overlapping targets', spec: locality({ distribute: [{ from: 'us-west', to: { 'us-east/*': 50, 'us-east/zone1': 50 } }] }), expected: [[`${AT}.distribute[0].to['us-east/zone1']`, E]] },
  { name: 'failover to the same region', spec: locality({ failover: [{ from: 'us-east', to: 'us-east' }] }), expected: [[`${AT}.failover[0].to`, E]] },
  { name: 'failover with a zone and a wildcard', spec: locality({ failover: [{ from: 'us-east/zone1', to: 'eu-*' }] }), expected: [[`${AT}.failover[0].from`, E], [`${AT}.failover[0].to`, E]] },
  { name: 'failover without outlier detection', spec: locality({ failover: [{ from: 'us-east', to: 'eu-west' }] }, false), expected: [['spec.trafficPolicy.outlierDetection', W]] },
  { name: 'failoverPriority without outlier detection', spec: locality({ failoverPriority: ['topology.istio.io/network'] }, false), expected: [['spec.trafficPolicy.outlierDetection', W]] },
  {
    name: 'a port-level failover with the rule\'s outlier detection only',
    spec: { host: 'r', trafficPolicy: { outlierDetection, portLevelSettings: [{ port: { number: 80 }, loadBalancer: { localityLbSetting: { failover: [{ from: 'a', to: 'b' }] } } }] } },
    expected: [['spec.trafficPolicy.portLevelSettings[0].outlierDetection', W]],
  },
];

describe('CI0209 InvalidLocalityLbSetting', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(InvalidLocalityLbSetting, spec)).toEqual(expected);
  });

  test('gives the sum of the weights', () => {
    const [f] = findings(InvalidLocalityLbSetting, destinationRule(locality({ distribute: [{ from: 'us-west', to: { a: 50, b: 40 } }] })));
    expect(f).toMatchObject({ code: 'CI0209', message: 'locality weights from \'us-west\' sum to 90, not 100' });
    expect(f.fix).toBe(`make the weights in ${AT}.distribute[0].to sum to 100`);
  });

  test('says why failover needs outlier detection', () => {
    const [f] = findings(InvalidLocalityLbSetting, destinationRule(locality({ failover: [{ from: 'a', to: 'b' }] }, false)));
    expect(f.message).toMatch(/no endpoint is ever unhealthy and failover never happens/);
  });
});
