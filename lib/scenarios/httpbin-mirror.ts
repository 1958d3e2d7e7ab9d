import { Construct } from 'constructs';
import { DestinationRule, Subset } from '../istio/destination-rule';
import { Destination } from '../istio/routing/destination';
import { CurlClient } from '../samples/curl';
import { Httpbin } from '../samples/httpbin';
import { ScenarioChart, ScenarioProps } from './scenario';

/**
 * `httpbin-mirror`: all traffic to httpbin v1, with 100% of it mirrored to v2 (responses from
 * the mirror are ignored); plus the curl client the task sends requests from.
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/mirroring/
 */
export class HttpbinMirrorScenario extends ScenarioChart {
  /** The httpbin workload, versions v1 and v2. */
  public readonly httpbin: Httpbin;

  constructor(scope: Construct, props: ScenarioProps) {
    super(scope, 'httpbin-mirror', 'all httpbin traffic to v1, 100% mirrored to v2, with the curl client', props);
    this.httpbin = new Httpbin(this, 'httpbin', { versions: ['v1', 'v2'] });
    const curl = new CurlClient(this, 'curl');
    // an annotation rather than Suppressions.add: it travels with the YAML, so that
    // `cdk8s-istio check dist/` agrees with the synth
    curl.deployment.metadata.addAnnotation('suppress.cdk8s-istio.io/CI1012', 'upstream curl has no version label: it is a client that nothing routes to');

    const { service, deployments } = this.httpbin;
    DestinationRule.forService(this, 'httpbin-rule', service, {
      subsets: Object.entries(deployments).map(([version, deployment]) => Subset.fromWorkload(version, deployment)),
    });
    this.routeService(service, [{
      route: [{ destination: Destination.fromService(service, { subset: 'v1' }), weight: 100 }],
      mirror: Destination.fromService(service, { subset: 'v2' }),
      mirrorPercentage: 100,
    }]);
  }
}
