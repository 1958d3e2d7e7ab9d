import { Construct } from 'constructs';
import { Destination } from '../istio/routing/destination';
import { HttpMatch } from '../istio/routing/http-match';
import { StringMatch } from '../istio/routing/string-match';
import { ScenarioChart, ScenarioProps } from './scenario';

/**
 * The match of requests from the user `jason`: the `end-user` header that productpage forwards,
 * exactly `jason`.
 */
export const JASON = HttpMatch.header('end-user', StringMatch.exact('jason'));

/**
 * `reviews-jason-v2`: requests whose `end-user` header is exactly `jason` go to reviews v2; all
 * others to v1 (upstream `virtual-service-reviews-test-v2.yaml`).
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/request-routing/#route-based-on-user-identity
 */
export class ReviewsJasonV2Scenario extends ScenarioChart {
  constructor(scope: Construct, props: ScenarioProps) {
    super(scope, 'reviews-jason-v2', 'requests from jason go to reviews v2, all others to v1', props);
    const { reviews } = props.bookinfo.services;
    this.routeService(reviews, [
      { match: [JASON], route: [{ destination: Destination.fromService(reviews, { subset: 'v2' }) }] },
      { route: [{ destination: Destination.fromService(reviews, { subset: 'v1' }) }] },
    ]);
  }
}
