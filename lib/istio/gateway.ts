import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { IstioResource, IstioResourceProps } from './base';
import { networking } from './private/l1';
import { copyArray } from './traffic-policy/checks';

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
    return this._servers.filter((s) => s instanceof GatewayServer).map((s) => s._definition());
  }

  /**
   * The `spec` of the Gateway.
   * @internal
   */
  public _toSpec(): networking.GatewaySpec {
    return {
      selector: { ...this._selector },
      // anything but a GatewayServer (a plain-JavaScript caller's undefined) renders as an empty entry, which the checks report
      servers: this._servers.map((s) => (s instanceof GatewayServer ? s._toIstio() : null as any)),
    };
  }

  // every rule of Istio's webhook is a check over the rendered manifest (lib/analysis/checks/object/gateway)
  protected validateSpec(): void {}
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
    return new GatewayServer({ ...props, hosts: [...(props.hosts ?? [])] });
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
