import { isIP } from 'net';
import { ApiObject, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { formatValue, ProblemCollector } from '../analysis/finding';
import { IstioResource, IstioResourceProps } from './base';
import { serviceHost } from './private/host';
import { networking } from './private/l1';
import { hostProblem } from '../analysis/values/validate';
import { _RouteContext } from './routing/context';
import { GatewayBinding } from './routing/gateway-binding';
import { HttpRouteOptions, _renderHttpRoute, _validateHttpRoute } from './routing/http-route';
import { _renderL4Route, TcpRouteOptions, TlsRouteOptions, _validateTcpRoute, _validateTlsRoute } from './routing/l4-route';

/**
 * Properties of a {@link VirtualService}.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export interface VirtualServiceProps extends IstioResourceProps {
  /**
   * The hosts the routes apply to: short names (resolved in this VirtualService's namespace),
   * FQDNs, wildcards such as `*.example.com`, or `*` (gateways only). Empty only for a delegate.
   *
   * @default - none; add them with `addHost()`
   */
  readonly hosts?: string[];

  /**
   * The gateways (and `GatewayBinding.MESH` for sidecars) the routes apply to.
   *
   * @default - every sidecar in the mesh (no gateway)
   */
  readonly gateways?: GatewayBinding[];

  /**
   * HTTP routes, evaluated in order; the first match wins.
   *
   * @default - none; add them with `addHttpRoute()`
   */
  readonly httpRoutes?: HttpRouteOptions[];

  /**
   * TCP routes, evaluated in order.
   *
   * @default - none; add them with `addTcpRoute()`
   */
  readonly tcpRoutes?: TcpRouteOptions[];

  /**
   * TLS passthrough routes, evaluated in order.
   *
   * @default - none; add them with `addTlsRoute()`
   */
  readonly tlsRoutes?: TlsRouteOptions[];

  /**
   * The namespaces this VirtualService is visible to: `.` (its own), `*` (all), or names.
   *
   * @default - all namespaces (or the mesh's `defaultVirtualServiceExportTo`)
   */
  readonly exportTo?: string[];

  /**
   * Whether this VirtualService is a delegate: it has no hosts and no gateways, and another
   * VirtualService hands requests to it with `delegate`. Set automatically when a
   * `VirtualService` of this app is passed as another route's `delegate`.
   *
   * @default false
   */
  readonly delegate?: boolean;
}

/**
 * Routing rules for traffic to a set of hosts: HTTP routes (with matches, weighted destinations,
 * redirects, rewrites, retries, timeouts, fault injection, mirroring, CORS), TCP routes and TLS
 * passthrough routes, applied at sidecars and/or gateways.
 *
 * Every problem Istio would reject is reported together at synthesis with its field and a fix.
 * `ApiObject.of(vs)` returns the underlying object for JSON patches of fields not modelled here.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/
 */
export class VirtualService extends IstioResource {
  /**
   * A VirtualService for the traffic to a cdk8s-plus Service: named after the Service (unless
   * `metadata.name` is given), with the Service's host first in `hosts` (its short name in the
   * same namespace, its FQDN across namespaces), as the Istio samples write them.
   *
   * @example
   * VirtualService.forService(chart, 'reviews-routes', reviews, {
   *   httpRoutes: [{ route: [{ destination: Destination.fromService(reviews, { subset: 'v1' }) }] }],
   * });   // metadata.name: reviews, hosts: [reviews]
   */
  public static forService(scope: Construct, id: string, service: kplus.Service, props: VirtualServiceProps = {}): VirtualService {
    const vs = new VirtualService(scope, id, { ...props, hosts: [], metadata: { ...props.metadata, name: props.metadata?.name ?? service.name } });
    vs.addHost(serviceHost(service, vs.namespace));
    for (const h of props.hosts ?? []) vs.addHost(h);
    return vs;
  }

  /** The underlying `networking.istio.io/v1` VirtualService. */
  protected readonly apiObject: ApiObject;

  private readonly _hosts: string[] = [];
  private readonly _gateways: GatewayBinding[] = [];
  private readonly _httpRoutes: HttpRouteOptions[] = [];
  private readonly _tcpRoutes: TcpRouteOptions[] = [];
  private readonly _tlsRoutes: TlsRouteOptions[] = [];
  private readonly _exportTo: string[] = [];
  private _delegate: boolean;

  constructor(scope: Construct, id: string, props: VirtualServiceProps = {}) {
    super(scope, id, props);
    this.apiObject = new networking.VirtualService(this, 'Resource', {
      metadata: this.initialMetadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    this._delegate = props.delegate ?? false;
    for (const h of props.hosts ?? []) this.addHost(h);
    for (const g of props.gateways ?? []) this.addGateway(g);
    for (const r of props.httpRoutes ?? []) this.addHttpRoute(r);
    for (const r of props.tcpRoutes ?? []) this.addTcpRoute(r);
    for (const r of props.tlsRoutes ?? []) this.addTlsRoute(r);
    for (const e of props.exportTo ?? []) this.addExportTo(e);
  }

  /**
   * Adds a host the routes apply to.
   *
   * @example vs.addHost('reviews')
   */
  public addHost(host: string): void {
    this._hosts.push(host);
  }

  /**
   * Applies the routes at a gateway (add `GatewayBinding.MESH` too to keep sidecars).
   *
   * @example vs.addGateway(GatewayBinding.fromGateway(bookinfoGateway))
   */
  public addGateway(gateway: GatewayBinding): void {
    this._gateways.push(gateway);
  }

  /**
   * Appends an HTTP route (routes are evaluated in order; the first match wins).
   *
   * @example
   * vs.addHttpRoute({
   *   match: [HttpMatch.header('end-user', StringMatch.exact('jason'))],
   *   route: [{ destination: Destination.fromService(reviews, { subset: 'v2' }) }],
   *   timeout: Duration.seconds(10),
   * });
   */
  public addHttpRoute(route: HttpRouteOptions): void {
    this._httpRoutes.push({ ...route });
    if (route.delegate instanceof VirtualService) {
      route.delegate._delegate = true;
    }
  }

  /**
   * Appends a TCP route.
   *
   * @example vs.addTcpRoute({ match: [{ port: 27017 }], route: [{ destination: Destination.fromService(mongo) }] })
   */
  public addTcpRoute(route: TcpRouteOptions): void {
    this._tcpRoutes.push({ ...route });
  }

  /**
   * Appends a TLS passthrough route.
   *
   * @example vs.addTlsRoute({ match: [{ sniHosts: ['app.example.com'] }], route: [{ destination: Destination.fromService(app) }] })
   */
  public addTlsRoute(route: TlsRouteOptions): void {
    this._tlsRoutes.push({ ...route });
  }

  /**
   * Makes this VirtualService visible to a namespace (`.` for its own, `*` for all).
   *
   * @example vs.addExportTo('.')
   */
  public addExportTo(namespace: string): void {
    this._exportTo.push(namespace);
  }

  /** The hosts (a copy). */
  public get hosts(): string[] {
    return [...this._hosts];
  }

  /** The gateway bindings (a copy). */
  public get gateways(): GatewayBinding[] {
    return [...this._gateways];
  }

  /** The HTTP routes, in order (a copy). */
  public get httpRoutes(): HttpRouteOptions[] {
    return [...this._httpRoutes];
  }

  /** The TCP routes, in order (a copy). */
  public get tcpRoutes(): TcpRouteOptions[] {
    return [...this._tcpRoutes];
  }

  /** The TLS routes, in order (a copy). */
  public get tlsRoutes(): TlsRouteOptions[] {
    return [...this._tlsRoutes];
  }

  /** The exportTo namespaces (a copy). */
  public get exportTo(): string[] {
    return [...this._exportTo];
  }

  /** Whether this VirtualService is a delegate of another one. */
  public get isDelegate(): boolean {
    return this._delegate;
  }

  /**
   * The rendered `spec`.
   * @internal
   */
  public _toSpec(): networking.VirtualServiceSpec {
    const ctx = this.routeContext();
    const spec: networking.VirtualServiceSpec = {
      hosts: this._hosts.length > 0 ? [...this._hosts] : undefined,
      gateways: this._gateways.length > 0 ? this._gateways.map((g) => g._toIstio(ctx)) : undefined,
      http: this._httpRoutes.length > 0 ? this._httpRoutes.map((r) => _renderHttpRoute(r, ctx)) : undefined,
      tcp: this._tcpRoutes.length > 0 ? this._tcpRoutes.map((r) => _renderL4Route(r, ctx)) : undefined,
      tls: this._tlsRoutes.length > 0 ? this._tlsRoutes.map((r) => _renderL4Route(r, ctx)) : undefined,
      exportTo: this._exportTo.length > 0 ? [...this._exportTo] : undefined,
    };
    return spec;
  }

  protected validateSpec(problems: ProblemCollector): void {
    this.validateHosts(problems);
    this._gateways.forEach((g, i) => g._validate(problems.at(`spec.gateways[${i}]`)));

    if (this._httpRoutes.length === 0 && this._tcpRoutes.length === 0 && this._tlsRoutes.length === 0) {
      problems.add('CI0015', 'spec.http', undefined, 'VirtualService has no routes (http, tcp or tls)', 'add a route with addHttpRoute(), addTcpRoute() or addTlsRoute()');
    }

    const seen = new Map<string, number>();
    this._httpRoutes.forEach((r, i) => {
      const at = problems.at(`spec.http[${i}]`);
      _validateHttpRoute(r, at, { inDelegate: this._delegate });
      if (r.name !== undefined) {
        const first = seen.get(r.name);
        if (first !== undefined) {
          at.add('CI0012', 'name', r.name, `HTTP route name ${formatValue(r.name)} is already used by spec.http[${first}]`, 'give every HTTP route a unique name');
        } else {
          seen.set(r.name, i);
        }
      }
    });
    this.validateJwtClaimMatches(problems);
    this._tcpRoutes.forEach((r, i) => _validateTcpRoute(r, problems.at(`spec.tcp[${i}]`)));
    this._tlsRoutes.forEach((r, i) => _validateTlsRoute(r, problems.at(`spec.tls[${i}]`), this._hosts));

    if (this._delegate) {
      if (this._gateways.length > 0) {
        problems.add('CI0017', 'spec.gateways', this._gateways.map((g) => g._toIstio(this.routeContext())), 'a delegate VirtualService must have no gateways (the delegating one has them)', 'remove the gateways from this VirtualService');
      }
      if (this._tcpRoutes.length > 0) problems.add('CI0017', 'spec.tcp', this._tcpRoutes.length, 'a delegate VirtualService must have no TCP routes', 'move the TCP routes to a VirtualService with hosts');
      if (this._tlsRoutes.length > 0) problems.add('CI0017', 'spec.tls', this._tlsRoutes.length, 'a delegate VirtualService must have no TLS routes', 'move the TLS routes to a VirtualService with hosts');
    }

  }

  /** Istio routes on JWT claims (`@request.auth.claims.*` headers) only at gateways, not at sidecars. */
  private validateJwtClaimMatches(problems: ProblemCollector): void {
    if (this._delegate || !this.appliesToMesh()) return;
    this._httpRoutes.forEach((r, i) => (r.match ?? []).forEach((m, j) => {
      const c = m.conditions;
      for (const field of ['headers', 'withoutHeaders'] as const) {
        for (const name of Object.keys(c[field] ?? {}).filter((n) => n.startsWith('@request.auth.claims.'))) {
          problems.add('CI0017', `spec.http[${i}].match[${j}].${field}.${name}`, name,
            `JWT claim routing (${formatValue(name)}) is only supported for a VirtualService bound to gateways, not for sidecars (mesh)`,
            'bind this VirtualService to gateways only, or match on a header the caller sets');
        }
      }
    }));
  }

  /** No gateways, or the reserved `mesh` gateway among them, means sidecars use these routes. */
  private appliesToMesh(): boolean {
    return this._gateways.length === 0 || this._gateways.some((g) => g._isMesh);
  }

  private routeContext(): _RouteContext {
    return { namespace: this.namespace };
  }

  private validateHosts(problems: ProblemCollector): void {
    if (this._delegate) {
      if (this._hosts.length > 0) {
        problems.add('CI0017', 'spec.hosts', this.hosts, 'a delegate VirtualService must have no hosts (Istio treats a VirtualService with hosts as a root)',
          'remove the hosts, or stop delegating to this VirtualService');
      }
      return;
    }
    if (this._hosts.length === 0) {
      problems.add('CI0015', 'spec.hosts', [], 'VirtualService has no hosts', 'add a host with addHost() (or set delegate: true if another VirtualService delegates to this one)');
      return;
    }
    const appliesToMesh = this.appliesToMesh();
    let allValid = true;
    this._hosts.forEach((h, i) => {
      if (isIP(h)) return;
      const p = hostProblem(h, { allowBareWildcard: true });
      if (p) {
        allValid = false;
        problems.add('CI0002', `spec.hosts[${i}]`, h, `host ${formatValue(h)} ${p}`, 'use a short name, an FQDN, or a wildcard such as \'*.example.com\'');
      } else if (h === '*' && appliesToMesh) {
        allValid = false;
        problems.add('CI0002', `spec.hosts[${i}]`, h, 'host \'*\' is not allowed for a VirtualService that applies to the mesh (sidecars)',
          'bind the VirtualService to a gateway only, or list the hosts explicitly');
      }
    });
    if (!allValid) return;
    for (let i = 0; i < this._hosts.length; i++) {
      for (let j = i + 1; j < this._hosts.length; j++) {
        if (hostsOverlap(this._hosts[i], this._hosts[j])) {
          problems.add('CI0012', `spec.hosts[${j}]`, this._hosts[j], `host ${formatValue(this._hosts[j])} duplicates or overlaps host ${formatValue(this._hosts[i])}`,
            'list each host once, and do not list a host already covered by a wildcard');
        }
      }
    }
  }
}

/** Whether two VirtualService hosts are the same or one wildcard covers the other (Istio's "duplicate hosts"). */
function hostsOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  // '*.com' covers 'a.com' and '*.foo.com'; '*' covers everything
  const covers = (wild: string, other: string) => wild.startsWith('*') && other.endsWith(wild.slice(1));
  return covers(a, b) || covers(b, a);
}
