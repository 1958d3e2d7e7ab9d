import { Duration } from 'cdk8s';
import { formatValue, ProblemCollector } from '../../analysis/finding';
import { durationProblem, renderDuration } from '../private/duration';

/**
 * A condition under which Envoy retries a request (`x-envoy-retry-on` and
 * `x-envoy-retry-grpc-on` policies). HTTP status numbers can be listed next to these.
 *
 * @see https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/router_filter#x-envoy-retry-on
 */
export enum RetryOn {
  /** Any 5xx response, or a connection failure, reset or timeout. */
  FIVE_XX = '5xx',
  /** A 502, 503 or 504 response. */
  GATEWAY_ERROR = 'gateway-error',
  /** No response at all (disconnect, reset, read timeout). */
  RESET = 'reset',
  /** A reset before the request was sent upstream (safe for non-idempotent requests). */
  RESET_BEFORE_REQUEST = 'reset-before-request',
  /** A failed connection to the upstream. */
  CONNECT_FAILURE = 'connect-failure',
  /** The upstream answered with `x-envoy-ratelimited`. */
  ENVOY_RATELIMITED = 'envoy-ratelimited',
  /** A retriable 4xx response (currently 409). */
  RETRIABLE_4XX = 'retriable-4xx',
  /** The upstream reset the stream with REFUSED_STREAM. */
  REFUSED_STREAM = 'refused-stream',
  /** A response whose status is one of the HTTP statuses listed next to this condition. */
  RETRIABLE_STATUS_CODES = 'retriable-status-codes',
  /** A response with a header matching the retriable headers of the route. */
  RETRIABLE_HEADERS = 'retriable-headers',
  /** A post-connect failure of an HTTP/3 upstream (retried over TCP). */
  HTTP3_POST_CONNECT_FAILURE = 'http3-post-connect-failure',
  /** gRPC status CANCELLED. */
  CANCELLED = 'cancelled',
  /** gRPC status DEADLINE_EXCEEDED. */
  DEADLINE_EXCEEDED = 'deadline-exceeded',
  /** gRPC status INTERNAL. */
  INTERNAL = 'internal',
  /** gRPC status RESOURCE_EXHAUSTED. */
  RESOURCE_EXHAUSTED = 'resource-exhausted',
  /** gRPC status UNAVAILABLE. */
  UNAVAILABLE = 'unavailable',
}

/**
 * The HTTP statuses Istio's webhook accepts in retryOn: those with a standard status text (Go's
 * net/http.StatusText, which validateHTTPRetry consults).
 */
const HTTP_STATUSES: ReadonlySet<number> = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424,
  425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

const RETRY_ON_VALUES: ReadonlySet<string> = new Set(Object.values(RetryOn));

/**
 * How failed HTTP requests are retried.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRetry
 */
export interface HttpRetryPolicy {
  /**
   * How many times a request is retried. `0` disables retries (then set nothing else).
   */
  readonly attempts: number;

  /**
   * Timeout of each attempt, including the first one (at least 1ms).
   *
   * @default - the route timeout
   */
  readonly perTryTimeout?: Duration;

  /**
   * The conditions that trigger a retry: {@link RetryOn} values and HTTP status numbers (the
   * numbers apply with `RetryOn.RETRIABLE_STATUS_CODES`).
   *
   * @default - Istio's default, `connect-failure,refused-stream,unavailable,cancelled,503`
   */
  readonly retryOn?: Array<RetryOn | number>;

  /**
   * Whether retries may go to endpoints in other localities.
   *
   * @default - Istio's default (false)
   */
  readonly retryRemoteLocalities?: boolean;

  /**
   * Whether retries avoid the hosts already tried.
   *
   * @default - Istio's default
   */
  readonly retryIgnorePreviousHosts?: boolean;

  /**
   * The minimum wait between retries (at least 1ms).
   *
   * @default - Envoy's default, 25ms
   */
  readonly backoff?: Duration;
}

/**
 * The Istio form of a retry policy.
 * @internal
 */
export function _renderRetryPolicy(r: HttpRetryPolicy): any {
  return {
    attempts: r.attempts,
    ...(r.perTryTimeout ? { perTryTimeout: renderDuration(r.perTryTimeout) } : {}),
    ...(r.retryOn && r.retryOn.length > 0 ? { retryOn: r.retryOn.map(String).join(',') } : {}),
    ...(r.retryRemoteLocalities !== undefined ? { retryRemoteLocalities: r.retryRemoteLocalities } : {}),
    ...(r.retryIgnorePreviousHosts !== undefined ? { retryIgnorePreviousHosts: r.retryIgnorePreviousHosts } : {}),
    ...(r.backoff ? { backoff: renderDuration(r.backoff) } : {}),
  };
}

/**
 * Records the problems of a retry policy (relative to the `retries` field).
 * @internal
 */
export function _validateRetryPolicy(r: HttpRetryPolicy, problems: ProblemCollector): void {
  if (!Number.isInteger(r.attempts) || r.attempts < 0) {
    problems.add('CI0017', 'attempts', r.attempts, `retry attempts ${formatValue(r.attempts)} must be a non-negative integer`, 'use a whole number such as 3, or 0 to disable retries');
  } else if (r.attempts === 0 && (r.perTryTimeout || (r.retryOn && r.retryOn.length > 0) || r.retryRemoteLocalities !== undefined)) {
    problems.add('CI0017', 'attempts', 0, 'retry options are set while attempts is 0 (retries disabled)', 'set attempts to 1 or more, or remove perTryTimeout, retryOn and retryRemoteLocalities');
  }
  for (const [field, d] of [['perTryTimeout', r.perTryTimeout], ['backoff', r.backoff]] as const) {
    if (!d) continue;
    const p = durationProblem(d);
    if (p) problems.add('CI0004', field, `${d.toMilliseconds({ integral: false })}ms`, `${field} ${p}`, 'use Duration.millis(1) or more');
  }
  (r.retryOn ?? []).forEach((cond, i) => {
    if (typeof cond === 'number') {
      if (!Number.isInteger(cond) || !HTTP_STATUSES.has(cond)) {
        problems.add('CI0007', `retryOn[${i}]`, cond, `retryOn status ${formatValue(cond)} is not a standard HTTP status`, 'list standard HTTP statuses, e.g. 502, 503 or 504');
      }
    } else if (!RETRY_ON_VALUES.has(cond)) {
      problems.add('CI0007', `retryOn[${i}]`, cond, `retryOn condition ${formatValue(cond)} is not one Envoy knows`,
        `use a RetryOn value (${[...RETRY_ON_VALUES].join(', ')}) or an HTTP status number`);
    }
  });
}
