import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ProblemCollector } from '../analysis/finding';
import { IstioResource, IstioResourceProps } from './base';
import { IServiceLike } from './kube-objects';
import { namespaceOf, serviceFqdn } from './private/host';
import { isService } from './private/workload';
import { networking } from './private/l1';
import { PortProtocol } from './service-entry';
import { ConnectionPool } from './traffic-policy/connection-pool';
import { WorkloadSelector } from './workload-selector';

/**
 * How traffic reaches a Sidecar listener.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#CaptureMode
 */
export enum SidecarCaptureMode {
  /** The environment's default capture mode. */
  DEFAULT = 'DEFAULT',
  /** Traffic is captured with iptables redirection. */
  IPTABLES = 'IPTABLES',
  /** No capture: the application talks to the listener's bind address directly. */
  NONE = 'NONE',
}

/**
 * A port of a Sidecar listener.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#SidecarPort
 */
export interface SidecarPort {
  /** The port number (1-65535; 0 only with a `unix://` bind). */
  readonly number: number;
  /**
   * The protocol on the port.
   *
   * @default - Istio sniffs the protocol
   */
  readonly protocol?: PortProtocol;
  /**
   * A name for the port (DNS-1123 label).
   *
   * @default - no name
   */
  readonly name?: string;
}

/**
 * A host an egress listener exposes: `namespace/dnsName` (`./*`, `istio-system/*`,
 * `*\/api.example.com`, `prod/reviews.prod.svc.cluster.local`) or a kplus Service, rendered as
 * `<namespace>/<name>.<namespace>.svc.cluster.local`.
 */
export type SidecarEgressHost = string | IServiceLike;

/**
 * An egress (outbound) listener of a Sidecar.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
 */
export interface SidecarEgressListener {
  /** The services the workload may reach through this listener, in `namespace/dnsName` form. */
  readonly hosts: SidecarEgressHost[];
  /**
   * The port of the listener.
   *
   * @default - a catch-all listener for every port not covered by other listeners (at most one per Sidecar)
   */
  readonly port?: SidecarPort;
  /**
   * The IP or `unix://` socket the listener binds to.
   *
   * @default - the listener binds to the wildcard address
   */
  readonly bind?: string;
  /**
   * How traffic is captured.
   *
   * @default - DEFAULT
   */
  readonly captureMode?: SidecarCaptureMode;
}

/**
 * An ingress (inbound) listener of a Sidecar.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioIngressListener
 */
export interface SidecarIngressListener {
  /** The port the listener accepts traffic on. */
  readonly port: SidecarPort;
  /**
   * Where the traffic goes: `127.0.0.1:<port>`, `0.0.0.0:<port>`, `[::1]:<port>`, `[::]:<port>`
   * or `unix:///path`.
   *
   * @default - the workload's own IP and the listener port
   */
  readonly defaultEndpoint?: string;
  /**
   * The IP the listener binds to.
   *
   * @default - the workload's IP
   */
  readonly bind?: string;
  /**
   * How traffic is captured.
   *
   * @default - DEFAULT
   */
  readonly captureMode?: SidecarCaptureMode;
  /**
   * Connection limits for this port.
   *
   * @default - the Sidecar's `inboundConnectionPool`
   */
  readonly connectionPool?: ConnectionPool;
}

/**
 * The egress proxy that ALLOW_ANY traffic to unknown hosts is sent to.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#OutboundTrafficPolicy
 */
export interface EgressProxy {
  /** The host of the egress proxy service (a DNS name). */
  readonly host: string;
  /** The port of the egress proxy service. */
  readonly port: number;
  /**
   * A DestinationRule subset of the egress proxy.
   *
   * @default - no subset
   */
  readonly subset?: string;
}

/**
 * What a workload may do with traffic to hosts not in the service registry.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#OutboundTrafficPolicy
 */
export class OutboundTrafficPolicy {
  /** Only hosts in the registry (Services, ServiceEntries) are reachable. */
  public static readonly REGISTRY_ONLY = new OutboundTrafficPolicy('REGISTRY_ONLY');
  /** Unknown hosts are passed through. */
  public static readonly ALLOW_ANY = new OutboundTrafficPolicy('ALLOW_ANY');

  /**
   * ALLOW_ANY, with traffic to unknown hosts sent to an egress proxy.
   *
   * @example
   * OutboundTrafficPolicy.allowAnyVia({ host: 'egress-proxy.egress.svc.cluster.local', port: 3128 })
   */
  public static allowAnyVia(egressProxy: EgressProxy): OutboundTrafficPolicy {
    return new OutboundTrafficPolicy('ALLOW_ANY', { ...egressProxy });
  }

  private constructor(
    /** The mode, `REGISTRY_ONLY` or `ALLOW_ANY`. */
    public readonly mode: string,
    /** The egress proxy, if any. */
    public readonly egressProxy?: EgressProxy,
  ) {}

  /** @internal */
  public _toIstio(): any {
    const p = this.egressProxy;
    return {
      mode: this.mode,
      egressProxy: p ? { host: p.host, port: { number: p.port }, subset: p.subset } : undefined,
    };
  }

}

/**
 * Properties of a {@link Sidecar}.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#Sidecar
 */
export interface SidecarProps extends IstioResourceProps {
  /**
   * The workloads this Sidecar configures.
   *
   * @default - every workload in the namespace without a more specific Sidecar (in the root
   * namespace `istio-system`, a Sidecar without selector is the mesh-wide default)
   */
  readonly workloadSelector?: WorkloadSelector;
  /**
   * Egress listeners.
   *
   * @default - none; add hosts with `addEgressHost`
   */
  readonly egress?: SidecarEgressListener[];
  /**
   * Ingress listeners.
   *
   * @default - inbound listeners are derived from the workload's Service ports
   */
  readonly ingress?: SidecarIngressListener[];
  /**
   * Handling of traffic to hosts outside the registry.
   *
   * @default - the mesh-wide `outboundTrafficPolicy` (ALLOW_ANY unless configured)
   */
  readonly outboundTrafficPolicy?: OutboundTrafficPolicy;
  /**
   * Connection limits for all inbound traffic.
   *
   * @default - Envoy defaults
   */
  readonly inboundConnectionPool?: ConnectionPool;
}

/**
 * Limits what a workload's sidecar proxy sees and accepts: the hosts it can reach (egress), the
 * ports it listens on (ingress), and what happens to traffic to unknown hosts.
 *
 * Restricting egress to the namespaces a workload really talks to shrinks the proxy's
 * configuration in large meshes.
 *
 * @example
 * const sc = new Sidecar(chart, 'default', { outboundTrafficPolicy: OutboundTrafficPolicy.REGISTRY_ONLY });
 * sc.addEgressHost('./*', 'istio-system/*');
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/
 */
export class Sidecar extends IstioResource {
  /** The workload selector, if any. */
  public readonly workloadSelector?: WorkloadSelector;
  /** The outbound traffic policy, if any. */
  public readonly outboundTrafficPolicy?: OutboundTrafficPolicy;
  /** Inbound connection limits, if any. */
  public readonly inboundConnectionPool?: ConnectionPool;

  protected readonly apiObject: ApiObject;

  private readonly _egress: Array<{ hosts: SidecarEgressHost[]; port?: SidecarPort; bind?: string; captureMode?: SidecarCaptureMode }> = [];
  private readonly _ingress: SidecarIngressListener[] = [];

  constructor(scope: Construct, id: string, props: SidecarProps = {}) {
    super(scope, id, props);
    this.workloadSelector = props.workloadSelector;
    this.outboundTrafficPolicy = props.outboundTrafficPolicy;
    this.inboundConnectionPool = props.inboundConnectionPool;
    this.apiObject = new networking.Sidecar(this, 'Resource', {
      metadata: this.initialMetadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    for (const e of props.egress ?? []) this.addEgressListener(e);
    for (const i of props.ingress ?? []) this.addIngressListener(i);
  }

  /**
   * Adds an egress listener.
   *
   * @example
   * sidecar.addEgressListener({ port: { number: 3306, protocol: PortProtocol.TCP, name: 'mysql' }, hosts: ['db/mysql.db.svc.cluster.local'] });
   */
  public addEgressListener(listener: SidecarEgressListener): void {
    this._egress.push({ ...listener, hosts: [...(listener?.hosts ?? [])] });
  }

  /**
   * Adds hosts to the catch-all egress listener (the one without a port), creating it if needed.
   *
   * Hosts have the form `namespace/dnsName`: `./*` (everything in this namespace),
   * `istio-system/*`, `*\/api.example.com`; a kplus Service becomes
   * `<namespace>/<name>.<namespace>.svc.cluster.local`.
   *
   * @example
   * sidecar.addEgressHost('./*', 'istio-system/*', ratingsService);
   */
  public addEgressHost(...hosts: SidecarEgressHost[]): void {
    let catchAll = this._egress.find((e) => e.port === undefined);
    if (!catchAll) {
      catchAll = { hosts: [] };
      this._egress.push(catchAll);
    }
    catchAll.hosts.push(...hosts);
  }

  /**
   * Adds an ingress listener.
   *
   * @example
   * sidecar.addIngressListener({ port: { number: 9080, protocol: PortProtocol.HTTP, name: 'http' }, defaultEndpoint: '127.0.0.1:8080' });
   */
  public addIngressListener(listener: SidecarIngressListener): void {
    this._ingress.push({ ...listener });
  }

  /** The egress hosts of every listener, rendered (`namespace/dnsName`). */
  public get egressHosts(): string[] {
    return this.orderedEgress().flatMap((e) => e.hosts.map(renderEgressHost));
  }

  /**
   * The rendered spec.
   * @internal
   */
  public _toSpec(): any {
    const egress = this.orderedEgress();
    return {
      workloadSelector: this.workloadSelector ? { labels: selectorLabels(this.workloadSelector) ?? {} } : undefined,
      ingress: this._ingress.length > 0 ? this._ingress.map((i) => ({
        port: renderPort(i.port),
        bind: i.bind,
        captureMode: i.captureMode,
        defaultEndpoint: i.defaultEndpoint,
        connectionPool: renderValue(i.connectionPool),
      })) : undefined,
      egress: egress.length > 0 ? egress.map((e) => ({
        port: e.port ? renderPort(e.port) : undefined,
        bind: e.bind,
        captureMode: e.captureMode,
        hosts: e.hosts.map(renderEgressHost),
      })) : undefined,
      outboundTrafficPolicy: renderValue(this.outboundTrafficPolicy),
      inboundConnectionPool: renderValue(this.inboundConnectionPool),
    };
  }

  // Istio's webhook rules are checks over the rendered manifest (lib/analysis/checks/object/sidecar);
  // only what the manifest cannot show is reported here: where a derived workload selector came from
  protected validateSpec(problems: ProblemCollector): void {
    // the selector's labels are checked on the manifest (CI0024); what only the construct knows is here
    this.workloadSelector?._validate(problems.at('spec.workloadSelector.labels'), this.namespace);
  }

  // Istio requires the catch-all (port-less) egress listener to be the last one, so render it last.
  private orderedEgress() {
    return [...this._egress.filter((e) => e.port !== undefined), ...this._egress.filter((e) => e.port === undefined)];
  }
}

function renderEgressHost(h: SidecarEgressHost): string {
  if (typeof h === 'string') return h;
  // a plain-JavaScript caller may pass anything: render it as given, for the checks to report
  if (!isService(h)) return String(h);
  return `${namespaceOf(h) ?? 'default'}/${serviceFqdn(h)}`;
}

function renderPort(p: SidecarPort | undefined): any {
  return p ? { number: p.number, protocol: p.protocol, name: p.name } : undefined;
}

/** A value object rendered for Istio; anything else (a cast plain object) as given, for the checks to report. */
function renderValue(value: { _toIstio(): any } | undefined): any {
  return value !== null && typeof value === 'object' && typeof value._toIstio === 'function' ? value._toIstio() : value;
}

/** The labels of a selector, or `undefined` when it has none to give (`fromWorkload(undefined)`). */
function selectorLabels(selector: WorkloadSelector): Record<string, string> | undefined {
  try {
    return selector.labels;
  } catch {
    return undefined;
  }
}
