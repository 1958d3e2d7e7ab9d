import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ProblemCollector, Severity } from '../analysis/finding';
import { IstioResource, IstioResourceProps } from './base';
import { IServiceLike } from './kube-objects';
import { serviceHost } from './private/host';
import { networking } from './private/l1';
import { listProblem, renderableList } from './private/lists';
import { renderValue } from './private/render';
import { _RouteContext } from './routing/context';
import { Destination } from './routing/destination';
import { GatewayBinding } from './routing/gateway-binding';
import { HttpRouteOptions, _renderHttpRoute } from './routing/http-route';
import { _renderL4Route, TcpRouteOptions, TlsRouteOptions } from './routing/l4-route';

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
 * Istio's webhook rules are checked on the rendered manifest (codes CI0101-CI0134), so they apply
 * alike to JSON patches: `ApiObject.of(vs)` returns the underlying object for fields not modelled
 * here. Every problem is reported together at synthesis with its field and a fix.
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
  public static forService(scope: Construct, id: string, service: IServiceLike, props: VirtualServiceProps = {}): VirtualService {
    const vs = new VirtualService(scope, id, { ...props, hosts: [], metadata: { ...props.metadata, name: props.metadata?.name ?? service.name } });
    vs.addHost(serviceHost(service, vs.namespace));
    vs._given.hosts = props.hosts;
    for (const h of renderableList(props.hosts) ?? []) vs.addHost(h);
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
  /** The list options as given: a plain-JavaScript caller may pass something else than a list (reported as CI0019). */
  private readonly _given: Partial<Record<ListOption, unknown>>;

  constructor(scope: Construct, id: string, props: VirtualServiceProps = {}) {
    super(scope, id, props);
    this.apiObject = new networking.VirtualService(this, 'Resource', {
      metadata: this.initialMetadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    this._delegate = props.delegate ?? false;
    this._given = Object.fromEntries(Object.keys(LIST_FIELDS).map((k) => [k, props[k as ListOption]]));
    // only the entries of lists render: a string is not a list of its characters, and null entries are left out (CI0019)
    for (const h of renderableList(props.hosts) ?? []) this.addHost(h);
    for (const g of renderableList(props.gateways) ?? []) this.addGateway(g);
    for (const r of renderableList(props.httpRoutes) ?? []) this.addHttpRoute(r);
    for (const r of renderableList(props.tcpRoutes) ?? []) this.addTcpRoute(r);
    for (const r of renderableList(props.tlsRoutes) ?? []) this.addTlsRoute(r);
    for (const e of renderableList(props.exportTo) ?? []) this.addExportTo(e);
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
    // a plain-JavaScript caller may add undefined: it renders as a route without action (CI0108), not a TypeError
    if (route?.delegate instanceof VirtualService) {
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
      gateways: this._gateways.length > 0 ? this._gateways.map((g) => renderValue(g, ctx)) : undefined,
      http: this._httpRoutes.length > 0 ? this._httpRoutes.map((r) => _renderHttpRoute(r, ctx)) : undefined,
      tcp: this._tcpRoutes.length > 0 ? this._tcpRoutes.map((r) => _renderL4Route(r, ctx)) : undefined,
      tls: this._tlsRoutes.length > 0 ? this._tlsRoutes.map((r) => _renderL4Route(r, ctx)) : undefined,
      exportTo: this._exportTo.length > 0 ? [...this._exportTo] : undefined,
    };
    return spec;
  }

  /**
   * What the manifest cannot show: Istio's webhook rules run on the manifest (the CI01xx checks);
   * here only the intent behind it (a delegate with hosts, hosts forgotten) and values that could
   * not be rendered (no Service, no gateway given from plain JavaScript).
   */
  protected validateSpec(problems: ProblemCollector): void {
    for (const [option, field] of Object.entries(LIST_FIELDS)) listProblem(problems, field, this._given[option as ListOption], option);
    if (this._delegate && this._hosts.length > 0) {
      problems.add('CI0019', 'spec.hosts', this.hosts,
        'this VirtualService is a delegate (delegate: true, or another VirtualService delegates to it) but has hosts, so Istio treats it as a root and the routes that delegate to it find nothing',
        'remove the hosts, or stop delegating to this VirtualService', Severity.WARNING);
    }
    if (!this._delegate && this._hosts.length === 0) {
      problems.add('CI0019', 'spec.hosts', [],
        'the VirtualService has no hosts, so Istio treats it as a delegate: it routes nothing unless another VirtualService delegates to it',
        'add a host (addHost, or hosts in the props), or set delegate: true if another VirtualService delegates to it', Severity.WARNING);
    }
    const list = (x: unknown): any[] => (Array.isArray(x) ? x : []);
    this._gateways.forEach((g, i) => this.addProblems(problems, g, `spec.gateways[${i}]`));
    this._httpRoutes.forEach((r, i) => {
      const at = `spec.http[${i}]`;
      list(r.route).forEach((d, j) => this.addProblems(problems, d?.destination, `${at}.route[${j}].destination`));
      this.addProblems(problems, r.mirror, `${at}.mirror`);
      list(r.mirrors).forEach((m, j) => this.addProblems(problems, m?.destination, `${at}.mirrors[${j}].destination`));
      list(r.match).forEach((m, j) => list(m?.conditions?.gateways).forEach((g, k) => this.addProblems(problems, g, `${at}.match[${j}].gateways[${k}]`)));
    });
    for (const kind of ['tcp', 'tls'] as const) {
      (kind === 'tcp' ? this._tcpRoutes : this._tlsRoutes).forEach((r, i) => {
        list(r.route).forEach((d, j) => this.addProblems(problems, d?.destination, `spec.${kind}[${i}].route[${j}].destination`));
        list(r.match).forEach((m, j) => list(m?.gateways).forEach((g, k) => this.addProblems(problems, g, `spec.${kind}[${i}].match[${j}].gateways[${k}]`)));
      });
    }
  }

  /** The construct-level problems of a destination or gateway binding, if it is one. */
  private addProblems(problems: ProblemCollector, value: Destination | GatewayBinding | undefined, field: string): void {
    const own = (value as { _constructProblems?: unknown } | undefined)?._constructProblems;
    if (typeof own !== 'function') return;
    for (const p of (own as (f: string) => ReturnType<Destination['_constructProblems']>).call(value, field)) {
      problems.add(p.code, p.field, p.value, p.message, p.fix, p.severity);
    }
  }

  private routeContext(): _RouteContext {
    return { namespace: this.namespace };
  }
}

/** The list options of {@link VirtualServiceProps}, and the manifest field each renders to. */
const LIST_FIELDS = {
  hosts: 'spec.hosts', gateways: 'spec.gateways', httpRoutes: 'spec.http', tcpRoutes: 'spec.tcp', tlsRoutes: 'spec.tls', exportTo: 'spec.exportTo',
} as const;

type ListOption = keyof typeof LIST_FIELDS;
