import { Problem } from '../../analysis/finding';
import { IServiceLike } from '../kube-objects';
import { serviceHost } from '../private/host';
import { renderValue } from '../private/render';
import { _RouteContext } from './context';
import { HttpHeaderOperations, _renderHttpHeaderOperations } from './headers';

/**
 * Options for a {@link Destination}.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
 */
export interface DestinationOptions {
  /**
   * The port on the host that is addressed.
   *
   * @default - for a Service with exactly one port, that port; otherwise no port is rendered
   *   (Istio then requires the host to have a single port)
   */
  readonly port?: number;

  /**
   * The name of a subset of the host, defined by a DestinationRule (for example `v2`).
   *
   * @default - all endpoints of the host
   */
  readonly subset?: string;
}

/**
 * The service (and optionally its port and subset) that a request or connection is sent to.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
 */
export class Destination {
  /**
   * A Kubernetes Service of this app. The host is its short name when the rule lives in the same
   * namespace and its FQDN (`name.namespace.svc.cluster.local`) otherwise, because Istio reads a
   * short name in the rule's namespace. A Service with one port gets that port rendered; with
   * several ports, pass `port`.
   *
   * @example Destination.fromService(reviews, { subset: 'v2' })
   */
  public static fromService(service: IServiceLike, options: DestinationOptions = {}): Destination {
    // a plain-JavaScript caller may pass no Service: render no host and say why (CI0019)
    if (!service || typeof service.name !== 'string') return new Destination(() => undefined, options, undefined, true);
    return new Destination((ctx) => serviceHost(service, ctx.namespace), options, service);
  }

  /**
   * A host by name: a Service we do not own, a ServiceEntry host, or an FQDN.
   *
   * @example Destination.fromHost('ratings.prod.svc.cluster.local', { port: 9080 })
   */
  public static fromHost(host: string, options: DestinationOptions = {}): Destination {
    return new Destination(() => host, options);
  }

  /**
   * The subset, if any.
   */
  public readonly subset?: string;

  /**
   * The port given in the options, if any.
   */
  public readonly port?: number;

  private constructor(
    private readonly renderHost: (ctx: _RouteContext) => string | undefined,
    options: DestinationOptions,
    /** @internal */
    public readonly _service?: IServiceLike,
    /** Whether `fromService` was given no Service. */
    private readonly noService = false,
  ) {
    this.port = options?.port;
    this.subset = options?.subset;
  }

  /**
   * The host as a rule in `ctx.namespace` refers to it (`undefined` when `fromService` got no Service).
   * @internal
   */
  public _host(ctx: _RouteContext): string | undefined {
    return this.renderHost(ctx);
  }

  /**
   * What the manifest cannot show about this destination: `fromService` was given no Service
   * (relative to the destination's field).
   * @internal
   */
  public _constructProblems(field: string): Problem[] {
    if (!this.noService) return [];
    return [{
      code: 'CI0019', field: `${field}.host`, value: undefined,
      message: 'Destination.fromService was given no Service, so the destination has no host',
      fix: 'pass a cdk8s-plus Service to Destination.fromService, or use Destination.fromHost(\'reviews\')',
    }];
  }

  /**
   * The port that is rendered: the one given, else the single port of the Service.
   * @internal
   */
  public _port(): number | undefined {
    if (this.port !== undefined) return this.port;
    const ports = this._service?.ports ?? [];
    return ports.length === 1 ? ports[0].port : undefined;
  }

  /**
   * The Istio form: `{ host, port: { number }, subset }`.
   * @internal
   */
  public _toIstio(ctx: _RouteContext): { host?: string; port?: { number: number }; subset?: string } {
    const port = this._port();
    const host = this._host(ctx);
    return {
      ...(host !== undefined ? { host } : {}),
      ...(port !== undefined ? { port: { number: port } } : {}),
      ...(this.subset !== undefined ? { subset: this.subset } : {}),
    };
  }
}

/**
 * A destination of a TCP or TLS route, with its relative weight.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#RouteDestination
 */
export interface RouteDestination {
  /** Where the connection goes. */
  readonly destination: Destination;

  /**
   * The relative proportion of traffic sent to this destination. Weights are relative: Istio
   * 1.30 does not require them to sum to 100.
   *
   * @default - all traffic when this is the only destination; otherwise pass a weight on each
   */
  readonly weight?: number;
}

/**
 * A destination of an HTTP route, with its relative weight and header operations.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRouteDestination
 */
export interface HttpRouteDestination extends RouteDestination {
  /**
   * Header operations applied only when traffic goes to this destination.
   *
   * @default - no per-destination header operations
   */
  readonly headers?: HttpHeaderOperations;
}

/**
 * Renders a weighted destination list.
 * @internal
 */
export function _renderRouteDestinations(route: readonly HttpRouteDestination[], ctx: _RouteContext): any {
  if (!Array.isArray(route)) return route;
  return route.map((r) => {
    const headers = r?.headers ? _renderHttpHeaderOperations(r.headers) : undefined;
    return {
      destination: renderValue(r?.destination, ctx),
      ...(r?.weight !== undefined ? { weight: r.weight } : {}),
      ...(headers ? { headers } : {}),
    };
  });
}
