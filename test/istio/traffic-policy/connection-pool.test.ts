import { Duration } from 'cdk8s';
import { ProblemCollector } from '../../../lib/analysis/finding';
import { ConnectionPool, H2UpgradePolicy } from '../../../lib/istio/traffic-policy/connection-pool';

function problemsOf(pool: ConnectionPool) {
  const c = new ProblemCollector('cp');
  pool._validate(c);
  return c.problems;
}

test('renders every tcp option', () => {
  // GIVEN
  const pool = ConnectionPool.of({
    tcp: {
      maxConnections: 100,
      connectTimeout: Duration.millis(30),
      tcpKeepalive: { probes: 3, time: Duration.hours(2), interval: Duration.seconds(75) },
      maxConnectionDuration: Duration.minutes(10),
      idleTimeout: Duration.minutes(5),
    },
  });
  // THEN
  expect(pool._toIstio()).toEqual({
    tcp: {
      maxConnections: 100,
      connectTimeout: '30ms',
      tcpKeepalive: { probes: 3, time: '7200s', interval: '75s' },
      maxConnectionDuration: '600s',
      idleTimeout: '300s',
    },
  });
  expect(problemsOf(pool)).toEqual([]);
});

test('renders every http option', () => {
  const pool = ConnectionPool.of({
    http: {
      http1MaxPendingRequests: 1,
      http2MaxRequests: 1000,
      maxRequestsPerConnection: 10,
      maxRetries: 3,
      idleTimeout: Duration.seconds(30),
      h2UpgradePolicy: H2UpgradePolicy.UPGRADE,
      useClientProtocol: false,
      maxConcurrentStreams: 100,
    },
  });
  expect(pool._toIstio()).toEqual({
    http: {
      http1MaxPendingRequests: 1,
      http2MaxRequests: 1000,
      maxRequestsPerConnection: 10,
      maxRetries: 3,
      idleTimeout: '30s',
      h2UpgradePolicy: 'UPGRADE',
      useClientProtocol: false,
      maxConcurrentStreams: 100,
    },
  });
  expect(problemsOf(pool)).toEqual([]);
});

test('the circuit-breaking task settings render as in the Istio docs', () => {
  const pool = ConnectionPool.of({ tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1, maxRequestsPerConnection: 1 } });
  expect(pool._toIstio()).toEqual({ tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1, maxRequestsPerConnection: 1 } });
});

test('getters return copies', () => {
  const pool = ConnectionPool.of({ tcp: { maxConnections: 1 } });
  (pool.tcp as any).maxConnections = 5;
  expect(pool.tcp).toEqual({ maxConnections: 1 });
  expect(pool.http).toBeUndefined();
});

test('fails when neither tcp nor http is set', () => {
  const [p] = problemsOf(ConnectionPool.of({}));
  expect(p).toMatchObject({ code: 'CI0015', field: 'cp' });
});

test('fails on negative or fractional counts', () => {
  const problems = problemsOf(ConnectionPool.of({
    tcp: { maxConnections: -1, tcpKeepalive: { probes: 1.5 } },
    http: { http1MaxPendingRequests: -1, http2MaxRequests: -2, maxRequestsPerConnection: -3, maxRetries: -4, maxConcurrentStreams: -5 },
  }));
  expect(problems.map((p) => [p.code, p.field])).toEqual([
    ['CI0017', 'cp.tcp.maxConnections'],
    ['CI0017', 'cp.tcp.tcpKeepalive.probes'],
    ['CI0017', 'cp.http.http1MaxPendingRequests'],
    ['CI0017', 'cp.http.http2MaxRequests'],
    ['CI0017', 'cp.http.maxRequestsPerConnection'],
    ['CI0017', 'cp.http.maxRetries'],
    ['CI0017', 'cp.http.maxConcurrentStreams'],
  ]);
  expect(problems[0].message).toBe('maxConnections must be an integer from 0 to 2147483647, got -1');
});

test('fails on durations below 1ms', () => {
  const zero = Duration.millis(0);
  const problems = problemsOf(ConnectionPool.of({
    tcp: { connectTimeout: zero, maxConnectionDuration: zero, idleTimeout: Duration.millis(0.5), tcpKeepalive: { time: zero, interval: zero } },
    http: { idleTimeout: Duration.millis(0.5) },
  }));
  expect(problems.map((p) => [p.code, p.field])).toEqual([
    ['CI0004', 'cp.tcp.connectTimeout'],
    ['CI0004', 'cp.tcp.maxConnectionDuration'],
    ['CI0004', 'cp.tcp.idleTimeout'],
    ['CI0004', 'cp.tcp.tcpKeepalive.time'],
    ['CI0004', 'cp.tcp.tcpKeepalive.interval'],
    ['CI0004', 'cp.http.idleTimeout'],
  ]);
  expect(problems[0]).toMatchObject({ value: '0s', message: expect.stringMatching(/^connectTimeout must be at least 1ms/) });
});

test('a TCP idleTimeout of 0s turns the timeout off and is valid (the CRD has no 1ms rule there)', () => {
  expect(problemsOf(ConnectionPool.of({ tcp: { idleTimeout: Duration.seconds(0) } }))).toEqual([]);
  expect(ConnectionPool.of({ tcp: { idleTimeout: Duration.seconds(0) } })._toIstio()).toEqual({ tcp: { idleTimeout: '0s' } });
});

test('fails on useClientProtocol with the UPGRADE policy', () => {
  const [p] = problemsOf(ConnectionPool.of({ http: { h2UpgradePolicy: H2UpgradePolicy.UPGRADE, useClientProtocol: true } }));
  expect(p).toMatchObject({ code: 'CI0017', field: 'cp.http.useClientProtocol' });
});

test('fails on an unknown h2UpgradePolicy', () => {
  const [p] = problemsOf(ConnectionPool.of({ http: { h2UpgradePolicy: 'ALWAYS' as H2UpgradePolicy } }));
  expect(p).toMatchObject({ code: 'CI0017', field: 'cp.http.h2UpgradePolicy', value: 'ALWAYS' });
});
