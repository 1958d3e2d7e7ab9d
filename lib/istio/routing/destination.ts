import * as kplus from 'cdk8s-plus-27';
import { formatValue, ProblemCollector } from '../../analysis/finding';
import { serviceHost } from '../private/host';
import { dns1123LabelProblem, hostProblem, portProblem } from '../../analysis/values/validate';
import { _RouteContext } from './context';
import { HttpHeaderOperations, _validateHttpHeaderOperations, _renderHttpHeaderOperations } from './headers';

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
  public static fromService(service: kplus.Service, options: DestinationOptions = {}): Destination {
    return new Destination((ctx) => serviceHost(service, ctx.namespace), options, service);
  }

  /**
   * A host by name: a Service we do not own, a ServiceEntry host, or an FQDN.
   *
   * @example Destination.fromHost('ratings.prod.svc.cluster.local', { port: 9080 })
   */
  public static fromHost(host: string, options: DestinationOptions = {}): Destination {
    return new Destination(() => host, options, undefined, host);
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
    private readonly renderHost: (ctx: _RouteContext) => string,
    options: DestinationOptions,
    /** @internal */
    public readonly _service?: kplus.Service,
    private readonly literalHost?: string,
  ) {
    this.port = options.port;
    this.subset = options.subset;
  }

  /**
   * The host as a rule in `ctx.namespace` refers to it.
   * @internal
   */
  public _host(ctx: _RouteContext): string {
    return this.renderHost(ctx);
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
  public _toIstio(ctx: _RouteContext): { host: string; port?: { number: number }; subset?: string } {
    const port = this._port();
    return {
      host: this._host(ctx),
      ...(port !== undefined ? { port: { number: port } } : {}),
      ...(this.subset !== undefined ? { subset: this.subset } : {}),
    };
  }

  /**
   * Records host, port and subset problems (fields `host`, `port.number`, `subset`).
   * @internal
   */
  public _validate(problems: ProblemCollector): void {
    if (this.literalHost !== undefined) {
      const p = hostProblem(this.literalHost, { allowBareWildcard: false });
      if (p) {
        problems.add('CI0002', 'host', this.literalHost, `destination host ${formatValue(this.literalHost)} ${p}`,
          'name one service: a short name, an FQDN such as \'ratings.prod.svc.cluster.local\', or a ServiceEntry host');
      }
    }
    if (this.port !== undefined) {
      const p = portProblem(this.port);
      if (p) problems.add('CI0003', 'port.number', this.port, `destination port ${formatValue(this.port)} ${p}`, 'use the Service port number (1-65535)');
    }
    if (this.subset !== undefined) {
      const p = dns1123LabelProblem(this.subset);
      if (p) problems.add('CI0001', 'subset', this.subset, `subset name ${formatValue(this.subset)} ${p}`, 'use the DNS-1123 name of a DestinationRule subset, e.g. \'v2\'');
    }
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
export function _renderRouteDestinations(route: readonly HttpRouteDestination[], ctx: _RouteContext): any[] {
  return route.map((r) => {
    const headers = r?.headers ? _renderHttpHeaderOperations(r.headers) : undefined;
    return {
      destination: r?.destination?._toIstio(ctx),
      ...(r?.weight !== undefined ? { weight: r.weight } : {}),
      ...(headers ? { headers } : {}),
    };
  });
}

/**
 * Records the problems of a weighted destination list (relative to the `route` field).
 *
 * Follows Istio's webhook: each weight is a non-negative integer, and a list of several
 * destinations must not have all weights 0. A missing list or empty list is reported by the caller.
 * @internal
 */
export function _validateRouteDestinations(route: readonly HttpRouteDestination[], problems: ProblemCollector): void {
  let total = 0;
  let invalid = false;
  route.forEach((r, i) => {
    const at = problems.at(`[${i}]`);
    if (!r || !r.destination) {
      invalid = true;
      at.add('CI0015', 'destination', undefined, `route entry ${i} has no destination`, 'pass { destination: Destination.fromService(svc) } or Destination.fromHost(host)');
      return;
    }
    r.destination._validate(at.at('destination'));
    if (r.weight !== undefined) {
      if (!Number.isInteger(r.weight) || r.weight < 0 || r.weight > 2147483647) {
        invalid = true;
        at.add('CI0011', 'weight', r.weight, `weight ${formatValue(r.weight)} must be a non-negative integer`, 'use a whole number such as 0, 25 or 75 (weights are relative)');
      } else {
        total += r.weight;
      }
    }
    if (r.headers) _validateHttpHeaderOperations(r.headers, at.at('headers'));
  });
  if (route.length > 1 && total === 0 && !invalid) {
    const missing = route.some((r) => r?.weight === undefined);
    problems.add('CI0011', '', route.map((r) => r?.weight ?? null),
      missing
        ? 'the total weight of several destinations is 0 (Istio counts a missing weight as 0), so no traffic can be sent'
        : 'all destination weights are 0, so no traffic can be sent',
      'give at least one destination a positive weight, e.g. 90 and 10 (weights are relative)');
  }
}
