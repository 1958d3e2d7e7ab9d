import { InvalidConnectionPool } from '../../../../../lib/analysis/checks/object/destination-rule/invalid-connection-pool';
import { Case, destinationRule, E, fieldsOf, findings } from './helpers';

const pooled = (connectionPool: unknown) => ({ host: 'r', trafficPolicy: { connectionPool } });
const AT = 'spec.trafficPolicy.connectionPool';

const CASES: Case[] = [
  { name: 'the circuit-breaking task', spec: pooled({ tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1, maxRequestsPerConnection: 1 } }), expected: [] },
  { name: 'every timeout', spec: pooled({ tcp: { connectTimeout: '30ms', maxConnectionDuration: '1h', idleTimeout: '5m', tcpKeepalive: { time: '7200s', interval: '75s', probes: 9 } }, http: { idleTimeout: '30s' } }), expected: [] },
  { name: 'a TCP idleTimeout of 0s (turns it off)', spec: pooled({ tcp: { idleTimeout: '0s' } }), expected: [] },
  { name: 'a TCP idleTimeout that truncates to 0ms', spec: pooled({ tcp: { idleTimeout: '0.5ms' } }), expected: [] },
  { name: 'zero limits', spec: pooled({ tcp: { maxConnections: 0 }, http: { maxRetries: 0 } }), expected: [] },
  { name: 'UPGRADE without useClientProtocol', spec: pooled({ http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: false } }), expected: [] },
  { name: 'neither tcp nor http', spec: pooled({}), expected: [[AT, E]] },
  {
    name: 'negative limits',
    spec: pooled({ tcp: { maxConnections: -1 }, http: { http1MaxPendingRequests: -1, http2MaxRequests: -2, maxRequestsPerConnection: -3, maxRetries: -4, maxConcurrentStreams: -5 } }),
    expected: [
      [`${AT}.http.http1MaxPendingRequests`, E], [`${AT}.http.http2MaxRequests`, E], [`${AT}.http.maxRequestsPerConnection`, E],
      [`${AT}.http.maxRetries`, E], [`${AT}.http.maxConcurrentStreams`, E], [`${AT}.tcp.maxConnections`, E],
    ],
  },
  {
    name: 'timeouts below 1ms',
    spec: pooled({ tcp: { connectTimeout: '0.25ms', maxConnectionDuration: '0s', tcpKeepalive: { time: '0s', interval: '100us' } }, http: { idleTimeout: '0s' } }),
    expected: [
      [`${AT}.http.idleTimeout`, E], [`${AT}.tcp.connectTimeout`, E], [`${AT}.tcp.maxConnectionDuration`, E],
      [`${AT}.tcp.tcpKeepalive.time`, E], [`${AT}.tcp.tcpKeepalive.interval`, E],
    ],
  },
  { name: 'a timeout finer than a millisecond', spec: pooled({ tcp: { connectTimeout: '1.5ms' } }), expected: [[`${AT}.tcp.connectTimeout`, E]] },
  { name: 'useClientProtocol with UPGRADE', spec: pooled({ http: { h2UpgradePolicy: 'UPGRADE', useClientProtocol: true } }), expected: [[`${AT}.http.useClientProtocol`, E]] },
  { name: 'a port-level pool', spec: { host: 'r', trafficPolicy: { portLevelSettings: [{ port: { number: 80 }, connectionPool: { tcp: { maxConnections: -1 } } }] } }, expected: [['spec.trafficPolicy.portLevelSettings[0].connectionPool.tcp.maxConnections', E]] },
  { name: 'a count given as a string (left to the CRD schema)', spec: pooled({ tcp: { maxConnections: '-1' } }), expected: [] },
];

describe('CI0211 InvalidConnectionPool', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(InvalidConnectionPool, spec)).toEqual(expected);
  });

  test('names the timeout and the smallest allowed value', () => {
    const [f] = findings(InvalidConnectionPool, destinationRule(pooled({ tcp: { connectTimeout: '0.25ms' } })));
    expect(f).toMatchObject({ code: 'CI0211', value: '0.25ms', message: 'connectTimeout must be at least 1ms, got 0.25ms' });
    expect(f.fix).toBe(`set ${AT}.tcp.connectTimeout to at least 1ms in whole milliseconds, such as '250ms' or '10s' (in code: a cdk8s Duration such as Duration.millis(250))`);
  });

  test('names a negative limit', () => {
    const [f] = findings(InvalidConnectionPool, destinationRule(pooled({ tcp: { maxConnections: -1 } })));
    expect(f.message).toBe('maxConnections must be 0 or more, got -1');
  });
});
