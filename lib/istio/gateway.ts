import { isIP } from 'net';
import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { formatValue, ProblemCollector, Severity } from '../analysis/finding';
import { IstioResource, IstioResourceProps } from './base';
import { networking } from './private/l1';
import { dns1123LabelProblem, dns1123SubdomainProblem, hostProblem, portProblem } from '../analysis/values/validate';
import { copyArray, isSet } from './traffic-policy/checks';

/**
 * Properties of a {@link Gateway}.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Gateway
 */
export interface GatewayProps extends IstioResourceProps {
  /**
   * Pod labels of the gateway proxies that apply this configuration (in any namespace, unless
   * the mesh restricts gateway selection to the Gateway's namespace).
   *
   * The default selects Istio's default ingress gateway (installed by `istioctl install`); a
   * gateway installed with the Helm chart is usually labelled `istio: ingress` instead.
   * @default { istio: 'ingressgateway' }
   */
  readonly selector?: Record<string, string>;
  /**
   * The servers (listeners) of the gateway. More can be added with `addServer()`.
   * @default - none; at least one must be added before synthesis
   */
  readonly servers?: GatewayServer[];
}

/**
 * A server of a Gateway as others see it (for example to check which hosts a gateway serves).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export interface GatewayServerDefinition {
  /** The port the proxy listens on. */
  readonly port: number;
  /** The port name. */
  readonly portName: string;
  /** The protocol of the port. */
  readonly protocol: ServerProtocol;
  /** The hosts, as written (may carry a `namespace/` prefix). */
  readonly hosts: string[];
  /**
   * The server name.
   * @default - unnamed
   */
  readonly name?: string;
  /**
   * The TLS mode.
   * @default - no TLS on this server
   */
  readonly tlsMode?: ServerTlsMode;
  /** Whether the server redirects HTTP to HTTPS. */
  readonly httpsRedirect: boolean;
}

/**
 * A load balancer at the edge of the mesh (ingress or egress): the ports it opens, their
 * protocols and TLS settings, and the hosts it accepts. Bind VirtualServices to it to route the traffic.
 *
 * Names: the `metadata.name` given, else the construct id. Istio requires a Gateway name to be a
 * DNS-1123 label (no dots).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/
 */
export class Gateway extends IstioResource {
  protected readonly apiObject: ApiObject;

  private readonly _servers: GatewayServer[] = [];
  private readonly _selector: Record<string, string>;

  constructor(scope: Construct, id: string, props: GatewayProps = {}) {
    super(scope, id, props);
    this._selector = { ...(props.selector ?? { istio: 'ingressgateway' }) };
    this.apiObject = new networking.Gateway(this, 'Resource', {
      metadata: this.initialMetadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    for (const server of props.servers ?? []) {
      this.addServer(server);
    }
  }

  /**
   * Adds a server (listener).
   *
   * @example
   * gateway.addServer(GatewayServer.https({ hosts: ['bookinfo.example.com'], tls: ServerTls.simple('bookinfo-credential') }));
   */
  public addServer(server: GatewayServer): void {
    this._servers.push(server);
  }

  /** The selector of the gateway proxies (a copy). */
  public get selector(): Record<string, string> {
    return { ...this._selector };
  }

  /** The servers (copies), in order. */
  public get servers(): GatewayServerDefinition[] {
    return this._servers.map((s) => s._definition());
  }

  /**
   * The `spec` of the Gateway.
   * @internal
   */
  public _toSpec(): networking.GatewaySpec {
    return {
      selector: { ...this._selector },
      servers: this._servers.map((s) => s._toIstio()),
    };
  }

  protected validateSpec(problems: ProblemCollector): void {
    // the base class reports names that are not DNS-1123 subdomains; Gateways also reject dots
    if (!dns1123SubdomainProblem(this.name) && dns1123LabelProblem(this.name)) {
      problems.add('CI0001', 'metadata.name', this.name, `gateway name ${formatValue(this.name)} must be a DNS-1123 label (no dots)`,
        'use a name without dots, such as \'bookinfo-gateway\'');
    }
    const spec = problems.at('spec');
    // the selector's labels are checked on the manifest, as every workload selector (CI0024)
    if (this._servers.length === 0) {
      spec.add('CI0015', 'servers', [], 'gateway has no servers', 'pass servers or call addServer(), e.g. GatewayServer.http({ hosts: [\'*\'] })');
    }
    const portNames = new Map<string, number>();
    const serverNames = new Map<string, number>();
    this._servers.forEach((server, i) => {
      const at = spec.at(`servers[${i}]`);
      server._validate(at);
      const firstPort = portNames.get(server.portName);
      if (firstPort !== undefined) {
        at.add('CI0012', 'port.name', server.portName, `port name ${formatValue(server.portName)} is already used by servers[${firstPort}]`,
          'give each server port a unique name');
      } else {
        portNames.set(server.portName, i);
      }
      if (server.name !== undefined) {
        const firstName = serverNames.get(server.name);
        if (firstName !== undefined) {
          at.add('CI0012', 'name', server.name, `server name ${formatValue(server.name)} is already used by servers[${firstName}]`, 'give each server a unique name');
        } else {
          serverNames.set(server.name, i);
        }
      }
    });
  }
}

/**
 * The protocol of a gateway server port.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Port
 */
export enum ServerProtocol {
  /** HTTP/1.1 (and HTTP/2 with prior knowledge). */
  HTTP = 'HTTP',
  /** HTTP over TLS, terminated at the gateway. */
  HTTPS = 'HTTPS',
  /** gRPC. */
  GRPC = 'GRPC',
  /** gRPC-Web. */
  GRPC_WEB = 'GRPC-WEB',
  /** HTTP/2. */
  HTTP2 = 'HTTP2',
  /** MongoDB. */
  MONGO = 'MONGO',
  /** Opaque TCP. */
  TCP = 'TCP',
  /** TLS, routed by SNI (passthrough or terminated). */
  TLS = 'TLS',
}

/**
 * How a gateway server handles TLS.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings-TLSmode
 */
export enum ServerTlsMode {
  /** Forward the TLS connection as is, routed by SNI. */
  PASSTHROUGH = 'PASSTHROUGH',
  /** Terminate TLS with a server certificate. */
  SIMPLE = 'SIMPLE',
  /** Terminate TLS and require a client certificate. */
  MUTUAL = 'MUTUAL',
  /** Passthrough routed by Istio's SNI, without a VirtualService (multi-cluster east-west gateways). */
  AUTO_PASSTHROUGH = 'AUTO_PASSTHROUGH',
  /** Mutual TLS with Istio's workload certificates (in-mesh traffic through a gateway). */
  ISTIO_MUTUAL = 'ISTIO_MUTUAL',
  /** Terminate TLS, verifying a client certificate when one is presented. */
  OPTIONAL_MUTUAL = 'OPTIONAL_MUTUAL',
}

/**
 * A TLS protocol version.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings-TLSProtocol
 */
export enum TlsProtocolVersion {
  /** Envoy's default. */
  TLS_AUTO = 'TLS_AUTO',
  /** TLS 1.0. */
  TLSV1_0 = 'TLSV1_0',
  /** TLS 1.1. */
  TLSV1_1 = 'TLSV1_1',
  /** TLS 1.2. */
  TLSV1_2 = 'TLSV1_2',
  /** TLS 1.3. */
  TLSV1_3 = 'TLSV1_3',
}

/**
 * Options of the terminating server TLS modes.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings
 */
export interface ServerTlsOptions {
  /**
   * Minimum TLS version.
   * @default TlsProtocolVersion.TLSV1_2
   */
  readonly minProtocolVersion?: TlsProtocolVersion;
  /**
   * Maximum TLS version.
   * @default TlsProtocolVersion.TLSV1_3
   */
  readonly maxProtocolVersion?: TlsProtocolVersion;
  /**
   * Allowed cipher suites.
   * @default - Envoy's default cipher suites
   */
  readonly cipherSuites?: string[];
  /**
   * Alternate names accepted in client certificates (mutual modes).
   * @default - any client certificate signed by the CA
   */
  readonly subjectAltNames?: string[];
}

/**
 * Certificate files mounted in the gateway proxy.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings
 */
export interface ServerCertificateFiles {
  /** Path of the server certificate (PEM). */
  readonly serverCertificate: string;
  /** Path of the server private key (PEM). */
  readonly privateKey: string;
  /**
   * Path of the CA bundle that verifies client certificates (required for mutual TLS).
   * @default - no client verification
   */
  readonly caCertificates?: string;
}

interface ServerTlsSettings extends ServerTlsOptions {
  readonly mode: ServerTlsMode;
  readonly credentialName?: string;
  readonly serverCertificate?: string;
  readonly privateKey?: string;
  readonly caCertificates?: string;
}

const TLS_VERSION_ORDER = [TlsProtocolVersion.TLSV1_0, TlsProtocolVersion.TLSV1_1, TlsProtocolVersion.TLSV1_2, TlsProtocolVersion.TLSV1_3];

/**
 * TLS settings of a gateway server.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings
 */
export class ServerTls {
  /**
   * Terminate TLS with the certificate in a Kubernetes Secret (`tls.crt`/`tls.key`) in the gateway's namespace.
   *
   * @example
   * ServerTls.simple('bookinfo-credential')
   */
  public static simple(credentialName: string, options: ServerTlsOptions = {}): ServerTls {
    return new ServerTls({ ...copyOptions(options), mode: ServerTlsMode.SIMPLE, credentialName });
  }

  /**
   * Terminate TLS with certificate files mounted in the gateway proxy.
   *
   * @example
   * ServerTls.simpleFromFiles({ serverCertificate: '/etc/istio/certs/tls.crt', privateKey: '/etc/istio/certs/tls.key' })
   */
  public static simpleFromFiles(files: ServerCertificateFiles, options: ServerTlsOptions = {}): ServerTls {
    return new ServerTls({ ...copyOptions(options), mode: ServerTlsMode.SIMPLE, ...files });
  }

  /**
   * Terminate TLS and require client certificates; the Secret also holds the CA (`ca.crt` or a `<name>-cacert` Secret).
   *
   * @example
   * ServerTls.mutual('httpbin-credential')
   */
  public static mutual(credentialName: string, options: ServerTlsOptions = {}): ServerTls {
    return new ServerTls({ ...copyOptions(options), mode: ServerTlsMode.MUTUAL, credentialName });
  }

  /**
   * Terminate TLS and require client certificates, with files mounted in the gateway proxy (`caCertificates` required).
   *
   * @example
   * ServerTls.mutualFromFiles({ serverCertificate: '/certs/tls.crt', privateKey: '/certs/tls.key', caCertificates: '/certs/ca.crt' })
   */
  public static mutualFromFiles(files: ServerCertificateFiles, options: ServerTlsOptions = {}): ServerTls {
    return new ServerTls({ ...copyOptions(options), mode: ServerTlsMode.MUTUAL, ...files });
  }

  /**
   * Mutual TLS with Istio's workload certificates (no credentials).
   *
   * @example
   * ServerTls.istioMutual()
   */
  public static istioMutual(): ServerTls {
    return new ServerTls({ mode: ServerTlsMode.ISTIO_MUTUAL });
  }

  /**
   * Forward TLS connections unterminated, routed by SNI (no credentials).
   *
   * @example
   * ServerTls.passthrough()
   */
  public static passthrough(): ServerTls {
    return new ServerTls({ mode: ServerTlsMode.PASSTHROUGH });
  }

  /**
   * Forward TLS connections by Istio's SNI without VirtualServices (east-west gateways).
   *
   * @example
   * ServerTls.autoPassthrough()
   */
  public static autoPassthrough(): ServerTls {
    return new ServerTls({ mode: ServerTlsMode.AUTO_PASSTHROUGH });
  }

  private constructor(private readonly settings: ServerTlsSettings) {}

  /** The TLS mode. */
  public get mode(): ServerTlsMode {
    return this.settings.mode;
  }

  /**
   * Records the problems of these settings; fields are relative to `tls`.
   * @internal
   */
  public _validate(problems: ProblemCollector): void {
    const s = this.settings;
    const mutual = s.mode === ServerTlsMode.MUTUAL || s.mode === ServerTlsMode.OPTIONAL_MUTUAL;
    if ((s.mode === ServerTlsMode.SIMPLE || mutual) && !isSet(s.credentialName)) {
      const required = mutual ? ['serverCertificate', 'privateKey', 'caCertificates'] : ['serverCertificate', 'privateKey'];
      const fromFiles = s.serverCertificate !== undefined || s.privateKey !== undefined || s.caCertificates !== undefined;
      const missing = required.filter((k) => !isSet((s as unknown as Record<string, string | undefined>)[k]));
      if (!fromFiles) {
        problems.add('CI0013', 'credentialName', s.credentialName ?? '', `${s.mode} tls needs a credentialName (the Secret with the server certificate), got ${formatValue(s.credentialName ?? '')}`,
          'pass the name of a TLS Secret in the gateway\'s namespace, e.g. ServerTls.simple(\'bookinfo-credential\')');
      } else if (missing.length > 0) {
        problems.add('CI0013', missing[0], undefined, `${s.mode} tls from files needs ${required.join(', ')}; missing ${missing.join(', ')}`,
          `set ${missing.join(' and ')}, or use a credentialName`);
      }
    }
    const min = s.minProtocolVersion;
    const max = s.maxProtocolVersion;
    if (min && max && TLS_VERSION_ORDER.includes(min) && TLS_VERSION_ORDER.includes(max) && TLS_VERSION_ORDER.indexOf(min) > TLS_VERSION_ORDER.indexOf(max)) {
      problems.add('CI0017', 'minProtocolVersion', min, `minProtocolVersion ${min} is above maxProtocolVersion ${max}`, 'lower minProtocolVersion or raise maxProtocolVersion');
    }
    if ((min === TlsProtocolVersion.TLSV1_0 || min === TlsProtocolVersion.TLSV1_1) && (s.cipherSuites ?? []).length === 0) {
      problems.add('CI0017', 'cipherSuites', undefined, `minProtocolVersion ${min} needs cipherSuites: the default ciphers no longer support TLS below 1.2`,
        'set cipherSuites compatible with the old TLS version, or use TLSV1_2', Severity.WARNING);
    }
  }

  /**
   * The Istio server `tls` object.
   * @internal
   */
  public _toIstio(): networking.GatewaySpecServersTls {
    const s = this.settings;
    return {
      mode: s.mode as unknown as networking.GatewaySpecServersTlsMode,
      credentialName: s.credentialName,
      serverCertificate: s.serverCertificate,
      privateKey: s.privateKey,
      caCertificates: s.caCertificates,
      subjectAltNames: copyArray(s.subjectAltNames),
      minProtocolVersion: s.minProtocolVersion as unknown as networking.GatewaySpecServersTlsMinProtocolVersion | undefined,
      maxProtocolVersion: s.maxProtocolVersion as unknown as networking.GatewaySpecServersTlsMaxProtocolVersion | undefined,
      cipherSuites: copyArray(s.cipherSuites),
    };
  }
}

function copyOptions(options: ServerTlsOptions): ServerTlsOptions {
  return { ...options, cipherSuites: copyArray(options.cipherSuites), subjectAltNames: copyArray(options.subjectAltNames) };
}

/**
 * Options common to every gateway server.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export interface GatewayServerOptions {
  /**
   * Hosts exposed by the server: DNS names (`bookinfo.example.com`, `*.example.com`, `*`),
   * optionally prefixed by the namespace whose VirtualServices may bind (`prod/*.example.com`,
   * `./host`, `*\/host`).
   */
  readonly hosts: string[];
  /**
   * Port name (unique in the gateway).
   * @default - `<protocol>-<port>`, e.g. `http-80`
   */
  readonly name?: string;
  /**
   * Name of the server itself (unique in the gateway; used in metrics and by Gateway API status).
   * @default - unnamed
   */
  readonly serverName?: string;
}

/**
 * Options of {@link GatewayServer.http} and {@link GatewayServer.httpsRedirect}.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export interface GatewayHttpServerOptions extends GatewayServerOptions {
  /**
   * The port the gateway proxy listens on. The default ingress gateway Service maps 80 to the
   * container port 8080; Istio accepts either (the Bookinfo sample uses 8080).
   * @default 80
   */
  readonly port?: number;
}

/**
 * Options of {@link GatewayServer.https}.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export interface GatewayHttpsServerOptions extends GatewayServerOptions {
  /**
   * The port the gateway proxy listens on.
   * @default 443
   */
  readonly port?: number;
  /** TLS termination settings. */
  readonly tls: ServerTls;
}

/**
 * Options of {@link GatewayServer.tlsPassthrough}.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export interface GatewayTlsPassthroughServerOptions extends GatewayServerOptions {
  /**
   * The port the gateway proxy listens on.
   * @default 443
   */
  readonly port?: number;
}

/**
 * Options of {@link GatewayServer.tcp}.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export interface GatewayTcpServerOptions extends GatewayServerOptions {
  /** The port the gateway proxy listens on. */
  readonly port: number;
}

/**
 * Properties of {@link GatewayServer.of}: any protocol and TLS combination Istio supports.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export interface GatewayServerProps extends GatewayServerOptions {
  /** The port the gateway proxy listens on. */
  readonly port: number;
  /** The protocol of the port. */
  readonly protocol: ServerProtocol;
  /**
   * TLS settings (required for HTTPS and TLS, not allowed for plain-text protocols).
   * @default - no TLS
   */
  readonly tls?: ServerTls;
  /**
   * Answer plain-HTTP requests with a 301 redirect to HTTPS (HTTP servers only).
   * @default false
   */
  readonly httpsRedirect?: boolean;
}

/**
 * A server (listener) of a Gateway: a port, its protocol, optional TLS, and the hosts it accepts.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export class GatewayServer {
  /**
   * A plain-HTTP server.
   *
   * @example
   * GatewayServer.http({ port: 8080, name: 'http', hosts: ['*'] })   // the Bookinfo gateway
   */
  public static http(options: GatewayHttpServerOptions): GatewayServer {
    return GatewayServer.of({ ...options, port: options.port ?? 80, protocol: ServerProtocol.HTTP });
  }

  /**
   * An HTTPS server terminating TLS.
   *
   * @example
   * GatewayServer.https({ hosts: ['bookinfo.example.com'], tls: ServerTls.simple('bookinfo-credential') })
   */
  public static https(options: GatewayHttpsServerOptions): GatewayServer {
    return GatewayServer.of({ ...options, port: options.port ?? 443, protocol: ServerProtocol.HTTPS });
  }

  /**
   * An HTTP server that redirects every request to HTTPS (301).
   *
   * @example
   * GatewayServer.httpsRedirect({ hosts: ['bookinfo.example.com'] })
   */
  public static httpsRedirect(options: GatewayHttpServerOptions): GatewayServer {
    return GatewayServer.of({ ...options, port: options.port ?? 80, protocol: ServerProtocol.HTTP, httpsRedirect: true });
  }

  /**
   * A TLS server that forwards connections unterminated, routed by SNI (bind TLS routes of a VirtualService to it).
   *
   * @example
   * GatewayServer.tlsPassthrough({ hosts: ['nginx.example.com'] })
   */
  public static tlsPassthrough(options: GatewayTlsPassthroughServerOptions): GatewayServer {
    return GatewayServer.of({ ...options, port: options.port ?? 443, protocol: ServerProtocol.TLS, tls: ServerTls.passthrough() });
  }

  /**
   * An opaque TCP server.
   *
   * @example
   * GatewayServer.tcp({ port: 31400, hosts: ['*'] })
   */
  public static tcp(options: GatewayTcpServerOptions): GatewayServer {
    return GatewayServer.of({ ...options, protocol: ServerProtocol.TCP });
  }

  /**
   * Any server.
   *
   * @example
   * GatewayServer.of({ port: 443, protocol: ServerProtocol.TLS, hosts: ['*.example.com'], tls: ServerTls.simple('wildcard-credential') })
   */
  public static of(props: GatewayServerProps): GatewayServer {
    return new GatewayServer({ ...props, hosts: [...props.hosts] });
  }

  private constructor(private readonly props: GatewayServerProps) {}

  /** The port number. */
  public get port(): number {
    return this.props.port;
  }

  /** The protocol. */
  public get protocol(): ServerProtocol {
    return this.props.protocol;
  }

  /** The port name (given or defaulted). */
  public get portName(): string {
    return this.props.name ?? `${String(this.props.protocol).toLowerCase()}-${this.props.port}`;
  }

  /** The server name, if any. */
  public get name(): string | undefined {
    return this.props.serverName;
  }

  /** The hosts (a copy). */
  public get hosts(): string[] {
    return [...this.props.hosts];
  }

  /** The TLS settings, if any. */
  public get tls(): ServerTls | undefined {
    return this.props.tls;
  }

  /**
   * This server as plain data.
   * @internal
   */
  public _definition(): GatewayServerDefinition {
    return {
      port: this.port,
      portName: this.portName,
      protocol: this.protocol,
      hosts: this.hosts,
      name: this.name,
      tlsMode: this.props.tls?.mode,
      httpsRedirect: this.props.httpsRedirect ?? false,
    };
  }

  /**
   * Records the problems of this server; fields are relative to `servers[i]`.
   * @internal
   */
  public _validate(problems: ProblemCollector): void {
    const p = this.props;
    if (p.hosts.length === 0) {
      problems.add('CI0015', 'hosts', [], 'server has no hosts', 'list the hosts it serves, e.g. [\'bookinfo.example.com\'] or [\'*\']');
    }
    p.hosts.forEach((host, i) => {
      const hp = gatewayHostProblem(host);
      if (hp) {
        problems.add('CI0002', `hosts[${i}]`, host, `gateway host ${formatValue(host)} ${hp}`,
          'use a fully qualified name (\'bookinfo.example.com\'), a wildcard (\'*.example.com\' or \'*\'), optionally prefixed by \'<namespace>/\'');
      }
    });
    const pp = portProblem(p.port);
    if (pp) problems.add('CI0003', 'port.number', p.port, `server port ${pp}, got ${p.port}`, 'use a port from 1 to 65535, e.g. 8080 or 443');
    if (this.portName === '') problems.add('CI0015', 'port.name', '', 'server port name is empty', 'give the port a name such as \'http\'');
    if (p.serverName !== undefined && p.serverName === '') problems.add('CI0015', 'name', '', 'server name is empty', 'remove serverName or give it a value');

    const protocols = Object.values(ServerProtocol) as string[];
    if (!protocols.includes(p.protocol)) {
      problems.add('CI0017', 'port.protocol', p.protocol, `server protocol ${formatValue(p.protocol)} is not one of ${protocols.join(', ')}`, 'use a ServerProtocol value');
      return;
    }
    const tlsProtocol = p.protocol === ServerProtocol.HTTPS || p.protocol === ServerProtocol.TLS;
    const httpLike = [ServerProtocol.HTTP, ServerProtocol.HTTP2, ServerProtocol.GRPC, ServerProtocol.GRPC_WEB].includes(p.protocol);
    if (tlsProtocol && !p.tls) {
      problems.add('CI0013', 'tls', undefined, `a ${p.protocol} server needs TLS settings`, 'pass tls: ServerTls.simple(\'<credential>\') or use GatewayServer.tlsPassthrough');
    }
    if (!tlsProtocol && p.tls) {
      problems.add('CI0013', 'tls.mode', p.tls.mode, `a ${p.protocol} server cannot have TLS settings (mode ${p.tls.mode})`,
        'use protocol HTTPS or TLS for TLS, or remove tls');
    }
    if (p.httpsRedirect && !httpLike) {
      problems.add('CI0013', 'tls.httpsRedirect', true, `httpsRedirect only applies to HTTP servers, not ${p.protocol}`, 'remove httpsRedirect', Severity.WARNING);
    }
    p.tls?._validate(problems.at('tls'));
  }

  /**
   * The Istio server object.
   * @internal
   */
  public _toIstio(): networking.GatewaySpecServers {
    const p = this.props;
    const tls = p.tls?._toIstio();
    return {
      port: { number: p.port, name: this.portName, protocol: p.protocol },
      hosts: [...p.hosts],
      name: p.serverName,
      tls: p.httpsRedirect ? { ...tls, httpsRedirect: true } : tls,
    };
  }
}

/**
 * Why Istio's webhook would reject a Gateway server host (`[namespace/]dnsName`), or `undefined`.
 */
function gatewayHostProblem(host: string): string | undefined {
  const slash = host.indexOf('/');
  let name = host;
  if (slash >= 0) {
    const ns = host.slice(0, slash);
    name = host.slice(slash + 1);
    if (ns === '' || name === '') return 'must have a namespace and a name around \'/\'';
    // '~' is only valid in Gateways generated from the Kubernetes Gateway API
    if (ns !== '*' && ns !== '.' && dns1123LabelProblem(ns)) return `has an invalid namespace part ${formatValue(ns)}: use '*', '.' or a namespace name`;
  }
  if (name === '*') return undefined;
  if (isIP(name) !== 0) return undefined;
  if (!name.includes('.')) return 'is a short name; gateways need a fully qualified name (or \'*\')';
  if (name.includes('*') && !name.startsWith('*.')) return 'has a partial wildcard; only \'*\' or a leading \'*.\' is allowed';
  return hostProblem(name, { allowBareWildcard: true });
}
