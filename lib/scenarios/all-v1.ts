import { Construct } from 'constructs';
import { ScenarioChart, ScenarioProps } from './scenario';

/**
 * `all-v1`: every Bookinfo service routed to its v1 subset (upstream `virtual-service-all-v1.yaml`).
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/request-routing/
 */
export class AllV1Scenario extends ScenarioChart {
  constructor(scope: Construct, props: ScenarioProps) {
    super(scope, 'all-v1', 'every Bookinfo service routed to its v1 subset', props);
    const { productpage, reviews, ratings, details } = props.bookinfo.services;
    for (const service of [productpage, reviews, ratings, details]) {
      this.routeAllTo(service, 'v1');
    }
  }
}
