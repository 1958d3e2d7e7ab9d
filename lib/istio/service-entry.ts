import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ProblemCollector, Severity } from '../analysis/finding';
import { IstioResource, IstioResourceProps } from './base';
import { ipOrCidrProblem, isIpAddress, unixAddressProblem } from '../analysis/values/ip';
import { validateExportTo } from './private/export-to';
import { networking } from './private/l1';
import { dns1123LabelProblem, hostProblem, portProblem } from '../analysis/values/validate';
import { WorkloadSelector } from './workload-selector';
import { validateLabelMap } from './private/labels';

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

const PROTOCOLS = new Set<string>(Object.values(PortProtocol));
const HTTP_OR_TLS = new Set<string>([PortProtocol.HTTP, PortProtocol.HTTP2, PortProtocol.GRPC, PortProtocol.HTTPS, PortProtocol.TLS]);

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
      workloadSelector: this.workloadSelector?._toLabels(),
      exportTo: nonEmpty(this._exportTo),
      subjectAltNames: nonEmpty(this._subjectAltNames),
    };
  }

  protected validateSpec(problems: ProblemCollector): void {
    const spec = problems.at('spec');
    const resolution = this.resolution ?? ServiceEntryResolution.NONE;
    const hasEndpoints = this._endpoints.length > 0;
    const dnsResolution = resolution === ServiceEntryResolution.DNS || resolution === ServiceEntryResolution.DNS_ROUND_ROBIN;

    if (this.resolution !== undefined && !Object.values(ServiceEntryResolution).includes(this.resolution)) {
      spec.add('CI0017', 'resolution', this.resolution, `resolution '${this.resolution}' is not one of ${Object.values(ServiceEntryResolution).join(', ')}`, 'use a ServiceEntryResolution value');
    }
    if (this.location !== undefined && !Object.values(ServiceEntryLocation).includes(this.location)) {
      spec.add('CI0017', 'location', this.location, `location '${this.location}' is not one of MESH_EXTERNAL, MESH_INTERNAL`, 'use a ServiceEntryLocation value');
    }

    // hosts
    if (this._hosts.length === 0) {
      spec.add('CI0015', 'hosts', [], 'a ServiceEntry needs at least one host', 'pass hosts or call addHost, e.g. addHost(\'api.example.com\')');
    }
    this._hosts.forEach((h, i) => {
      const field = `hosts[${i}]`;
      if (h === '*') {
        spec.add('CI0002', field, h, 'host \'*\' is not allowed in a ServiceEntry', 'name the hosts, or use a wildcard prefix such as \'*.example.com\' with resolution NONE');
        return;
      }
      const problem = hostProblem(h, { allowBareWildcard: false });
      if (problem) {
        spec.add('CI0002', field, h, `host '${h}' ${problem}`, 'use a DNS name, optionally with a \'*.\' prefix');
        return;
      }
      if (h.includes('*') && !h.startsWith('*.')) {
        spec.add('CI0002', field, h, `host '${h}' has a partial wildcard; only a whole first label '*.' is matched as a wildcard`, 'use \'*.domain\' instead', Severity.WARNING);
      }
      if (dnsResolution && !hasEndpoints && h.includes('*')) {
        spec.add('CI0002', field, h, `host '${h}' is a wildcard, but resolution ${resolution} without endpoints resolves the hosts themselves by DNS`,
          'use resolution NONE for wildcard hosts, or add endpoints');
      }
    });

    // addresses
    let cidrFound = false;
    this._addresses.forEach((a, i) => {
      if (typeof a === 'string' && a.includes('/')) cidrFound = true;
      const problem = ipOrCidrProblem(a);
      if (problem) spec.add('CI0017', `addresses[${i}]`, a, `address '${a}' ${problem}`, 'use an IP address such as 240.0.0.1 or a CIDR block such as 10.0.0.0/16');
    });
    if (cidrFound && resolution !== ServiceEntryResolution.NONE && resolution !== ServiceEntryResolution.STATIC) {
      spec.add('CI0017', 'addresses', [...this._addresses], `CIDR addresses are allowed only with resolution NONE or STATIC, got ${resolution}`, 'use single IP addresses, or resolution NONE/STATIC');
    }

    // ports
    const names = new Map<string, number>();
    const numbers = new Map<number, number>();
    this._ports.forEach((p, i) => {
      const port = spec.at(`ports[${i}]`);
      const numberProblem = portProblem(p.number);
      if (numberProblem) port.add('CI0003', 'number', p.number, `port number ${p.number} ${numberProblem}`, 'use a port from 1 to 65535');
      if (p.targetPort !== undefined) {
        const tp = portProblem(p.targetPort);
        if (tp) port.add('CI0003', 'targetPort', p.targetPort, `target port ${p.targetPort} ${tp}`, 'use a port from 1 to 65535, or omit targetPort');
      }
      const nameProblem = dns1123LabelProblem(p.name);
      if (nameProblem) port.add('CI0001', 'name', p.name, `port name '${p.name}' ${nameProblem}`, 'use a lowercase name such as \'https\' or \'tcp-db\'');
      if (p.protocol !== undefined && !PROTOCOLS.has(p.protocol)) {
        port.add('CI0017', 'protocol', p.protocol, `protocol '${p.protocol}' is not one of ${[...PROTOCOLS].join(', ')}`, 'use a PortProtocol value');
      }
      if (names.has(p.name)) port.add('CI0012', 'name', p.name, `port name '${p.name}' is already used by ports[${names.get(p.name)}]`, 'give every port a unique name');
      else names.set(p.name, i);
      if (numbers.has(p.number)) port.add('CI0012', 'number', p.number, `port number ${p.number} is already used by ports[${numbers.get(p.number)}]`, 'give every port a unique number');
      else numbers.set(p.number, i);
    });
    if (resolution !== ServiceEntryResolution.NONE && this._hosts.length > 1) {
      const i = this._ports.findIndex((p) => !p.protocol || !HTTP_OR_TLS.has(p.protocol));
      if (i >= 0) {
        spec.add('CI0017', `ports[${i}].protocol`, this._ports[i].protocol,
          `several hosts with a non-HTTP, non-TLS port (${this._ports[i].protocol ?? 'unset'}) cannot be told apart with resolution ${resolution}`,
          'use one ServiceEntry per host for TCP ports, set the protocol to HTTP/TLS, or use resolution NONE');
      }
    }

    // endpoints and workloadSelector
    if (hasEndpoints && this.workloadSelector) {
      spec.add('CI0017', 'workloadSelector', this.workloadSelector.labels, 'endpoints and workloadSelector cannot both be set', 'keep either the static endpoints or the workload selector');
    }
    if (resolution === ServiceEntryResolution.NONE && hasEndpoints) {
      spec.add('CI0017', 'endpoints', this._endpoints.length, 'resolution NONE cannot have endpoints', 'use resolution STATIC or DNS with endpoints, or remove the endpoints');
    }
    if (resolution === ServiceEntryResolution.STATIC && !hasEndpoints && !this.workloadSelector) {
      // Istio accepts it (endpoints may come from WorkloadEntries), but nothing in this app serves the host
      spec.add('CI0015', 'endpoints', undefined, 'resolution STATIC without endpoints or a workloadSelector: the service has no endpoints unless WorkloadEntries elsewhere provide them',
        'add endpoints with addEndpoint, or set a workloadSelector', Severity.WARNING);
    }
    if (resolution === ServiceEntryResolution.DNS_ROUND_ROBIN && this._endpoints.length > 1) {
      spec.add('CI0017', 'endpoints', this._endpoints.length, `resolution DNS_ROUND_ROBIN allows at most one endpoint, got ${this._endpoints.length}`, 'use resolution DNS for several endpoints');
    }
    if (this.workloadSelector && (resolution === ServiceEntryResolution.NONE || dnsResolution)) {
      spec.add('CI0017', 'workloadSelector', this.workloadSelector.labels, `workloadSelector has no effect with resolution ${resolution}`, 'use resolution STATIC with a workloadSelector', Severity.WARNING);
    }
    this.workloadSelector?._validate(spec.at('workloadSelector.labels'), this.namespace);

    if (resolution !== ServiceEntryResolution.NONE) {
      this._endpoints.forEach((e, i) => validateEndpoint(spec.at(`endpoints[${i}]`), e, resolution, names));
    }

    validateExportTo(spec, this._exportTo, this.namespace, { allowNone: true });
  }
}

function validateEndpoint(problems: ProblemCollector, e: ServiceEntryEndpoint, resolution: ServiceEntryResolution, portNames: Map<string, number>): void {
  const address = e.address;
  if (address === undefined || address === '') {
    if (!e.network) problems.add('CI0015', 'address', address, 'an endpoint needs an address (or a network)', 'set the endpoint address');
  } else if (address.startsWith('unix://')) {
    if (resolution !== ServiceEntryResolution.STATIC) {
      problems.add('CI0002', 'address', address, `unix socket endpoints need resolution STATIC, got ${resolution}`, 'use resolution STATIC');
    }
    const p = unixAddressProblem(address);
    if (p) problems.add('CI0002', 'address', address, `address '${address}' ${p}`, 'use unix:///absolute/path or unix://@abstract');
    if (e.ports && Object.keys(e.ports).length > 0) {
      problems.add('CI0017', 'ports', e.ports, 'a unix socket endpoint cannot have ports', 'remove the endpoint ports');
    }
    if (portNames.size !== 1) {
      problems.add('CI0017', 'address', address, `a unix socket endpoint needs exactly 1 service port, the ServiceEntry has ${portNames.size}`,
        'give the ServiceEntry a single port, or use an IP endpoint');
    }
  } else if (!isIpAddress(address)) {
    if (resolution === ServiceEntryResolution.STATIC) {
      problems.add('CI0002', 'address', address, `address '${address}' is not an IP address, which resolution STATIC needs`, 'use an IP address, or resolution DNS for DNS names');
    } else {
      const p = hostProblem(address, { allowWildcard: false });
      if (p) problems.add('CI0002', 'address', address, `address '${address}' is not a valid IP address or DNS name: ${p}`, 'use an IP address or a DNS name');
    }
  }
  for (const [name, port] of Object.entries(e.ports ?? {})) {
    const field = `ports['${name}']`;
    if (!portNames.has(name)) {
      problems.add('CI0017', field, port, `endpoint port '${name}' is not a port name of the ServiceEntry; defined: ${[...portNames.keys()].join(', ') || '(none)'}`, 'key endpoint ports by the ServiceEntry port names');
    }
    const p = portProblem(port);
    if (p) problems.add('CI0003', field, port, `endpoint port ${port} ${p}`, 'use a port from 1 to 65535');
  }
  validateLabelMap(problems, 'labels', e.labels ?? {});
  if (e.weight !== undefined && (!Number.isInteger(e.weight) || e.weight < 0 || e.weight > 4294967295)) {
    problems.add('CI0017', 'weight', e.weight, `weight ${e.weight} must be a non-negative integer`, 'use a whole number such as 1 or 10');
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
