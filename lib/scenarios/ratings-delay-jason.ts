import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { Destination } from '../istio/routing/destination';
import { FaultInjection } from '../istio/routing/fault';
import { JASON } from './reviews-jason-v2';
import { ScenarioChart, ScenarioProps } from './scenario';

/**
 * `ratings-delay-jason`: for `jason`, a fixed 7 s delay on 100% of requests to ratings v1; others
 * to v1 (upstream `virtual-service-ratings-test-delay.yaml`).
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/fault-injection/#injecting-an-http-delay-fault
 */
export class RatingsDelayJasonScenario extends ScenarioChart {
  constructor(scope: Construct, props: ScenarioProps) {
    super(scope, 'ratings-delay-jason', 'for jason, ratings v1 answers after a fixed 7 s delay; others go to v1 undelayed', props);
    const { ratings } = props.bookinfo.services;
    const v1 = Destination.fromService(ratings, { subset: 'v1' });
    this.routeService(ratings, [
      { match: [JASON], fault: FaultInjection.delay({ fixedDelay: Duration.seconds(7), percentage: 100 }), route: [{ destination: v1 }] },
      { route: [{ destination: v1 }] },
    ]);
  }
}
