import { Duration } from 'cdk8s';
import { renderDuration } from '../private/duration';
import { renderList, renderValue } from '../private/render';
import { StringMatch } from './string-match';

/**
 * What happens to preflight requests whose origin is not allowed.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#CorsPolicy-UnmatchedPreflights
 */
export enum UnmatchedPreflights {
  /** Forward them to the upstream. */
  FORWARD = 'FORWARD',
  /** Answer them at the proxy without CORS headers (not forwarded). */
  IGNORE = 'IGNORE',
}

/**
 * A Cross-Origin Resource Sharing policy.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#CorsPolicy
 */
export interface CorsPolicy {
  /**
   * The origins allowed to make requests (exact, prefix or RE2 regex).
   *
   * @default - no origin is allowed (CORS is effectively off)
   */
  readonly allowOrigins?: StringMatch[];

  /**
   * The HTTP methods allowed (`GET`, `POST`, ..., or `*`). Rendered in `Access-Control-Allow-Methods`.
   *
   * @default - none listed
   */
  readonly allowMethods?: string[];

  /**
   * The request headers allowed. Rendered in `Access-Control-Allow-Headers`.
   *
   * @default - none listed
   */
  readonly allowHeaders?: string[];

  /**
   * The response headers browsers may read. Rendered in `Access-Control-Expose-Headers`.
   *
   * @default - none listed
   */
  readonly exposeHeaders?: string[];

  /**
   * How long browsers may cache a preflight result (whole seconds).
   *
   * @default - not rendered; browsers use their default
   */
  readonly maxAge?: Duration;

  /**
   * Whether requests may carry credentials. Rendered in `Access-Control-Allow-Credentials`.
   *
   * @default - not rendered (no credentials)
   */
  readonly allowCredentials?: boolean;

  /**
   * What happens to preflight requests whose origin is not allowed.
   *
   * @default - Istio's default (forward)
   */
  readonly unmatchedPreflights?: UnmatchedPreflights;
}

/**
 * The Istio form of a CORS policy.
 * @internal
 */
export function _renderCorsPolicy(c: CorsPolicy): any {
  return {
    ...(c.allowOrigins ? { allowOrigins: renderList(c.allowOrigins, (o) => renderValue(o)) } : {}),
    ...(c.allowMethods ? { allowMethods: renderList(c.allowMethods, (m) => m) } : {}),
    ...(c.allowHeaders ? { allowHeaders: renderList(c.allowHeaders, (h) => h) } : {}),
    ...(c.exposeHeaders ? { exposeHeaders: renderList(c.exposeHeaders, (h) => h) } : {}),
    ...(c.maxAge ? { maxAge: renderDuration(c.maxAge) } : {}),
    ...(c.allowCredentials !== undefined ? { allowCredentials: c.allowCredentials } : {}),
    ...(c.unmatchedPreflights ? { unmatchedPreflights: c.unmatchedPreflights } : {}),
  };
}
