import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { Destination } from '../istio/routing/destination';
import { RetryOn } from '../istio/routing/retry';
import { ScenarioChart, ScenarioProps } from './scenario';

/**
 * `reviews-retries`: reviews to v2 with up to 3 retries of 2 s each on 5xx, gateway errors,
 * connection failures and refused streams, within a 10 s overall timeout.
 *
 * @see https://istio.io/latest/docs/concepts/traffic-management/#retries
 */
export class ReviewsRetriesScenario extends ScenarioChart {
  constructor(scope: Construct, props: ScenarioProps) {
    super(scope, 'reviews-retries', 'reviews v2 retried up to 3 times (2 s per try) on 5xx, gateway errors, connect failures and refused streams', props);
    const { reviews } = props.bookinfo.services;
    this.routeService(reviews, [{
      route: [{ destination: Destination.fromService(reviews, { subset: 'v2' }) }],
      timeout: Duration.seconds(10),
      retries: {
        attempts: 3,
        perTryTimeout: Duration.seconds(2),
        retryOn: [RetryOn.FIVE_XX, RetryOn.GATEWAY_ERROR, RetryOn.CONNECT_FAILURE, RetryOn.REFUSED_STREAM],
      },
    }]);
  }
}
