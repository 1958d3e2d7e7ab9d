import { Duration } from 'cdk8s';
import { formatValue, ProblemCollector } from '../../analysis/finding';
import { durationProblem, renderDuration } from '../private/duration';
import { headerNameProblem } from '../../analysis/values/validate';
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

const CORS_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*']);

/**
 * The Istio form of a CORS policy.
 * @internal
 */
export function _renderCorsPolicy(c: CorsPolicy): any {
  return {
    ...(c.allowOrigins ? { allowOrigins: c.allowOrigins.map((o) => o._toIstio()) } : {}),
    ...(c.allowMethods ? { allowMethods: [...c.allowMethods] } : {}),
    ...(c.allowHeaders ? { allowHeaders: [...c.allowHeaders] } : {}),
    ...(c.exposeHeaders ? { exposeHeaders: [...c.exposeHeaders] } : {}),
    ...(c.maxAge ? { maxAge: renderDuration(c.maxAge) } : {}),
    ...(c.allowCredentials !== undefined ? { allowCredentials: c.allowCredentials } : {}),
    ...(c.unmatchedPreflights ? { unmatchedPreflights: c.unmatchedPreflights } : {}),
  };
}

/**
 * Records the problems of a CORS policy (relative to the `corsPolicy` field).
 * @internal
 */
export function _validateCorsPolicy(c: CorsPolicy, problems: ProblemCollector): void {
  (c.allowOrigins ?? []).forEach((o, i) => {
    const at = problems.at(`allowOrigins[${i}]`);
    if (o.value === '') {
      at.add('CI0017', o.kind, '', 'an allowed origin is empty', 'give an origin such as StringMatch.exact(\'https://example.com\')');
    } else {
      o._validate(at);
    }
  });
  (c.allowMethods ?? []).forEach((m, i) => {
    if (!CORS_METHODS.has(m)) {
      problems.add('CI0017', `allowMethods[${i}]`, m, `allowMethods entry ${formatValue(m)} is not a supported HTTP method`, `use one of ${[...CORS_METHODS].join(', ')} (uppercase)`);
    }
  });
  for (const field of ['allowHeaders', 'exposeHeaders'] as const) {
    (c[field] ?? []).forEach((h, i) => {
      if (h === '*') return;
      const p = typeof h === 'string' ? headerNameProblem(h.toLowerCase()) : 'must be a string';
      if (p) problems.add('CI0009', `${field}[${i}]`, h, `${field} entry ${formatValue(h)} ${p}`, 'use a header name such as \'content-type\', or \'*\'');
    });
  }
  if (c.maxAge) {
    const ms = c.maxAge.toMilliseconds({ integral: false });
    const p = durationProblem(c.maxAge) ?? (ms % 1000 !== 0 ? `must be whole seconds, got ${ms}ms` : undefined);
    if (p) problems.add('CI0004', 'maxAge', `${ms}ms`, `cors maxAge ${p}`, 'use Duration.seconds(n) or more');
  }
  if (c.unmatchedPreflights !== undefined && !Object.values(UnmatchedPreflights).includes(c.unmatchedPreflights)) {
    problems.add('CI0017', 'unmatchedPreflights', c.unmatchedPreflights, `unmatchedPreflights ${formatValue(c.unmatchedPreflights)} is not FORWARD or IGNORE`, 'use UnmatchedPreflights.FORWARD or UnmatchedPreflights.IGNORE');
  }
}
