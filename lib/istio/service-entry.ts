import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ProblemCollector } from '../analysis/finding';
import { IstioResource, IstioResourceProps } from './base';
import { networking } from './private/l1';
import { WorkloadSelector } from './workload-selector';

/**
 * The protocol a port serves, as Istio names it (ServiceEntry and Sidecar ports).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#SidecarPort
 */
export enum PortProtocol {
  /** Plain HTTP/1.1. */
  HTTP = 'HTTP',
  /** HTTP over TLS (the proxy routes by SNI, it does not terminate TLS). */
  HTTPS = 'HTTPS',
  /** gRPC. */
  GRPC = 'GRPC',
  /** HTTP/2. */
  HTTP2 = 'HTTP2',
  /** MongoDB wire protocol. */
  MONGO = 'MONGO',
  /** Opaque TCP. */
  TCP = 'TCP',
  /** TLS (routed by SNI). */
  TLS = 'TLS',
  /** UDP (not proxied by the sidecar). */
  UDP = 'UDP',
}

/**
 * Whether a service is part of the mesh.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry-Location
 */
export enum ServiceEntryLocation {
  /** Outside the mesh: no mTLS, metrics are reported as external traffic. */
  MESH_EXTERNAL = 'MESH_EXTERNAL',
  /** Part of the mesh (e.g. VMs with sidecars): mTLS and in-mesh policies apply. */
  MESH_INTERNAL = 'MESH_INTERNAL',
}

/**
 * How the proxy finds the endpoints of the service.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry-Resolution
 */
export enum ServiceEntryResolution {
  /** Forward to the IP the application connected to (wildcard hosts, pass-through). */
  NONE = 'NONE',
  /** Use the static `endpoints` IPs (or the pods chosen by `workloadSelector`). */
  STATIC = 'STATIC',
  /** Resolve the endpoint addresses (or the hosts, when there are no endpoints) by DNS, using all returned IPs. */
  DNS = 'DNS',
  /** Resolve by DNS and use only the first returned IP (for large DNS answers). */
  DNS_ROUND_ROBIN = 'DNS_ROUND_ROBIN',
  /**
   * Envoy's dynamic forward proxy: the destination is resolved from the requested host at request
   * time (wildcard hosts only; HTTP, TLS, GRPC and HTTP2 ports; no addresses or endpoints).
   */
  DYNAMIC_DNS = 'DYNAMIC_DNS',
}

/**
 * A port of a ServiceEntry.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServicePort
 */
export interface ServiceEntryPort {
  /** The port number (1-65535). */
  readonly number: number;
  /** The port name, a DNS-1123 label unique within the ServiceEntry (e.g. `https`). */
  readonly name: string;
  /**
   * The protocol served on the port.
   *
   * @default - Istio sniffs the protocol
   */
  readonly protocol?: PortProtocol;
  /**
   * The port on the endpoints that receives the traffic.
   *
   * @default - the same as `number`
   */
  readonly targetPort?: number;
}

/**
 * An endpoint of a ServiceEntry (the fields of an Istio WorkloadEntry).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/workload-entry/#WorkloadEntry
 */
export interface ServiceEntryEndpoint {
  /**
   * The address: an IP (STATIC resolution), an IP or DNS name (DNS resolutions), or a
   * `unix:///path` socket (STATIC).
   *
   * @default - none; then `network` must be set (the endpoint is reached through that network's gateway)
   */
  readonly address?: string;
  /**
   * Endpoint ports by ServiceEntry port name (e.g. `{ https: 8443 }`).
   *
   * @default - each ServiceEntry port's `targetPort` or number
   */
  readonly ports?: { [portName: string]: number };
  /**
   * Labels of the endpoint (usable in DestinationRule subsets).
   *
   * @default - no labels
   */
  readonly labels?: { [key: string]: string };
  /**
   * The network of the endpoint, for multi-network meshes.
   *
   * @default - the proxy's network
   */
  readonly network?: string;
  /**
   * The locality, `region/zone/subzone`.
   *
   * @default - no locality
   */
  readonly locality?: string;
  /**
   * The load-balancing weight.
   *
   * @default - equal weights
   */
  readonly weight?: number;
  /**
   * The service account of the workload, when it runs a sidecar (in the ServiceEntry's namespace).
   *
   * @default - none
   */
  readonly serviceAccount?: string;
}

/**
 * Properties of a {@link ServiceEntry}.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry
 */
export interface ServiceEntryProps extends IstioResourceProps {
  /**
   * The hosts of the service (DNS names; a `*.` prefix is allowed, `*` alone is not).
   *
   * @default - none; add them with `addHost` (at least one is required)
   */
  readonly hosts?: string[];
  /**
   * Virtual IPs (or CIDR blocks, with NONE/STATIC resolution) of the service.
   *
   * @default - no addresses
   */
  readonly addresses?: string[];
  /**
   * The ports of the service.
   *
   * @default - no ports; add them with `addPort`
   */
  readonly ports?: ServiceEntryPort[];
  /**
   * Whether the service is outside or inside the mesh.
   *
   * @default - not rendered; Istio uses MESH_EXTERNAL
   */
  readonly location?: ServiceEntryLocation;
  /**
   * How endpoints are found.
   *
   * @default - not rendered; Istio uses NONE
   */
  readonly resolution?: ServiceEntryResolution;
  /**
   * Static endpoints of the service (not with `workloadSelector`, not with NONE resolution).
   *
   * @default - no endpoints
   */
  readonly endpoints?: ServiceEntryEndpoint[];
  /**
   * Selects pods or WorkloadEntries as endpoints (MESH_INTERNAL services; not with `endpoints`).
   *
   * @default - no workload selector
   */
  readonly workloadSelector?: WorkloadSelector;
  /**
   * Namespaces that can see the service: `.` (own), `*` (all), `~` (none) or namespace names.
   *
   * @default - not rendered; the mesh default (usually all namespaces)
   */
  readonly exportTo?: string[];
  /**
   * Subject alternative names the server certificate must match.
   *
   * @default - no check
   */
  readonly subjectAltNames?: string[];
}

/**
 * Adds an entry to Istio's service registry: an external API, a database on VMs, or a set of
 * WorkloadEntries and pods behind one DNS name.
 *
 * @example
 * new ServiceEntry(chart, 'httpbin-ext', {
 *   hosts: ['httpbin.org'],
 *   ports: [{ number: 443, name: 'https', protocol: PortProtocol.TLS }],
 *   location: ServiceEntryLocation.MESH_EXTERNAL,
 *   resolution: ServiceEntryResolution.DNS,
 * });
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/
 */
export class ServiceEntry extends IstioResource {
  /** How the proxy finds endpoints (as given). */
  public readonly resolution?: ServiceEntryResolution;
  /** Whether the service is part of the mesh (as given). */
  public readonly location?: ServiceEntryLocation;
  /** The workload selector, if any. */
  public readonly workloadSelector?: WorkloadSelector;

  protected readonly apiObject: ApiObject;

  private readonly _hosts: string[] = [];
  private readonly _addresses: string[] = [];
  private readonly _ports: ServiceEntryPort[] = [];
  private readonly _endpoints: ServiceEntryEndpoint[] = [];
  private readonly _exportTo: string[] = [];
  private readonly _subjectAltNames: string[] = [];

  constructor(scope: Construct, id: string, props: ServiceEntryProps = {}) {
    super(scope, id, props);
    this.resolution = props.resolution;
    this.location = props.location;
    this.workloadSelector = props.workloadSelector;
    this.apiObject = new networking.ServiceEntry(this, 'Resource', {
      metadata: this.initialMetadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    for (const h of props.hosts ?? []) this.addHost(h);
    for (const a of props.addresses ?? []) this.addAddress(a);
    for (const p of props.ports ?? []) this.addPort(p);
    for (const e of props.endpoints ?? []) this.addEndpoint(e);
    for (const n of props.exportTo ?? []) this.addExportTo(n);
    for (const s of props.subjectAltNames ?? []) this.addSubjectAltName(s);
  }

  /**
   * Adds a host.
   *
   * @example
   * se.addHost('api.example.com');
   */
  public addHost(host: string): void {
    this._hosts.push(host);
  }

  /**
   * Adds a virtual IP or CIDR block.
   *
   * @example
   * se.addAddress('240.0.0.10');
   */
  public addAddress(address: string): void {
    this._addresses.push(address);
  }

  /**
   * Adds a port.
   *
   * @example
   * se.addPort({ number: 27017, name: 'mongo', protocol: PortProtocol.MONGO });
   */
  public addPort(port: ServiceEntryPort): void {
    this._ports.push({ ...port });
  }

  /**
   * Adds a static endpoint.
   *
   * @example
   * se.addEndpoint({ address: '10.1.2.3', labels: { version: 'v1' } });
   */
  public addEndpoint(endpoint: ServiceEntryEndpoint): void {
    this._endpoints.push({ ...endpoint });
  }

  /**
   * Adds a namespace the service is exported to (`.`, `*`, `~` or a namespace name).
   *
   * @example
   * se.addExportTo('.');
   */
  public addExportTo(namespace: string): void {
    this._exportTo.push(namespace);
  }

  /**
   * Adds a subject alternative name the server certificate must match.
   *
   * @example
   * se.addSubjectAltName('spiffe://cluster.local/ns/db/sa/mongo');
   */
  public addSubjectAltName(san: string): void {
    this._subjectAltNames.push(san);
  }

  /** The hosts (a copy). */
  public get hosts(): string[] {
    return [...this._hosts];
  }

  /** The ports (copies). */
  public get ports(): ServiceEntryPort[] {
    return this._ports.map((p) => ({ ...p }));
  }

  /** The endpoints (copies). */
  public get endpoints(): ServiceEntryEndpoint[] {
    return this._endpoints.map((e) => ({ ...e }));
  }

  /**
   * The rendered spec.
   * @internal
   */
  public _toSpec(): any {
    return {
      hosts: [...this._hosts],
      addresses: nonEmpty(this._addresses),
      ports: nonEmpty(this._ports.map((p) => ({ number: p.number, name: p.name, protocol: p.protocol, targetPort: p.targetPort }))),
      location: this.location,
      resolution: this.resolution,
      endpoints: nonEmpty(this._endpoints.map(renderEndpoint)),
      workloadSelector: this.workloadSelector ? renderSelector(this.workloadSelector) : undefined,
      exportTo: nonEmpty(this._exportTo),
      subjectAltNames: nonEmpty(this._subjectAltNames),
    };
  }

  // Istio's rules for the rendered spec are object checks (CI04xx, CI0023); only what the manifest cannot show stays here
  protected validateSpec(problems: ProblemCollector): void {
    // the selector's labels are checked on the manifest (CI0024); what only the construct knows is here
    this.workloadSelector?._validate(problems.at('spec.workloadSelector.labels'), this.namespace);
  }
}

function renderEndpoint(e: ServiceEntryEndpoint): any {
  return {
    address: e.address,
    ports: e.ports ? { ...e.ports } : undefined,
    labels: e.labels ? { ...e.labels } : undefined,
    network: e.network,
    locality: e.locality,
    weight: e.weight,
    serviceAccount: e.serviceAccount,
  };
}

function nonEmpty<T>(xs: T[]): T[] | undefined {
  return xs.length > 0 ? xs : undefined;
}

/** The selector's rendered labels, or `undefined` when it cannot render (a value that is not a WorkloadSelector, from plain JavaScript). */
function renderSelector(selector: WorkloadSelector): { labels: { [key: string]: string } } | undefined {
  try {
    return selector._toLabels();
  } catch {
    return undefined;
  }
}
