import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { BookinfoDestinationRules } from '../bookinfo/destination-rules';
import { BookinfoWorkloads } from '../bookinfo/workloads';
import { Destination } from '../istio/routing/destination';
import { HttpRouteOptions } from '../istio/routing/http-route';
import { VirtualService } from '../istio/virtual-service';
import { placeChart } from '../synth/output-layout';

/**
 * What every scenario is built on: the base app it is applied on top of.
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/
 */
export interface ScenarioProps {
  /** The Bookinfo workloads of the base app (their Services are the route targets). */
  readonly bookinfo: BookinfoWorkloads;
  /** The Bookinfo DestinationRules of the base app (they define the subsets the routes use). */
  readonly destinationRules: BookinfoDestinationRules;
}

/**
 * One of Istio's traffic-management tasks as a ready chart, applied on top of the base app with
 * `kubectl apply -f dist/scenarios/<id>/`.
 *
 * Each scenario synthesizes into its own folder and is checked together with the base app (a
 * layer of its own), never together with another scenario: scenarios are alternatives, several
 * of them define the same VirtualService. As upstream, each VirtualService and DestinationRule is
 * named after its host.
 *
 * @see https://istio.io/latest/docs/tasks/traffic-management/
 */
export abstract class ScenarioChart extends Chart {
  /** The scenario id: its folder under `scenarios/` and its layer. */
  public readonly scenarioId: string;

  /** What the scenario does, in one sentence. */
  public readonly description: string;

  /**
   * @param scope the app
   * @param id the scenario id (folder and layer name)
   * @param description what the scenario does, in one sentence
   * @param props the base app the scenario applies on top of
   */
  protected constructor(scope: Construct, id: string, description: string, props: ScenarioProps) {
    super(scope, id, { namespace: props.bookinfo.namespaceName });
    this.scenarioId = id;
    this.description = description;
    placeChart(this, { file: `scenarios/${id}/${id}.k8s.yaml`, layer: id });
  }

  /**
   * A VirtualService for one Service, named after it, with the given HTTP routes.
   */
  protected routeService(service: kplus.Service, httpRoutes: HttpRouteOptions[]): VirtualService {
    // named after its host, as upstream; the construct id stays free for the workload's own constructs
    return VirtualService.forService(this, `${service.name}-routes`, service, { httpRoutes });
  }

  /**
   * A VirtualService that sends all traffic of a Service to one subset.
   */
  protected routeAllTo(service: kplus.Service, subset: string): VirtualService {
    return this.routeService(service, [{ route: [{ destination: Destination.fromService(service, { subset }) }] }]);
  }
}
