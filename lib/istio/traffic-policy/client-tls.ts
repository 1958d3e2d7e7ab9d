import { networking } from '../private/l1';
import { copyArray } from './checks';

/**
 * How a client proxy secures connections to the destination.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings-TLSmode
 */
export enum ClientTlsMode {
  /** Plain text. */
  DISABLE = 'DISABLE',
  /** TLS to the upstream, verifying its certificate. */
  SIMPLE = 'SIMPLE',
  /** Mutual TLS with a client certificate you provide. */
  MUTUAL = 'MUTUAL',
  /** Mutual TLS with Istio's workload certificates. */
  ISTIO_MUTUAL = 'ISTIO_MUTUAL',
}

/**
 * Options shared by the TLS modes that verify the server.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings
 */
export interface ClientTlsVerifyOptions {
  /**
   * SNI to present to the server.
   * @default - derived from the request's host (SIMPLE, MUTUAL) or Istio's internal SNI (ISTIO_MUTUAL)
   */
  readonly sni?: string;
  /**
   * Alternate names accepted in the server's certificate.
   * @default - the server certificate's names are not checked against a list
   */
  readonly subjectAltNames?: string[];
}

/**
 * Options of {@link ClientTls.simple}.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings
 */
export interface SimpleClientTlsOptions extends ClientTlsVerifyOptions {
  /**
   * Name of a Secret in the proxy's namespace holding the CA certificates, or a ConfigMap in the
   * rule's namespace as `configmap://<namespace>/<name>`.
   * @default - the system CA bundle (or `caCertificates`)
   */
  readonly credentialName?: string;
  /**
   * Path of a CA bundle file on the proxy.
   * @default - the system CA bundle (or `credentialName`)
   */
  readonly caCertificates?: string;
  /**
   * Skip verification of the server's certificate and SAN (not with `caCertificates`, `credentialName` or `subjectAltNames`).
   * @default false
   */
  readonly insecureSkipVerify?: boolean;
}

/**
 * Options of {@link ClientTls.mutual}: either `credentialName`, or `clientCertificate` and `privateKey`
 * (and optionally `caCertificates`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings
 */
export interface MutualClientTlsOptions extends ClientTlsVerifyOptions {
  /**
   * Name of a Secret holding the client certificate, key and CA certificates (gateways and sidecars with SDS).
   * @default - the certificate files below are used
   */
  readonly credentialName?: string;
  /**
   * Path of the client certificate file on the proxy.
   * @default - required unless `credentialName` is set
   */
  readonly clientCertificate?: string;
  /**
   * Path of the client private key file on the proxy.
   * @default - required unless `credentialName` is set
   */
  readonly privateKey?: string;
  /**
   * Path of the CA bundle used to verify the server.
   * @default - the system CA bundle
   */
  readonly caCertificates?: string;
  /**
   * Skip verification of the server's certificate and SAN (not with `caCertificates` or `subjectAltNames`).
   * @default false
   */
  readonly insecureSkipVerify?: boolean;
}

interface ClientTlsSettings extends SimpleClientTlsOptions, MutualClientTlsOptions {
  readonly mode: ClientTlsMode;
}

/**
 * TLS settings for connections from a client proxy to the destination.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ClientTLSSettings
 */
export class ClientTls {
  /**
   * Plain-text connections (for example to a service without a sidecar when mTLS is the default).
   *
   * @example
   * ClientTls.disable()
   */
  public static disable(): ClientTls {
    return new ClientTls({ mode: ClientTlsMode.DISABLE });
  }

  /**
   * Mutual TLS with Istio's own workload certificates (the mesh default with auto mTLS).
   *
   * @example
   * ClientTls.istioMutual()
   */
  public static istioMutual(options: ClientTlsVerifyOptions = {}): ClientTls {
    return new ClientTls({ mode: ClientTlsMode.ISTIO_MUTUAL, sni: options?.sni, subjectAltNames: copyArray(options?.subjectAltNames) });
  }

  /**
   * TLS origination to a server, verifying its certificate.
   *
   * @example
   * ClientTls.simple({ sni: 'api.example.com' })
   */
  public static simple(options: SimpleClientTlsOptions = {}): ClientTls {
    options = options ?? {};
    return new ClientTls({
      mode: ClientTlsMode.SIMPLE,
      sni: options.sni,
      subjectAltNames: copyArray(options.subjectAltNames),
      credentialName: options.credentialName,
      caCertificates: options.caCertificates,
      insecureSkipVerify: options.insecureSkipVerify,
    });
  }

  /**
   * Mutual TLS with a client certificate: from a Secret (`credentialName`) or from files.
   *
   * @example
   * ClientTls.mutual({ credentialName: 'client-credential' })
   * ClientTls.mutual({ clientCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem', caCertificates: '/etc/certs/ca.pem' })
   */
  public static mutual(options: MutualClientTlsOptions): ClientTls {
    options = options ?? {};
    return new ClientTls({
      mode: ClientTlsMode.MUTUAL,
      sni: options.sni,
      subjectAltNames: copyArray(options.subjectAltNames),
      credentialName: options.credentialName,
      clientCertificate: options.clientCertificate,
      privateKey: options.privateKey,
      caCertificates: options.caCertificates,
      insecureSkipVerify: options.insecureSkipVerify,
    });
  }

  private constructor(private readonly settings: ClientTlsSettings) {}

  /** The TLS mode. */
  public get mode(): ClientTlsMode {
    return this.settings.mode;
  }

  /**
   * The Istio `tls` object.
   * @internal
   */
  public _toIstio(): networking.DestinationRuleSpecTrafficPolicyTls {
    const s = this.settings;
    return {
      mode: s.mode as unknown as networking.DestinationRuleSpecTrafficPolicyTlsMode,
      credentialName: s.credentialName,
      clientCertificate: s.clientCertificate,
      privateKey: s.privateKey,
      caCertificates: s.caCertificates,
      sni: s.sni,
      subjectAltNames: copyArray(s.subjectAltNames),
      insecureSkipVerify: s.insecureSkipVerify,
    };
  }
}
