/**
 * How the port of a redirect is derived from the request.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRedirect-RedirectPortSelection
 */
export enum RedirectPort {
  /** 80 for http and 443 for https. */
  FROM_PROTOCOL_DEFAULT = 'FROM_PROTOCOL_DEFAULT',
  /** The port the request came in on. */
  FROM_REQUEST_PORT = 'FROM_REQUEST_PORT',
}

/**
 * A redirect answered by the proxy instead of forwarding. Give at least one of `uri`,
 * `authority`, `scheme`, `port` or `derivePort`; the rest of the URL is kept.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRedirect
 */
export interface HttpRedirect {
  /**
   * Replaces the path of the URL.
   *
   * @default - the path is kept
   */
  readonly uri?: string;

  /**
   * Replaces the authority (host) of the URL.
   *
   * @default - the authority is kept
   */
  readonly authority?: string;

  /**
   * Replaces the port of the URL (1-65535). Not together with `derivePort`.
   *
   * @default - the port is kept
   */
  readonly port?: number;

  /**
   * Derives the port from the request. Not together with `port`.
   *
   * @default - the port is kept
   */
  readonly derivePort?: RedirectPort;

  /**
   * Replaces the scheme: `http` or `https`.
   *
   * @default - the scheme is kept
   */
  readonly scheme?: string;

  /**
   * The redirect status, 300-399.
   *
   * @default 301
   */
  readonly redirectCode?: number;
}

/**
 * The Istio form of a redirect.
 * @internal
 */
export function _renderRedirect(r: HttpRedirect): any {
  const out: any = {};
  for (const key of ['uri', 'authority', 'port', 'derivePort', 'scheme', 'redirectCode'] as const) {
    if (r[key] !== undefined) out[key] = r[key];
  }
  return out;
}
