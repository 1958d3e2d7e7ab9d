import { Duration } from 'cdk8s';
import { Severity } from '../../../lib/analysis/finding';
import { ClientTls } from '../../../lib/istio/traffic-policy/client-tls';
import { ConnectionPool } from '../../../lib/istio/traffic-policy/connection-pool';
import { LoadBalancer, LoadBalancerAlgorithm } from '../../../lib/istio/traffic-policy/load-balancer';
import { OutlierDetection } from '../../../lib/istio/traffic-policy/outlier-detection';
import { TrafficPolicy } from '../../../lib/istio/traffic-policy/traffic-policy';
import { policyFindings } from './helpers';

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
  expect(policyFindings(tp)).toEqual([]);
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

test('parts given as plain objects from plain JavaScript render as given, and are checked', () => {
  const tp = TrafficPolicy.of({ tls: { mode: 'MUTUAL' } as any, portLevelSettings: 'none' as any });
  expect(tp._toIstio()).toEqual({ tls: { mode: 'MUTUAL' } });
  expect(policyFindings(tp).map((f) => [f.code, f.field])).toEqual([['CI0213', 'tls.clientCertificate'], ['CI0213', 'tls.privateKey']]);
  expect(TrafficPolicy.of(undefined as any)._toIstio()).toEqual({});
});

test('fails (CI0206) when it sets nothing', () => {
  const [f] = policyFindings(TrafficPolicy.of({}));
  expect(f).toMatchObject({ code: 'CI0206', field: '' });
});

test('reports the problems of its parts under their fields', () => {
  const findings = policyFindings(TrafficPolicy.of({
    loadBalancer: LoadBalancer.consistentHash({ httpHeaderName: 'x', useSourceIp: true }),
    connectionPool: ConnectionPool.of({}),
    outlierDetection: OutlierDetection.of({ maxEjectionPercent: 200 }),
    tls: ClientTls.mutual({}),
  }));
  expect(findings.map((f) => [f.code, f.field])).toEqual([
    ['CI0208', 'loadBalancer.consistentHash'],
    ['CI0211', 'connectionPool'],
    ['CI0212', 'outlierDetection.maxEjectionPercent'],
    ['CI0213', 'tls.clientCertificate'],
    ['CI0213', 'tls.privateKey'],
  ]);
});

test('reports duplicate and out-of-range ports (warnings: Istio accepts them) and empty port-level settings', () => {
  const lb = LoadBalancer.simple(LoadBalancerAlgorithm.RANDOM);
  const findings = policyFindings(TrafficPolicy.of({
    portLevelSettings: [{ port: 9080, loadBalancer: lb }, { port: 9080, loadBalancer: lb }, { port: 0, loadBalancer: lb }, { port: 80 }],
  }));
  expect(findings.map((f) => [f.code, f.field, f.severity])).toEqual([
    ['CI0206', 'portLevelSettings[3]', Severity.ERROR],
    ['CI0207', 'portLevelSettings[1].port.number', Severity.WARNING],
    ['CI0207', 'portLevelSettings[2].port.number', Severity.WARNING],
  ]);
  expect(findings[1].message).toBe('port 9080 already has a port-level policy (spec.trafficPolicy.portLevelSettings[0]); Istio applies the first and ignores this one (stricter than Istio, which accepts it)');
});

test('reports problems inside port-level policies under their index', () => {
  const [f] = policyFindings(TrafficPolicy.of({ portLevelSettings: [{ port: 80, outlierDetection: OutlierDetection.of({ minHealthPercent: 101 }) }] }));
  expect(f).toMatchObject({ code: 'CI0212', field: 'portLevelSettings[0].outlierDetection.minHealthPercent' });
});

test('warns (CI0209) about locality failover without outlier detection', () => {
  const [f] = policyFindings(TrafficPolicy.of({ loadBalancer: LoadBalancer.locality({ failover: [{ from: 'us-east', to: 'eu-west' }] }) }));
  expect(f).toMatchObject({ code: 'CI0209', field: 'outlierDetection', severity: Severity.WARNING });
  expect(policyFindings(TrafficPolicy.of({
    loadBalancer: LoadBalancer.locality({ failover: [{ from: 'us-east', to: 'eu-west' }] }),
    outlierDetection: OutlierDetection.of({ consecutive5xxErrors: 1 }),
  }))).toEqual([]);
});
