import { Duration } from 'cdk8s';
import { ProblemCollector, Severity } from '../../../lib/analysis/finding';
import { LoadBalancer, LoadBalancerAlgorithm } from '../../../lib/istio/traffic-policy/load-balancer';

function problemsOf(lb: LoadBalancer) {
  const c = new ProblemCollector('lb');
  lb._validate(c);
  return c.problems;
}

describe('simple', () => {
  test('renders each algorithm', () => {
    for (const algorithm of Object.values(LoadBalancerAlgorithm)) {
      // WHEN
      const lb = LoadBalancer.simple(algorithm);
      // THEN
      expect(lb._toIstio()).toEqual({ simple: algorithm });
      expect(lb.algorithm).toBe(algorithm);
      expect(problemsOf(lb)).toEqual([]);
    }
  });

  test('renders warmup (not the deprecated warmupDurationSecs)', () => {
    const lb = LoadBalancer.simple(LoadBalancerAlgorithm.ROUND_ROBIN, { warmup: { duration: Duration.seconds(30), aggression: 2, minimumPercent: 20 } });
    expect(lb._toIstio()).toEqual({ simple: 'ROUND_ROBIN', warmup: { duration: '30s', aggression: 2, minimumPercent: 20 } });
    expect(lb._toIstio()).not.toHaveProperty('warmupDurationSecs', expect.anything());
    expect(problemsOf(lb)).toEqual([]);
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
    expect(problemsOf(lb)).toEqual([]);
  });

  test('warns when warmup is used with an algorithm Istio ignores it for', () => {
    const [p] = problemsOf(LoadBalancer.simple(LoadBalancerAlgorithm.RANDOM, { warmup: { duration: Duration.seconds(10) } }));
    expect(p).toMatchObject({ code: 'CI0017', field: 'lb.warmup', severity: Severity.WARNING });
    expect(p.message).toMatch(/ROUND_ROBIN and LEAST_REQUEST/);
  });

  test('fails on a bad warmup duration, aggression and minimumPercent', () => {
    const problems = problemsOf(LoadBalancer.simple(LoadBalancerAlgorithm.ROUND_ROBIN, {
      warmup: { duration: Duration.millis(0), aggression: -1, minimumPercent: 150 },
    }));
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['CI0004', 'lb.warmup.duration'],
      ['CI0017', 'lb.warmup.aggression'],
      ['CI0005', 'lb.warmup.minimumPercent'],
    ]);
  });

  test('fails on an algorithm that is not in the enum', () => {
    const [p] = problemsOf(LoadBalancer.simple('LEAST_CONN' as LoadBalancerAlgorithm));
    expect(p).toMatchObject({ code: 'CI0017', field: 'lb.simple', value: 'LEAST_CONN' });
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

  test('a session cookie with ttl 0s is valid', () => {
    expect(problemsOf(LoadBalancer.consistentHash({ httpCookie: { name: 'user', ttl: Duration.seconds(0) } }))).toEqual([]);
  });

  test('renders minimumRingSize under ringHash (not the deprecated top-level field) and maglev', () => {
    expect(LoadBalancer.consistentHash({ httpHeaderName: 'x-user', minimumRingSize: 1024 })._toIstio())
      .toEqual({ consistentHash: { httpHeaderName: 'x-user', ringHash: { minimumRingSize: 1024 } } });
    const maglev = LoadBalancer.consistentHash({ useSourceIp: true, maglevTableSize: 65537 });
    expect(maglev._toIstio()).toEqual({ consistentHash: { useSourceIp: true, maglev: { tableSize: 65537 } } });
    expect(problemsOf(maglev)).toEqual([]);
  });

  test('renders locality settings next to the hash', () => {
    const lb = LoadBalancer.consistentHash({ useSourceIp: true, locality: { enabled: false } });
    expect(lb._toIstio()).toEqual({ consistentHash: { useSourceIp: true }, localityLbSetting: { enabled: false } });
  });

  test('fails with more than one hash key', () => {
    const [p] = problemsOf(LoadBalancer.consistentHash({ httpHeaderName: 'x-user', useSourceIp: true }));
    expect(p).toMatchObject({ code: 'CI0017', field: 'lb.consistentHash', value: ['httpHeaderName', 'useSourceIp'] });
    expect(p.message).toMatch(/exactly one/);
  });

  test('fails with no hash key', () => {
    const [p] = problemsOf(LoadBalancer.consistentHash({ useSourceIp: false }));
    expect(p).toMatchObject({ code: 'CI0015', field: 'lb.consistentHash' });
  });

  test('fails on an invalid header name, an unnamed cookie and a fractional-millisecond cookie ttl', () => {
    expect(problemsOf(LoadBalancer.consistentHash({ httpHeaderName: 'X-User' }))[0]).toMatchObject({ code: 'CI0009', field: 'lb.consistentHash.httpHeaderName', value: 'X-User' });
    expect(problemsOf(LoadBalancer.consistentHash({ httpCookie: { name: '' } }))[0]).toMatchObject({ code: 'CI0015', field: 'lb.consistentHash.httpCookie.name' });
    expect(problemsOf(LoadBalancer.consistentHash({ httpCookie: { name: 'u', ttl: Duration.millis(0.5) } }))[0])
      .toMatchObject({ code: 'CI0004', field: 'lb.consistentHash.httpCookie.ttl' });
    expect(problemsOf(LoadBalancer.consistentHash({ httpQueryParameterName: '' }))[0]).toMatchObject({ code: 'CI0015', field: 'lb.consistentHash.httpQueryParameterName' });
  });

  test('fails on a maglev table size that is not prime, and on ring hash together with maglev', () => {
    expect(problemsOf(LoadBalancer.consistentHash({ useSourceIp: true, maglevTableSize: 65536 }))[0])
      .toMatchObject({ code: 'CI0017', field: 'lb.consistentHash.maglev.tableSize', value: 65536 });
    expect(problemsOf(LoadBalancer.consistentHash({ useSourceIp: true, maglevTableSize: 5000011 }))[0])
      .toMatchObject({ code: 'CI0017', field: 'lb.consistentHash.maglev.tableSize' });
    expect(problemsOf(LoadBalancer.consistentHash({ useSourceIp: true, minimumRingSize: 10, maglevTableSize: 65537 }))[0])
      .toMatchObject({ code: 'CI0017', field: 'lb.consistentHash.maglev' });
    expect(problemsOf(LoadBalancer.consistentHash({ useSourceIp: true, minimumRingSize: -1 }))[0])
      .toMatchObject({ code: 'CI0017', field: 'lb.consistentHash.ringHash.minimumRingSize' });
  });
});

describe('locality', () => {
  test('renders failover and failoverPriority', () => {
    const lb = LoadBalancer.locality({ failover: [{ from: 'us-east', to: 'eu-west' }], failoverPriority: ['topology.istio.io/network'] });
    expect(lb._toIstio()).toEqual({ localityLbSetting: { failover: [{ from: 'us-east', to: 'eu-west' }], failoverPriority: ['topology.istio.io/network'] } });
    expect(lb.hasLocalityFailover).toBe(true);
    expect(problemsOf(lb)).toEqual([]);
  });

  test('fails with both distribute and failover', () => {
    const [p] = problemsOf(LoadBalancer.locality({
      distribute: [{ from: 'a', to: { b: 100 } }],
      failover: [{ from: 'a', to: 'b' }],
    }));
    expect(p).toMatchObject({ code: 'CI0017', field: 'lb.localityLbSetting' });
    expect(p.message).toMatch(/both distribute and failover/);
  });

  test('fails when distribute weights do not sum to 100 or are out of range', () => {
    expect(problemsOf(LoadBalancer.locality({ distribute: [{ from: 'us-west/*', to: { 'us-west/zone1/*': 50, 'us-west/zone2/*': 40 } }] }))[0])
      .toMatchObject({ code: 'CI0017', field: 'lb.localityLbSetting.distribute[0].to', message: expect.stringMatching(/sum to 90, not 100/) });
    expect(problemsOf(LoadBalancer.locality({ distribute: [{ from: 'us-west', to: { 'us-east': 0, 'eu-west': 100 } }] }))[0])
      .toMatchObject({ code: 'CI0017', field: 'lb.localityLbSetting.distribute[0].to.us-east', value: 0 });
  });

  test('fails on a malformed locality', () => {
    expect(problemsOf(LoadBalancer.locality({ distribute: [{ from: 'us-*/zone1', to: { 'us-east': 100 } }] }))[0])
      .toMatchObject({ code: 'CI0017', field: 'lb.localityLbSetting.distribute[0].from' });
  });

  test('fails on a failover to the same region, or with zones or wildcards', () => {
    expect(problemsOf(LoadBalancer.locality({ failover: [{ from: 'us-east', to: 'us-east' }] }))[0])
      .toMatchObject({ code: 'CI0017', field: 'lb.localityLbSetting.failover[0].to' });
    expect(problemsOf(LoadBalancer.locality({ failover: [{ from: 'us-east/zone1', to: 'eu-*' }] })).map((p) => p.field))
      .toEqual(['lb.localityLbSetting.failover[0].from', 'lb.localityLbSetting.failover[0].to']);
  });

  test('fails on failover together with a topology label in failoverPriority', () => {
    expect(problemsOf(LoadBalancer.locality({ failover: [{ from: 'a', to: 'b' }], failoverPriority: ['topology.kubernetes.io/region'] }))[0])
      .toMatchObject({ code: 'CI0017', field: 'lb.localityLbSetting.failoverPriority', value: 'topology.kubernetes.io/region' });
  });
});
