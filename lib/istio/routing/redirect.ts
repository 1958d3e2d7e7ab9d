import { formatValue, ProblemCollector } from '../../analysis/finding';
import { intRangeProblem, portProblem } from '../../analysis/values/validate';

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

/**
 * Records the problems of a redirect (relative to the `redirect` field).
 * @internal
 */
export function _validateRedirect(r: HttpRedirect, problems: ProblemCollector): void {
  if (!r.uri && !r.authority && r.port === undefined && r.derivePort === undefined && !r.scheme) {
    problems.add('CI0015', '', r, 'redirect changes nothing: it has no uri, authority, scheme, port or derivePort', 'give at least one, e.g. { uri: \'/login\' }');
  }
  if (r.redirectCode !== undefined && intRangeProblem(r.redirectCode, 300, 399)) {
    problems.add('CI0006', 'redirectCode', r.redirectCode, `redirectCode ${formatValue(r.redirectCode)} is not a 3xx status`, 'use a status from 300 to 399, e.g. 301 or 308');
  }
  if (r.scheme !== undefined && r.scheme !== 'http' && r.scheme !== 'https') {
    problems.add('CI0017', 'scheme', r.scheme, `redirect scheme ${formatValue(r.scheme)} is not 'http' or 'https'`, 'use \'http\' or \'https\'');
  }
  if (r.port !== undefined) {
    const p = portProblem(r.port);
    if (p) problems.add('CI0003', 'port', r.port, `redirect port ${formatValue(r.port)} ${p}`, 'use a port from 1 to 65535');
    if (r.derivePort !== undefined) {
      problems.add('CI0017', 'derivePort', r.derivePort, 'redirect has both port and derivePort', 'keep only one of them');
    }
  }
  if (r.derivePort !== undefined && !Object.values(RedirectPort).includes(r.derivePort)) {
    problems.add('CI0017', 'derivePort', r.derivePort, `derivePort ${formatValue(r.derivePort)} is not a RedirectPort value`, 'use RedirectPort.FROM_PROTOCOL_DEFAULT or RedirectPort.FROM_REQUEST_PORT');
  }
}
