import { Duration } from 'cdk8s';
import { ConnectionPool, H2UpgradePolicy } from '../../../lib/istio/traffic-policy/connection-pool';
import { TrafficPolicy } from '../../../lib/istio/traffic-policy/traffic-policy';
import { policyFindings } from './helpers';

/** The findings of the pool in a DestinationRule (fields relative to `spec.trafficPolicy`). */
const findingsOf = (connectionPool: ConnectionPool) => policyFindings(TrafficPolicy.of({ connectionPool }));

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
  expect(findingsOf(pool)).toEqual([]);
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
  expect(findingsOf(pool)).toEqual([]);
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

test('durations given as strings from plain JavaScript render as given', () => {
  const pool = ConnectionPool.of({ tcp: { connectTimeout: '250ms' as any, idleTimeout: '0s' as any }, http: { idleTimeout: '30s' as any } });
  expect(pool._toIstio()).toEqual({ tcp: { connectTimeout: '250ms', idleTimeout: '0s' }, http: { idleTimeout: '30s' } });
  expect(findingsOf(pool)).toEqual([]);
  expect(findingsOf(ConnectionPool.of({ tcp: { connectTimeout: '0s' as any } })).map((f) => [f.code, f.field])).toEqual([['CI0211', 'connectionPool.tcp.connectTimeout']]);
});

test('options left out by plain JavaScript render an empty pool, which the checks report', () => {
  const pool = ConnectionPool.of(undefined as any);
  expect(pool._toIstio()).toEqual({});
  expect(findingsOf(pool).map((f) => [f.code, f.field])).toEqual([['CI0211', 'connectionPool']]);
});

test('fails (CI0211) when neither tcp nor http is set', () => {
  const [f] = findingsOf(ConnectionPool.of({}));
  expect(f).toMatchObject({ code: 'CI0211', field: 'connectionPool' });
});

test('fails (CI0211) on negative counts; fractional ones are left to the CRD schema', () => {
  const findings = findingsOf(ConnectionPool.of({
    tcp: { maxConnections: -1 },
    http: { http1MaxPendingRequests: -1, http2MaxRequests: -2, maxRequestsPerConnection: -3, maxRetries: -4, maxConcurrentStreams: -5 },
  }));
  expect(findings.map((f) => [f.code, f.field])).toEqual([
    ['CI0211', 'connectionPool.http.http1MaxPendingRequests'],
    ['CI0211', 'connectionPool.http.http2MaxRequests'],
    ['CI0211', 'connectionPool.http.maxRequestsPerConnection'],
    ['CI0211', 'connectionPool.http.maxRetries'],
    ['CI0211', 'connectionPool.http.maxConcurrentStreams'],
    ['CI0211', 'connectionPool.tcp.maxConnections'],
  ]);
  expect(findings[5].message).toBe('maxConnections must be 0 or more, got -1');
  expect(findingsOf(ConnectionPool.of({ tcp: { tcpKeepalive: { probes: 1.5 } } })).map((f) => [f.code, f.field]))
    .toEqual([['CI0016', 'connectionPool.tcp.tcpKeepalive.probes']]);
});

test('fails (CI0211) on durations below 1ms', () => {
  const zero = Duration.millis(0);
  const findings = findingsOf(ConnectionPool.of({
    tcp: { connectTimeout: zero, maxConnectionDuration: zero, idleTimeout: Duration.millis(1.5), tcpKeepalive: { time: zero, interval: zero } },
    http: { idleTimeout: Duration.millis(0.5) },
  }));
  expect(findings.map((f) => [f.code, f.field])).toEqual([
    ['CI0211', 'connectionPool.http.idleTimeout'],
    ['CI0211', 'connectionPool.tcp.connectTimeout'],
    ['CI0211', 'connectionPool.tcp.maxConnectionDuration'],
    ['CI0211', 'connectionPool.tcp.idleTimeout'],
    ['CI0211', 'connectionPool.tcp.tcpKeepalive.time'],
    ['CI0211', 'connectionPool.tcp.tcpKeepalive.interval'],
  ]);
  expect(findings[1]).toMatchObject({ value: '0s', message: 'connectTimeout must be at least 1ms, got 0s' });
});

test('a TCP idleTimeout of 0s turns the timeout off and is valid (the CRD has no 1ms rule there)', () => {
  expect(findingsOf(ConnectionPool.of({ tcp: { idleTimeout: Duration.seconds(0) } }))).toEqual([]);
  expect(ConnectionPool.of({ tcp: { idleTimeout: Duration.seconds(0) } })._toIstio()).toEqual({ tcp: { idleTimeout: '0s' } });
});

test('fails (CI0211) on useClientProtocol with the UPGRADE policy', () => {
  const [f] = findingsOf(ConnectionPool.of({ http: { h2UpgradePolicy: H2UpgradePolicy.UPGRADE, useClientProtocol: true } }));
  expect(f).toMatchObject({ code: 'CI0211', field: 'connectionPool.http.useClientProtocol' });
});

test('fails (CI0016, the CRD schema) on an unknown h2UpgradePolicy', () => {
  const [f] = findingsOf(ConnectionPool.of({ http: { h2UpgradePolicy: 'ALWAYS' as H2UpgradePolicy } }));
  expect(f).toMatchObject({ code: 'CI0016', field: 'connectionPool.http.h2UpgradePolicy', value: 'ALWAYS' });
});
