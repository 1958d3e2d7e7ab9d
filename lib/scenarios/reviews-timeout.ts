import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { Destination } from '../istio/routing/destination';
import { FaultInjection } from '../istio/routing/fault';
import { ScenarioChart, ScenarioProps } from './scenario';

/**
 * `reviews-timeout`: reviews to v2 with a 0.5 s request timeout, while ratings v1 is delayed 2 s
 * for everyone, so the product page shows "reviews unavailable" after about 1 s (productpage
 * retries once).
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/request-timeouts/
 */
export class ReviewsTimeoutScenario extends ScenarioChart {
  constructor(scope: Construct, props: ScenarioProps) {
    super(scope, 'reviews-timeout', 'reviews v2 with a 0.5 s timeout while ratings v1 is delayed 2 s for everyone', props);
    const { reviews, ratings } = props.bookinfo.services;
    this.routeService(ratings, [{
      fault: FaultInjection.delay({ fixedDelay: Duration.seconds(2), percentage: 100 }),
      route: [{ destination: Destination.fromService(ratings, { subset: 'v1' }) }],
    }]);
    this.routeService(reviews, [{
      route: [{ destination: Destination.fromService(reviews, { subset: 'v2' }) }],
      timeout: Duration.millis(500),
    }]);
  }
}
