import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { DestinationRule } from '../istio/destination-rule';
import { ConnectionPool } from '../istio/traffic-policy/connection-pool';
import { OutlierDetection } from '../istio/traffic-policy/outlier-detection';
import { TrafficPolicy } from '../istio/traffic-policy/traffic-policy';
import { FortioClient } from '../samples/fortio';
import { Httpbin } from '../samples/httpbin';
import { ScenarioChart, ScenarioProps } from './scenario';

/**
 * `httpbin-circuit-breaker`: httpbin with a DestinationRule that allows 1 TCP connection, 1
 * pending HTTP/1 request and 1 request per connection, and ejects a host after 1 consecutive 5xx
 * (checked every 1 s) for a base 3 m, up to 100% of hosts; plus the fortio client that trips it.
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/circuit-breaking/
 */
export class HttpbinCircuitBreakerScenario extends ScenarioChart {
  /** The httpbin workload. */
  public readonly httpbin: Httpbin;

  constructor(scope: Construct, props: ScenarioProps) {
    super(scope, 'httpbin-circuit-breaker', 'httpbin behind a circuit breaker (1 connection, 1 pending request, eject after 1 5xx), with the fortio client', props);
    this.httpbin = new Httpbin(this, 'httpbin');
    const fortio = new FortioClient(this, 'fortio');
    // an annotation rather than Suppressions.add: it travels with the YAML, so that
    // `cdk8s-istio check dist/` agrees with the synth
    fortio.deployment.metadata.addAnnotation('suppress.cdk8s-istio.io/CI1012', 'upstream fortio-deploy has no version label: it is a load client that nothing routes to');

    DestinationRule.forService(this, 'httpbin-rule', this.httpbin.service, {
      trafficPolicy: TrafficPolicy.of({
        connectionPool: ConnectionPool.of({
          tcp: { maxConnections: 1 },
          http: { http1MaxPendingRequests: 1, maxRequestsPerConnection: 1 },
        }),
        outlierDetection: OutlierDetection.of({
          consecutive5xxErrors: 1,
          interval: Duration.seconds(1),
          baseEjectionTime: Duration.minutes(3),
          maxEjectionPercent: 100,
        }),
      }),
    });
  }
}
