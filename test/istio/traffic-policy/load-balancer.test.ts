import { Duration } from 'cdk8s';
import { Severity } from '../../../lib/analysis/finding';
import { LoadBalancer, LoadBalancerAlgorithm } from '../../../lib/istio/traffic-policy/load-balancer';
import { OutlierDetection } from '../../../lib/istio/traffic-policy/outlier-detection';
import { TrafficPolicy } from '../../../lib/istio/traffic-policy/traffic-policy';
import { policyFindings } from './helpers';

/** The findings of the load balancer in a DestinationRule (with outlier detection, so that failover is not warned about). */
const findingsOf = (loadBalancer: LoadBalancer) => policyFindings(TrafficPolicy.of({ loadBalancer, outlierDetection: OutlierDetection.of() }));
const LB = 'loadBalancer';

describe('simple', () => {
  test('renders each algorithm', () => {
    for (const algorithm of Object.values(LoadBalancerAlgorithm)) {
      // WHEN
      const lb = LoadBalancer.simple(algorithm);
      // THEN
      expect(lb._toIstio()).toEqual({ simple: algorithm });
      expect(lb.algorithm).toBe(algorithm);
      expect(findingsOf(lb)).toEqual([]);
    }
  });

  test('renders warmup (not the deprecated warmupDurationSecs)', () => {
    const lb = LoadBalancer.simple(LoadBalancerAlgorithm.ROUND_ROBIN, { warmup: { duration: Duration.seconds(30), aggression: 2, minimumPercent: 20 } });
    expect(lb._toIstio()).toEqual({ simple: 'ROUND_ROBIN', warmup: { duration: '30s', aggression: 2, minimumPercent: 20 } });
    expect(lb._toIstio()).not.toHaveProperty('warmupDurationSecs', expect.anything());
    expect(findingsOf(lb)).toEqual([]);
  });

  test('a warmup duration given as a string from plain JavaScript renders as given', () => {
    const lb = LoadBalancer.simple(LoadBalancerAlgorithm.LEAST_REQUEST, { warmup: { duration: '45s' as any } });
    expect(lb._toIstio()).toEqual({ simple: 'LEAST_REQUEST', warmup: { duration: '45s' } });
    expect(findingsOf(lb)).toEqual([]);
  });

  test('renders locality settings', () => {
    // GIVEN
    const lb = LoadBalancer.simple(LoadBalancerAlgorithm.LEAST_REQUEST, {
      locality: { enabled: true, distribute: [{ from: 'us-west/zone1/*', to: { 'us-west/zone1/*': 80, 'us-west/zone2/*': 20 } }] },
    });
    // THEN
    expect(lb._toIstio()).toEqual({
      simple: 'LEAST_REQUEST',
      localityLbSetting: { enabled: true, distribute: [{ from: 'us-west/zone1/*', to: { 'us-west/zone1/*': 80, 'us-west/zone2/*': 20 } }] },
    });
    expect(findingsOf(lb)).toEqual([]);
  });

  test('warns (CI0210) when warmup is used with an algorithm Istio ignores it for', () => {
    const [f] = findingsOf(LoadBalancer.simple(LoadBalancerAlgorithm.RANDOM, { warmup: { duration: Duration.seconds(10) } }));
    expect(f).toMatchObject({ code: 'CI0210', field: `${LB}.warmup`, severity: Severity.WARNING });
    expect(f.message).toMatch(/ROUND_ROBIN and LEAST_REQUEST/);
  });

  test('fails (CI0210) on a bad warmup duration, aggression and minimumPercent', () => {
    const findings = findingsOf(LoadBalancer.simple(LoadBalancerAlgorithm.ROUND_ROBIN, {
      warmup: { duration: Duration.millis(0), aggression: 0.5, minimumPercent: 150 },
    }));
    expect(findings.map((f) => [f.code, f.field])).toEqual([
      ['CI0210', `${LB}.warmup.duration`],
      ['CI0210', `${LB}.warmup.minimumPercent`],
      ['CI0210', `${LB}.warmup.aggression`],
    ]);
  });

  test('fails (CI0016, the CRD schema) on an algorithm that is not in the enum', () => {
    const [f] = findingsOf(LoadBalancer.simple('FASTEST' as LoadBalancerAlgorithm));
    expect(f).toMatchObject({ code: 'CI0016', field: `${LB}.simple`, value: 'FASTEST' });
  });
});

describe('consistentHash', () => {
  test('renders each hash key', () => {
    expect(LoadBalancer.consistentHash({ httpHeaderName: 'x-user' })._toIstio()).toEqual({ consistentHash: { httpHeaderName: 'x-user' } });
    expect(LoadBalancer.consistentHash({ useSourceIp: true })._toIstio()).toEqual({ consistentHash: { useSourceIp: true } });
    expect(LoadBalancer.consistentHash({ httpQueryParameterName: 'user' })._toIstio()).toEqual({ consistentHash: { httpQueryParameterName: 'user' } });
    expect(LoadBalancer.consistentHash({ httpCookie: { name: 'user', path: '/', ttl: Duration.seconds(0) } })._toIstio())
      .toEqual({ consistentHash: { httpCookie: { name: 'user', path: '/', ttl: '0s' } } });
    expect(LoadBalancer.consistentHash({ httpHeaderName: 'x-user' }).isConsistentHash).toBe(true);
  });

  test('a session cookie with ttl 0s and an uppercase header name are valid', () => {
    expect(findingsOf(LoadBalancer.consistentHash({ httpCookie: { name: 'user', ttl: Duration.seconds(0) } }))).toEqual([]);
    expect(findingsOf(LoadBalancer.consistentHash({ httpHeaderName: 'X-User-Id' }))).toEqual([]);
  });

  test('renders minimumRingSize under ringHash (not the deprecated top-level field) and maglev', () => {
    expect(LoadBalancer.consistentHash({ httpHeaderName: 'x-user', minimumRingSize: 1024 })._toIstio())
      .toEqual({ consistentHash: { httpHeaderName: 'x-user', ringHash: { minimumRingSize: 1024 } } });
    const maglev = LoadBalancer.consistentHash({ useSourceIp: true, maglevTableSize: 65537 });
    expect(maglev._toIstio()).toEqual({ consistentHash: { useSourceIp: true, maglev: { tableSize: 65537 } } });
    expect(findingsOf(maglev)).toEqual([]);
  });

  test('renders locality settings next to the hash', () => {
    const lb = LoadBalancer.consistentHash({ useSourceIp: true, locality: { enabled: false } });
    expect(lb._toIstio()).toEqual({ consistentHash: { useSourceIp: true }, localityLbSetting: { enabled: false } });
  });

  test('fails (CI0208) with more than one hash key', () => {
    const [f] = findingsOf(LoadBalancer.consistentHash({ httpHeaderName: 'x-user', useSourceIp: true }));
    expect(f).toMatchObject({ code: 'CI0208', field: `${LB}.consistentHash`, value: ['httpHeaderName', 'useSourceIp'] });
    expect(f.message).toMatch(/Istio accepts one/);
  });

  test('warns (CI0208) with no hash key, and with empty header or query parameter names', () => {
    expect(findingsOf(LoadBalancer.consistentHash({ useSourceIp: false }))).toEqual([expect.objectContaining({ code: 'CI0208', field: `${LB}.consistentHash`, severity: Severity.WARNING })]);
    expect(findingsOf(LoadBalancer.consistentHash(undefined as any))).toEqual([expect.objectContaining({ code: 'CI0208', field: `${LB}.consistentHash`, severity: Severity.WARNING })]);
    expect(findingsOf(LoadBalancer.consistentHash({ httpQueryParameterName: '' }))[0])
      .toMatchObject({ code: 'CI0208', field: `${LB}.consistentHash.httpQueryParameterName`, severity: Severity.WARNING });
  });

  test('fails (CI0208) on an unnamed cookie', () => {
    expect(findingsOf(LoadBalancer.consistentHash({ httpCookie: { name: '' } }))[0]).toMatchObject({ code: 'CI0208', field: `${LB}.consistentHash.httpCookie.name` });
  });

  test('fails (CI0208) on a maglev table size that is not prime or too large', () => {
    expect(findingsOf(LoadBalancer.consistentHash({ useSourceIp: true, maglevTableSize: 65536 }))[0])
      .toMatchObject({ code: 'CI0208', field: `${LB}.consistentHash.maglev.tableSize`, value: 65536 });
    expect(findingsOf(LoadBalancer.consistentHash({ useSourceIp: true, maglevTableSize: 5000011 }))[0])
      .toMatchObject({ code: 'CI0208', field: `${LB}.consistentHash.maglev.tableSize` });
  });

  test('fails on ring hash together with maglev (CI0208), and on a negative ring size (CI0016, the CRD schema)', () => {
    expect(findingsOf(LoadBalancer.consistentHash({ useSourceIp: true, minimumRingSize: 10, maglevTableSize: 65537 })).map((f) => [f.code, f.field]))
      .toEqual([['CI0208', `${LB}.consistentHash`]]);
    expect(findingsOf(LoadBalancer.consistentHash({ useSourceIp: true, minimumRingSize: -1 })).map((f) => [f.code, f.field]))
      .toEqual([['CI0016', `${LB}.consistentHash.ringHash.minimumRingSize`]]);
  });
});

describe('locality', () => {
  test('renders failover and failoverPriority', () => {
    const lb = LoadBalancer.locality({ failover: [{ from: 'us-east', to: 'eu-west' }], failoverPriority: ['topology.istio.io/network'] });
    expect(lb._toIstio()).toEqual({ localityLbSetting: { failover: [{ from: 'us-east', to: 'eu-west' }], failoverPriority: ['topology.istio.io/network'] } });
    expect(lb.hasLocalityFailover).toBe(true);
    expect(findingsOf(lb)).toEqual([]);
  });

  test('localities that are not lists from plain JavaScript render as given', () => {
    const lb = LoadBalancer.locality({ failover: 'us-east' as any });
    expect(lb._toIstio()).toEqual({ localityLbSetting: { failover: 'us-east' } });
    expect(lb.hasLocalityFailover).toBe(false);
  });

  test('fails (CI0209) with both distribute and failover', () => {
    const [f] = findingsOf(LoadBalancer.locality({
      distribute: [{ from: 'a', to: { b: 100 } }],
      failover: [{ from: 'a', to: 'b' }],
    }));
    expect(f).toMatchObject({ code: 'CI0209', field: `${LB}.localityLbSetting` });
    expect(f.message).toMatch(/both distribute and failover/);
  });

  test('fails (CI0209) when distribute weights do not sum to 100 or are out of range', () => {
    expect(findingsOf(LoadBalancer.locality({ distribute: [{ from: 'us-west/*', to: { 'us-west/zone1/*': 50, 'us-west/zone2/*': 40 } }] }))[0])
      .toMatchObject({ code: 'CI0209', field: `${LB}.localityLbSetting.distribute[0].to`, message: expect.stringMatching(/sum to 90, not 100/) });
    expect(findingsOf(LoadBalancer.locality({ distribute: [{ from: 'us-west', to: { 'us-east': 0, 'eu-west': 100 } }] }))[0])
      .toMatchObject({ code: 'CI0209', field: `${LB}.localityLbSetting.distribute[0].to.us-east`, value: 0 });
  });

  test('fails (CI0209) on a malformed locality', () => {
    expect(findingsOf(LoadBalancer.locality({ distribute: [{ from: 'us-*/zone1', to: { 'us-east': 100 } }] }))[0])
      .toMatchObject({ code: 'CI0209', field: `${LB}.localityLbSetting.distribute[0].from` });
  });

  test('fails (CI0209) on a failover to the same region, or with zones or wildcards', () => {
    expect(findingsOf(LoadBalancer.locality({ failover: [{ from: 'us-east', to: 'us-east' }] }))[0])
      .toMatchObject({ code: 'CI0209', field: `${LB}.localityLbSetting.failover[0].to` });
    expect(findingsOf(LoadBalancer.locality({ failover: [{ from: 'us-east/zone1', to: 'eu-*' }] })).map((f) => f.field))
      .toEqual([`${LB}.localityLbSetting.failover[0].from`, `${LB}.localityLbSetting.failover[0].to`]);
  });

  test('fails (CI0209) on failover together with a topology label in failoverPriority', () => {
    expect(findingsOf(LoadBalancer.locality({ failover: [{ from: 'a', to: 'b' }], failoverPriority: ['topology.kubernetes.io/region'] }))[0])
      .toMatchObject({ code: 'CI0209', field: `${LB}.localityLbSetting.failoverPriority[0]`, value: 'topology.kubernetes.io/region' });
  });
});
