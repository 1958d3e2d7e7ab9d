import { ApiObject, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { ProblemCollector, Severity } from '../analysis/finding';
import { IstioResource, IstioResourceProps } from './base';
import { namespaceOf, serviceFqdn } from './private/host';
import { ipProblem, unixAddressProblem } from '../analysis/values/ip';
import { networking } from './private/l1';
import { dns1123LabelProblem, hostProblem, portProblem } from '../analysis/values/validate';
import { PortProtocol } from './service-entry';
import { ConnectionPool } from './traffic-policy/connection-pool';
import { WorkloadSelector } from './workload-selector';

const PROTOCOLS = new Set<string>(Object.values(PortProtocol));
const HTTP_PROTOCOLS = new Set<string>([PortProtocol.HTTP, PortProtocol.HTTP2, PortProtocol.GRPC]);

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
export type SidecarEgressHost = string | kplus.Service;

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

  /** @internal */
  public _validate(problems: ProblemCollector): void {
    const p = this.egressProxy;
    if (!p) return;
    const hp = p.host === '*' ? '\'*\' is not a destination' : hostProblem(p.host, { allowWildcard: false });
    if (hp) problems.add('CI0002', 'egressProxy.host', p.host, `egress proxy host '${p.host}' ${hp}`, 'use the FQDN of the egress proxy service');
    const pp = portProblem(p.port);
    if (pp) problems.add('CI0003', 'egressProxy.port.number', p.port, `egress proxy port ${p.port} ${pp}`, 'use a port from 1 to 65535');
    if (p.subset !== undefined && dns1123LabelProblem(p.subset)) {
      problems.add('CI0001', 'egressProxy.subset', p.subset, `subset '${p.subset}' ${dns1123LabelProblem(p.subset)}`, 'use a DNS-1123 label subset name');
    }
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
    this._egress.push({ ...listener, hosts: [...listener.hosts] });
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
      workloadSelector: this.workloadSelector?._toLabels(),
      ingress: this._ingress.length > 0 ? this._ingress.map((i) => ({
        port: renderPort(i.port),
        bind: i.bind,
        captureMode: i.captureMode,
        defaultEndpoint: i.defaultEndpoint,
        connectionPool: i.connectionPool?._toIstio(),
      })) : undefined,
      egress: egress.length > 0 ? egress.map((e) => ({
        port: e.port ? renderPort(e.port) : undefined,
        bind: e.bind,
        captureMode: e.captureMode,
        hosts: e.hosts.map(renderEgressHost),
      })) : undefined,
      outboundTrafficPolicy: this.outboundTrafficPolicy?._toIstio(),
      inboundConnectionPool: this.inboundConnectionPool?._toIstio(),
    };
  }

  protected validateSpec(problems: ProblemCollector): void {
    const spec = problems.at('spec');
    if (this._egress.length === 0 && this._ingress.length === 0 && !this.outboundTrafficPolicy && !this.inboundConnectionPool) {
      spec.add('CI0015', '', {}, 'a Sidecar needs egress, ingress, outboundTrafficPolicy or inboundConnectionPool; an empty one is rejected',
        'add egress hosts, e.g. addEgressHost(\'./*\', \'istio-system/*\')');
    }
    this.workloadSelector?._validate(spec.at('workloadSelector.labels'), this.namespace);

    const ingressPorts = new Map<number, number>();
    this._ingress.forEach((l, i) => {
      const at = spec.at(`ingress[${i}]`);
      if (!l.port) {
        at.add('CI0015', 'port', undefined, 'an ingress listener needs a port', 'set port: { number, protocol }');
        return;
      }
      validatePort(at.at('port'), l.port, false);
      if (ingressPorts.has(l.port.number)) {
        at.add('CI0012', 'port.number', l.port.number, `ingress port ${l.port.number} is already used by ingress[${ingressPorts.get(l.port.number)}]`, 'use each port once');
      } else {
        ingressPorts.set(l.port.number, i);
      }
      if (l.bind !== undefined) {
        const p = ipProblem(l.bind);
        if (p) at.add('CI0017', 'bind', l.bind, `bind address '${l.bind}' ${p}`, 'use an IP address such as 0.0.0.0');
      }
      validateCaptureMode(at, l.captureMode);
      if (l.defaultEndpoint !== undefined) validateDefaultEndpoint(at, l.defaultEndpoint);
      if (l.connectionPool) {
        l.connectionPool._validate(at.at('connectionPool'));
        // Istio warns the same way: without an HTTP protocol on the port, the http settings are ignored
        if (l.connectionPool.http && (l.port.protocol === undefined || !HTTP_PROTOCOLS.has(l.port.protocol))) {
          at.add('CI0017', 'connectionPool.http', undefined, `HTTP connection pool settings have no effect on port ${l.port.number} with protocol ${l.port.protocol ?? '(unset)'}; only tcp settings apply`,
            'remove the http settings or set an HTTP protocol on the port', Severity.WARNING);
        }
      }
    });
    this.inboundConnectionPool?._validate(spec.at('inboundConnectionPool'));

    const egressPorts = new Map<number, number>();
    let catchAllSeen = false;
    this.orderedEgress().forEach((l, i) => {
      const at = spec.at(`egress[${i}]`);
      const unixBind = l.bind?.startsWith('unix://') ?? false;
      if (!l.port) {
        if (catchAllSeen) {
          at.add('CI0017', 'port', undefined, 'a Sidecar can have only one egress listener without a port (the catch-all)',
            'merge the hosts into one catch-all listener (addEgressHost does this), or give this listener a port');
        }
        catchAllSeen = true;
      } else {
        validatePort(at.at('port'), l.port, unixBind);
        if (!unixBind || l.port.number !== 0) {
          if (egressPorts.has(l.port.number)) {
            at.add('CI0012', 'port.number', l.port.number, `egress port ${l.port.number} is already used by egress[${egressPorts.get(l.port.number)}]`, 'use each port once');
          } else {
            egressPorts.set(l.port.number, i);
          }
        }
      }
      if (l.bind !== undefined) {
        const p = unixBind ? unixAddressProblem(l.bind) : ipProblem(l.bind);
        if (p) at.add('CI0017', 'bind', l.bind, `bind address '${l.bind}' ${p}`, 'use an IP address or unix:///path');
        if (unixBind && l.captureMode === SidecarCaptureMode.IPTABLES) {
          at.add('CI0017', 'captureMode', l.captureMode, 'a unix socket listener cannot use captureMode IPTABLES', 'use DEFAULT or NONE');
        }
      }
      validateCaptureMode(at, l.captureMode);
      if (l.hosts.length === 0) {
        at.add('CI0015', 'hosts', [], 'an egress listener needs at least one host', 'add hosts such as \'./*\' or \'istio-system/*\'');
      }
      const seen = new Set<string>();
      l.hosts.forEach((h, j) => {
        const host = renderEgressHost(h);
        const p = egressHostProblem(host);
        if (p) {
          at.add('CI0002', `hosts[${j}]`, host, `egress host '${host}' ${p}`, 'use namespace/dnsName, e.g. \'./*\', \'istio-system/*\' or \'*/api.example.com\'');
        }
        if (seen.has(host)) at.add('CI0012', `hosts[${j}]`, host, `egress host '${host}' is listed twice`, 'list every host once', Severity.WARNING);
        seen.add(host);
      });
    });

    if (this.outboundTrafficPolicy) {
      this.outboundTrafficPolicy._validate(spec.at('outboundTrafficPolicy'));
    }
  }

  // Istio requires the catch-all (port-less) egress listener to be the last one, so render it last.
  private orderedEgress() {
    return [...this._egress.filter((e) => e.port !== undefined), ...this._egress.filter((e) => e.port === undefined)];
  }
}

function renderEgressHost(h: SidecarEgressHost): string {
  if (typeof h === 'string') return h;
  return `${namespaceOf(h) ?? 'default'}/${serviceFqdn(h)}`;
}

function renderPort(p: SidecarPort): any {
  return { number: p.number, protocol: p.protocol, name: p.name };
}

/** Why Istio rejects a Sidecar egress host, or `undefined`. */
function egressHostProblem(host: string): string | undefined {
  const slash = host.indexOf('/');
  if (slash < 0) return 'must have the form namespace/dnsName';
  const ns = host.slice(0, slash);
  const name = host.slice(slash + 1);
  if (!ns || !name) return 'must have a non-empty namespace and dnsName';
  if (ns !== '*' && ns !== '.' && ns !== '~' && dns1123LabelProblem(ns)) return `has namespace '${ns}', which is not '*', '.', '~' or a namespace name`;
  if (name === '*') return undefined;
  if (!name.includes('.')) return `has the short name '${name}'; Sidecar hosts must be FQDNs (e.g. ${name}.<namespace>.svc.cluster.local) or '*'`;
  const hp = hostProblem(name, { allowBareWildcard: true });
  if (hp) return `has dnsName '${name}' that ${hp}`;
  if (name.includes('*') && !name.startsWith('*.')) return `has a partial wildcard in '${name}'; only '*' or a '*.' prefix is allowed`;
  return undefined;
}

function validatePort(at: ProblemCollector, port: SidecarPort, unixBind: boolean): void {
  if (!(unixBind && port.number === 0)) {
    const p = portProblem(port.number);
    if (p) at.add('CI0003', 'number', port.number, `port ${port.number} ${p}`, 'use a port from 1 to 65535');
  }
  if (port.name !== undefined) {
    const p = dns1123LabelProblem(port.name);
    if (p) at.add('CI0001', 'name', port.name, `port name '${port.name}' ${p}`, 'use a lowercase name such as \'http\'');
  }
  if (port.protocol !== undefined && !PROTOCOLS.has(port.protocol)) {
    at.add('CI0017', 'protocol', port.protocol, `protocol '${port.protocol}' is not one of ${[...PROTOCOLS].join(', ')}`, 'use a PortProtocol value');
  }
}

function validateCaptureMode(at: ProblemCollector, mode: string | undefined): void {
  if (mode !== undefined && !Object.values(SidecarCaptureMode).includes(mode as SidecarCaptureMode)) {
    at.add('CI0017', 'captureMode', mode, `captureMode '${mode}' is not one of DEFAULT, IPTABLES, NONE`, 'use a SidecarCaptureMode value');
  }
}

function validateDefaultEndpoint(at: ProblemCollector, endpoint: string): void {
  if (endpoint.startsWith('unix://')) {
    const p = unixAddressProblem(endpoint);
    if (p) at.add('CI0017', 'defaultEndpoint', endpoint, `defaultEndpoint '${endpoint}' ${p}`, 'use unix:///absolute/path');
    return;
  }
  const m = /^(?:\[([^\]]*)\]|([^:]*)):([^:]+)$/.exec(endpoint);
  const host = m ? (m[1] ?? m[2]) : undefined;
  if (!m || !['', '127.0.0.1', '0.0.0.0', '::1', '::'].includes(host!)) {
    at.add('CI0017', 'defaultEndpoint', endpoint, `defaultEndpoint '${endpoint}' must be 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port> or unix:///path`,
      'point it at the application on localhost, e.g. \'127.0.0.1:8080\'');
    return;
  }
  const port = Number(m[3]);
  const p = /^\d+$/.test(m[3]) ? portProblem(port) : 'is not a number';
  if (p) at.add('CI0003', 'defaultEndpoint', endpoint, `defaultEndpoint port '${m[3]}' ${p}`, 'use a port from 1 to 65535');
}
