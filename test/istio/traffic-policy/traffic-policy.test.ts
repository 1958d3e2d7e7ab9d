import { Duration } from 'cdk8s';
import { ProblemCollector, Severity } from '../../../lib/analysis/finding';
import { ClientTls } from '../../../lib/istio/traffic-policy/client-tls';
import { ConnectionPool } from '../../../lib/istio/traffic-policy/connection-pool';
import { LoadBalancer, LoadBalancerAlgorithm } from '../../../lib/istio/traffic-policy/load-balancer';
import { OutlierDetection } from '../../../lib/istio/traffic-policy/outlier-detection';
import { TrafficPolicy } from '../../../lib/istio/traffic-policy/traffic-policy';

function problemsOf(tp: TrafficPolicy) {
  const c = new ProblemCollector('tp');
  tp._validate(c);
  return c.problems;
}

test('renders every part and port-level settings', () => {
  // GIVEN
  const tp = TrafficPolicy.of({
    loadBalancer: LoadBalancer.simple(LoadBalancerAlgorithm.LEAST_REQUEST),
    connectionPool: ConnectionPool.of({ tcp: { maxConnections: 100 } }),
    outlierDetection: OutlierDetection.of({ interval: Duration.seconds(1) }),
    tls: ClientTls.istioMutual(),
    portLevelSettings: [
      { port: 80, loadBalancer: LoadBalancer.simple(LoadBalancerAlgorithm.ROUND_ROBIN) },
      { port: 9080, connectionPool: ConnectionPool.of({ http: { maxRetries: 2 } }), tls: ClientTls.disable() },
    ],
  });
  // THEN
  expect(tp._toIstio()).toEqual({
    loadBalancer: { simple: 'LEAST_REQUEST' },
    connectionPool: { tcp: { maxConnections: 100 } },
    outlierDetection: { interval: '1s' },
    tls: { mode: 'ISTIO_MUTUAL' },
    portLevelSettings: [
      { port: { number: 80 }, loadBalancer: { simple: 'ROUND_ROBIN' } },
      { port: { number: 9080 }, connectionPool: { http: { maxRetries: 2 } }, tls: { mode: 'DISABLE' } },
    ],
  });
  expect(problemsOf(tp)).toEqual([]);
});

test('exposes its parts and copies of the port-level settings', () => {
  const tls = ClientTls.istioMutual();
  const tp = TrafficPolicy.of({ tls, portLevelSettings: [{ port: 80, tls }] });
  expect(tp.tls).toBe(tls);
  expect(tp.loadBalancer).toBeUndefined();
  const ports = tp.portLevelSettings;
  ports.pop();
  expect(tp.portLevelSettings).toHaveLength(1);
});

test('fails when it sets nothing', () => {
  const [p] = problemsOf(TrafficPolicy.of({}));
  expect(p).toMatchObject({ code: 'CI0015', field: 'tp' });
});

test('reports the problems of its parts under their fields', () => {
  const problems = problemsOf(TrafficPolicy.of({
    loadBalancer: LoadBalancer.consistentHash({}),
    connectionPool: ConnectionPool.of({}),
    outlierDetection: OutlierDetection.of({ maxEjectionPercent: 200 }),
    tls: ClientTls.mutual({}),
  }));
  expect(problems.map((p) => [p.code, p.field])).toEqual([
    ['CI0015', 'tp.loadBalancer.consistentHash'],
    ['CI0015', 'tp.connectionPool'],
    ['CI0005', 'tp.outlierDetection.maxEjectionPercent'],
    ['CI0013', 'tp.tls.clientCertificate'],
  ]);
});

test('fails on duplicate, out-of-range and empty port-level settings', () => {
  const lb = LoadBalancer.simple(LoadBalancerAlgorithm.RANDOM);
  const problems = problemsOf(TrafficPolicy.of({
    portLevelSettings: [{ port: 9080, loadBalancer: lb }, { port: 9080, loadBalancer: lb }, { port: 0, loadBalancer: lb }, { port: 80 }],
  }));
  expect(problems.map((p) => [p.code, p.field, p.value])).toEqual([
    ['CI0012', 'tp.portLevelSettings[1].port.number', 9080],
    ['CI0003', 'tp.portLevelSettings[2].port.number', 0],
    ['CI0015', 'tp.portLevelSettings[3]', 80],
  ]);
  expect(problems[0].message).toBe('port 9080 already has a port-level policy (portLevelSettings[0])');
});

test('reports problems inside port-level policies under their index', () => {
  const [p] = problemsOf(TrafficPolicy.of({ portLevelSettings: [{ port: 80, outlierDetection: OutlierDetection.of({ minHealthPercent: 101 }) }] }));
  expect(p).toMatchObject({ code: 'CI0005', field: 'tp.portLevelSettings[0].outlierDetection.minHealthPercent' });
});

test('warns about locality failover without outlier detection', () => {
  const [p] = problemsOf(TrafficPolicy.of({ loadBalancer: LoadBalancer.locality({ failover: [{ from: 'us-east', to: 'eu-west' }] }) }));
  expect(p).toMatchObject({ code: 'CI0015', field: 'tp.outlierDetection', severity: Severity.WARNING });
  expect(problemsOf(TrafficPolicy.of({
    loadBalancer: LoadBalancer.locality({ failover: [{ from: 'us-east', to: 'eu-west' }] }),
    outlierDetection: OutlierDetection.of({ consecutive5xxErrors: 1 }),
  }))).toEqual([]);
});
