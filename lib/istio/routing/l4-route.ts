import { renderList, renderValue } from '../private/render';
import { _RouteContext } from './context';
import { RouteDestination, _renderRouteDestinations } from './destination';
import { GatewayBinding } from './gateway-binding';

/**
 * Conditions on a TCP connection. All conditions given must hold (AND).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#L4MatchAttributes
 */
export interface L4Match {
  /**
   * The port the connection is addressed to.
   *
   * @default - any port
   */
  readonly port?: number;

  /**
   * Destination IP addresses or CIDR blocks, e.g. `10.1.0.0/16`.
   *
   * @default - any destination address
   */
  readonly destinationSubnets?: string[];

  /**
   * Labels the calling workload must have (sidecars only).
   *
   * @default - any caller
   */
  readonly sourceLabels?: { [key: string]: string };

  /**
   * The namespace the calling workload must be in (sidecars only).
   *
   * @default - any namespace
   */
  readonly sourceNamespace?: string;

  /**
   * Restricts this match to some of the VirtualService's gateways.
   *
   * @default - the gateways of the VirtualService
   */
  readonly gateways?: GatewayBinding[];
}

/**
 * Conditions on a TLS connection that is passed through unterminated.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#TLSMatchAttributes
 */
export interface TlsMatch extends L4Match {
  /** The SNI names to match (each must be covered by a host of the VirtualService). */
  readonly sniHosts: string[];
}

/**
 * A route for opaque TCP traffic.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#TCPRoute
 */
export interface TcpRouteOptions {
  /**
   * The conditions, any of which applies the route (OR).
   *
   * @default - every connection matches
   */
  readonly match?: L4Match[];

  /** The weighted destinations. */
  readonly route: RouteDestination[];
}

/**
 * A route for TLS traffic passed through by SNI (TLS is not terminated).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#TLSRoute
 */
export interface TlsRouteOptions {
  /** The conditions, any of which applies the route (OR); at least one. */
  readonly match: TlsMatch[];

  /** The weighted destinations. */
  readonly route: RouteDestination[];
}

function renderL4Match(m: L4Match, ctx: _RouteContext): any {
  if (m === null || typeof m !== 'object') return m;
  const out: any = {
    ...((m as TlsMatch).sniHosts ? { sniHosts: renderList((m as TlsMatch).sniHosts, (h) => h) } : {}),
    port: m.port,
    destinationSubnets: renderList(m.destinationSubnets, (d) => d),
    sourceLabels: m.sourceLabels ? { ...m.sourceLabels } : undefined,
    sourceNamespace: m.sourceNamespace,
    gateways: renderList(m.gateways, (g) => renderValue(g, ctx)),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/**
 * The Istio form of a TCP or TLS route.
 * @internal
 */
export function _renderL4Route(r: TcpRouteOptions | TlsRouteOptions, ctx: _RouteContext): any {
  return {
    ...(r.match && r.match.length > 0 ? { match: renderList<L4Match>(r.match, (m) => renderL4Match(m, ctx)) } : {}),
    ...(r.route ? { route: _renderRouteDestinations(r.route, ctx) } : {}),
  };
}
