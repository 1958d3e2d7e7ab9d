import { InvalidSidecarConnectionPool } from '../../../../../lib/analysis/checks/object/sidecar/invalid-sidecar-connection-pool';
import { findings, ingress, sidecar, summary, VERSIONS } from './helpers';

const inbound = (inboundConnectionPool: unknown) => sidecar({ inboundConnectionPool });

describe('CI0509 InvalidSidecarConnectionPool', () => {
  test.each([
    ['tcp limits', { tcp: { maxConnections: 100, connectTimeout: '500ms', maxConnectionDuration: '1h', tcpKeepalive: { time: '7200s', interval: '75s' } } }],
    ['http limits', { http: { http1MaxPendingRequests: 0, maxRetries: 3, idleTimeout: '30s', h2UpgradePolicy: 'UPGRADE' } }],
    ['a TCP idleTimeout of 0s (turns it off)', { tcp: { idleTimeout: '0s' } }],
    ['an empty tcp (still set)', { tcp: {} }],
  ])('accepts %s', (_, pool) => {
    expect(findings(InvalidSidecarConnectionPool, inbound(pool))).toEqual([]);
  });

  test.each([
    ['neither tcp nor http', {}, ['spec.inboundConnectionPool error']],
    ['negative maxConnections', { tcp: { maxConnections: -1 } }, ['spec.inboundConnectionPool.tcp.maxConnections error']],
    ['negative http limits', { http: { http2MaxRequests: -1, maxConcurrentStreams: -5 } },
      ['spec.inboundConnectionPool.http.http2MaxRequests error', 'spec.inboundConnectionPool.http.maxConcurrentStreams error']],
    ['a connectTimeout below 1ms', { tcp: { connectTimeout: '500us' } }, ['spec.inboundConnectionPool.tcp.connectTimeout error']],
    ['an idleTimeout finer than a millisecond', { http: { idleTimeout: '1.5ms' } }, ['spec.inboundConnectionPool.http.idleTimeout error']],
    ['a keepalive interval of 0s', { tcp: { tcpKeepalive: { interval: '0s' } } }, ['spec.inboundConnectionPool.tcp.tcpKeepalive.interval error']],
    ['useClientProtocol with UPGRADE', { http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } }, ['spec.inboundConnectionPool.http.useClientProtocol error']],
  ])('fails for %s', (_, pool, expected) => {
    expect(summary(InvalidSidecarConnectionPool, inbound(pool))).toEqual(expected);
  });

  test.each(VERSIONS)('checks the per-port pool of an ingress listener too (%s)', (apiVersion) => {
    const [f, ...rest] = findings(InvalidSidecarConnectionPool, sidecar({ ingress: [ingress({ connectionPool: { tcp: { connectTimeout: '0s' } } })] }, apiVersion));
    expect(rest).toEqual([]);
    expect(f.field).toBe('spec.ingress[0].connectionPool.tcp.connectTimeout');
    expect(f.message).toBe('connectTimeout must be at least 1ms, got 0s');
    expect(f.fix).toBe("set connectTimeout to a duration of at least 1ms in whole milliseconds, e.g. '500ms' or '30s'");
  });
});
