import { Duration } from 'cdk8s';
import { renderDuration } from '../private/duration';

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
    // a plain-JavaScript caller may pass the Istio string ('5xx,reset'): it renders as given
    ...(r.retryOn !== undefined && r.retryOn.length > 0 ? { retryOn: Array.isArray(r.retryOn) ? r.retryOn.map(String).join(',') : r.retryOn } : {}),
    ...(r.retryRemoteLocalities !== undefined ? { retryRemoteLocalities: r.retryRemoteLocalities } : {}),
    ...(r.retryIgnorePreviousHosts !== undefined ? { retryIgnorePreviousHosts: r.retryIgnorePreviousHosts } : {}),
    ...(r.backoff ? { backoff: renderDuration(r.backoff) } : {}),
  };
}
