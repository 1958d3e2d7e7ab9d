import { Construct } from 'constructs';
import { Destination } from '../istio/routing/destination';
import { FaultInjection } from '../istio/routing/fault';
import { JASON } from './reviews-jason-v2';
import { ScenarioChart, ScenarioProps } from './scenario';

/**
 * `ratings-abort-jason`: for `jason`, abort 100% of requests to ratings with HTTP 500; others to
 * v1 (upstream `virtual-service-ratings-test-abort.yaml`).
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/fault-injection/#injecting-an-http-abort-fault
 */
export class RatingsAbortJasonScenario extends ScenarioChart {
  constructor(scope: Construct, props: ScenarioProps) {
    super(scope, 'ratings-abort-jason', 'for jason, every request to ratings is aborted with HTTP 500; others go to v1', props);
    const { ratings } = props.bookinfo.services;
    const v1 = Destination.fromService(ratings, { subset: 'v1' });
    this.routeService(ratings, [
      { match: [JASON], fault: FaultInjection.abort({ httpStatus: 500, percentage: 100 }), route: [{ destination: v1 }] },
      { route: [{ destination: v1 }] },
    ]);
  }
}
