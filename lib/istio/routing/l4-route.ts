import { isIP } from 'net';
import { formatValue, ProblemCollector } from '../../analysis/finding';
import { hostProblem, portProblem } from '../../analysis/values/validate';
import { _RouteContext } from './context';
import { RouteDestination, _renderRouteDestinations, _validateRouteDestinations } from './destination';
import { GatewayBinding } from './gateway-binding';
import { _validateSourceLabels, _validateSourceNamespace } from './http-match';

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
  const out: any = {
    ...((m as TlsMatch).sniHosts ? { sniHosts: [...(m as TlsMatch).sniHosts] } : {}),
    port: m.port,
    destinationSubnets: m.destinationSubnets ? [...m.destinationSubnets] : undefined,
    sourceLabels: m.sourceLabels ? { ...m.sourceLabels } : undefined,
    sourceNamespace: m.sourceNamespace,
    gateways: m.gateways?.map((g) => g._toIstio(ctx)),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/**
 * The Istio form of a TCP or TLS route.
 * @internal
 */
export function _renderL4Route(r: TcpRouteOptions | TlsRouteOptions, ctx: _RouteContext): any {
  return {
    ...(r.match && r.match.length > 0 ? { match: r.match.map((m) => renderL4Match(m, ctx)) } : {}),
    ...(r.route ? { route: _renderRouteDestinations(r.route, ctx) } : {}),
  };
}

function subnetProblem(value: string): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  const [ip, bits, extra] = value.split('/');
  const version = isIP(ip);
  if (version === 0 || extra !== undefined) return 'is not an IP address or CIDR block';
  if (bits === undefined) return undefined;
  const max = version === 4 ? 32 : 128;
  if (!/^[0-9]+$/.test(bits) || Number(bits) > max) return `has a prefix length outside 0-${max}`;
  return undefined;
}

function validateL4Match(m: L4Match, problems: ProblemCollector): void {
  if (m.port !== undefined) {
    const p = portProblem(m.port);
    if (p) problems.add('CI0003', 'port', m.port, `match port ${formatValue(m.port)} ${p}`, 'use a port from 1 to 65535');
  }
  (m.destinationSubnets ?? []).forEach((s, i) => {
    const p = subnetProblem(s);
    if (p) problems.add('CI0017', `destinationSubnets[${i}]`, s, `destination subnet ${formatValue(s)} ${p}`, 'use an IP address or a CIDR block such as \'10.1.0.0/16\'');
  });
  _validateSourceLabels(m.sourceLabels, problems);
  _validateSourceNamespace(m.sourceNamespace, problems);
  (m.gateways ?? []).forEach((g, i) => g._validate(problems.at(`gateways[${i}]`)));
}

function validateRoute(route: readonly RouteDestination[] | undefined, kind: string, problems: ProblemCollector): void {
  if (!route || route.length === 0) {
    problems.add('CI0015', 'route', route, `${kind} route has no destination`, 'add route: [{ destination: Destination.fromService(svc) }]');
    return;
  }
  _validateRouteDestinations(route, problems.at('route'));
}

/**
 * Records the problems of a TCP route (relative to `spec.tcp[i]`).
 * @internal
 */
export function _validateTcpRoute(r: TcpRouteOptions, problems: ProblemCollector): void {
  (r.match ?? []).forEach((m, i) => validateL4Match(m, problems.at(`match[${i}]`)));
  validateRoute(r.route, 'TCP', problems);
}

/** Whether `sni` is covered by the VirtualService host `host` (wildcards allowed on both). */
function sniCoveredBy(sni: string, host: string): boolean {
  if (host === '*' || sni === host) return true;
  if (host.startsWith('*')) {
    const suffix = host.slice(1);
    const s = sni.startsWith('*') ? sni.slice(1) : sni;
    return s.endsWith(suffix);
  }
  return false;
}

/**
 * Records the problems of a TLS route (relative to `spec.tls[i]`); `hosts` are the
 * VirtualService hosts the SNI names must fall under.
 * @internal
 */
export function _validateTlsRoute(r: TlsRouteOptions, problems: ProblemCollector, hosts: readonly string[]): void {
  if (!r.match || r.match.length === 0) {
    problems.add('CI0015', 'match', r.match, 'TLS route has no match; TLS routes need at least one match with sniHosts', 'add match: [{ sniHosts: [\'app.example.com\'] }]');
  }
  (r.match ?? []).forEach((m, i) => {
    const at = problems.at(`match[${i}]`);
    if (!m.sniHosts || m.sniHosts.length === 0) {
      at.add('CI0015', 'sniHosts', m.sniHosts, 'TLS match has no sniHosts', 'add the SNI names to match, e.g. sniHosts: [\'app.example.com\']');
    }
    (m.sniHosts ?? []).forEach((sni, j) => {
      const p = isIP(sni) ? undefined : hostProblem(sni, { allowBareWildcard: true });
      if (p) {
        at.add('CI0002', `sniHosts[${j}]`, sni, `SNI host ${formatValue(sni)} ${p}`, 'use a DNS name, optionally with a leading wildcard label such as \'*.example.com\'');
      } else if (hosts.length > 0 && !hosts.some((h) => sniCoveredBy(sni, h))) {
        at.add('CI0002', `sniHosts[${j}]`, sni, `SNI host ${formatValue(sni)} is not covered by any host of the VirtualService (${hosts.join(', ')})`,
          'add the SNI name (or a wildcard covering it) to the VirtualService hosts');
      }
    });
    validateL4Match(m, at);
  });
  validateRoute(r.route, 'TLS', problems);
}
