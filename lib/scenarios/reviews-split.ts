import { Construct } from 'constructs';
import { Destination } from '../istio/routing/destination';
import { ScenarioChart, ScenarioProps } from './scenario';

/**
 * A reviews traffic split between two versions, by relative weight.
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/traffic-shifting/
 */
export interface ReviewsSplitProps extends ScenarioProps {
  /** The scenario id, e.g. `reviews-50-v3`. */
  readonly id: string;
  /** One sentence on what the split does. */
  readonly description: string;
  /** The weighted subsets, e.g. `{ v1: 50, v3: 50 }` (relative weights). */
  readonly weights: { readonly [subset: string]: number };
}

/**
 * A weighted split of reviews traffic between versions: `reviews-50-v3` (upstream
 * `virtual-service-reviews-50-v3.yaml`), `reviews-canary-90-10`, and `reviews-v3` (everything to
 * one version, upstream `virtual-service-reviews-v3.yaml`).
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/traffic-shifting/
 */
export class ReviewsSplitScenario extends ScenarioChart {
  constructor(scope: Construct, props: ReviewsSplitProps) {
    super(scope, props.id, props.description, props);
    const { reviews } = props.bookinfo.services;
    const entries = Object.entries(props.weights);
    this.routeService(reviews, [{
      // a single destination takes all traffic: no weight is rendered, as upstream
      route: entries.map(([subset, weight]) => ({
        destination: Destination.fromService(reviews, { subset }),
        weight: entries.length > 1 ? weight : undefined,
      })),
    }]);
  }
}
