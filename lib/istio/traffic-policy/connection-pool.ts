import { Duration } from 'cdk8s';
import { networking } from '../private/l1';
import { optionalDuration } from './checks';

/**
 * Whether HTTP/1.1 connections to the destination are upgraded to HTTP/2.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings-HTTPSettings-H2UpgradePolicy
 */
export enum H2UpgradePolicy {
  /** Use the mesh-wide default. */
  DEFAULT = 'DEFAULT',
  /** Do not upgrade. */
  DO_NOT_UPGRADE = 'DO_NOT_UPGRADE',
  /** Upgrade to HTTP/2. */
  UPGRADE = 'UPGRADE',
}

/**
 * TCP keepalive probing of upstream connections (`SO_KEEPALIVE`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings-TCPSettings-TcpKeepalive
 */
export interface TcpKeepalive {
  /**
   * Probes sent without response before the connection is considered dead.
   * @default - the operating system's setting (9 on Linux)
   */
  readonly probes?: number;
  /**
   * How long a connection is idle before probes start.
   * @default - the operating system's setting (2 hours on Linux)
   */
  readonly time?: Duration;
  /**
   * Time between probes.
   * @default - the operating system's setting (75s on Linux)
   */
  readonly interval?: Duration;
}

/**
 * Settings common to HTTP and TCP upstream connections.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings-TCPSettings
 */
export interface TcpConnectionPool {
  /**
   * Maximum number of HTTP/1 or TCP connections to a destination host.
   * @default 4294967295 (unlimited)
   */
  readonly maxConnections?: number;
  /**
   * TCP connection timeout.
   * @default Duration.seconds(10)
   */
  readonly connectTimeout?: Duration;
  /**
   * TCP keepalive on upstream sockets.
   * @default - no keepalive
   */
  readonly tcpKeepalive?: TcpKeepalive;
  /**
   * Maximum lifetime of a connection.
   * @default - no limit
   */
  readonly maxConnectionDuration?: Duration;
  /**
   * Idle timeout of TCP connections (applies to HTTP connections too).
   * @default Duration.hours(1)
   */
  readonly idleTimeout?: Duration;
}

/**
 * Settings of HTTP/1.1, HTTP/2 and gRPC upstream connections.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings-HTTPSettings
 */
export interface HttpConnectionPool {
  /**
   * Maximum number of requests queued while waiting for a connection (also applies to HTTP/2).
   * @default 4294967295 (unlimited)
   */
  readonly http1MaxPendingRequests?: number;
  /**
   * Maximum number of active requests to the destination.
   * @default 4294967295 (unlimited)
   */
  readonly http2MaxRequests?: number;
  /**
   * Maximum requests per connection; 1 disables keep-alive.
   * @default 0 (unlimited)
   */
  readonly maxRequestsPerConnection?: number;
  /**
   * Maximum number of outstanding retries to all hosts at a time.
   * @default 4294967295 (unlimited)
   */
  readonly maxRetries?: number;
  /**
   * Idle timeout of upstream connection-pool connections.
   * @default Duration.hours(1)
   */
  readonly idleTimeout?: Duration;
  /**
   * Whether HTTP/1.1 connections are upgraded to HTTP/2.
   * @default H2UpgradePolicy.DEFAULT
   */
  readonly h2UpgradePolicy?: H2UpgradePolicy;
  /**
   * Keep the client's protocol when connecting upstream (cannot be combined with `UPGRADE`).
   * @default false
   */
  readonly useClientProtocol?: boolean;
  /**
   * Maximum number of concurrent streams per HTTP/2 connection.
   * @default 2147483647
   */
  readonly maxConcurrentStreams?: number;
}

/**
 * Options of {@link ConnectionPool.of}: at least one of `tcp` and `http`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings
 */
export interface ConnectionPoolOptions {
  /**
   * TCP-level limits.
   * @default - Istio's TCP defaults
   */
  readonly tcp?: TcpConnectionPool;
  /**
   * HTTP-level limits.
   * @default - Istio's HTTP defaults
   */
  readonly http?: HttpConnectionPool;
}

/**
 * Connection-pool limits to an upstream host: the circuit breaker of Istio.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#ConnectionPoolSettings
 */
export class ConnectionPool {
  /**
   * Connection-pool limits.
   *
   * @example
   * // the circuit-breaking task: one connection, one pending request
   * ConnectionPool.of({ tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1, maxRequestsPerConnection: 1 } })
   */
  public static of(options: ConnectionPoolOptions): ConnectionPool {
    const given = options ?? {};
    return new ConnectionPool({
      tcp: given.tcp ? { ...given.tcp } : undefined,
      http: given.http ? { ...given.http } : undefined,
    });
  }

  private constructor(private readonly options: ConnectionPoolOptions) {}

  /** The TCP settings (a copy). */
  public get tcp(): TcpConnectionPool | undefined {
    return this.options.tcp ? { ...this.options.tcp } : undefined;
  }

  /** The HTTP settings (a copy). */
  public get http(): HttpConnectionPool | undefined {
    return this.options.http ? { ...this.options.http } : undefined;
  }

  /**
   * The Istio `connectionPool` object.
   * @internal
   */
  public _toIstio(): networking.DestinationRuleSpecTrafficPolicyConnectionPool {
    const { tcp, http } = this.options;
    return {
      tcp: tcp ? {
        maxConnections: tcp.maxConnections,
        connectTimeout: optionalDuration(tcp.connectTimeout),
        tcpKeepalive: tcp.tcpKeepalive !== null && typeof tcp.tcpKeepalive === 'object' ? {
          probes: tcp.tcpKeepalive.probes,
          time: optionalDuration(tcp.tcpKeepalive.time),
          interval: optionalDuration(tcp.tcpKeepalive.interval),
        } : undefined,
        maxConnectionDuration: optionalDuration(tcp.maxConnectionDuration),
        idleTimeout: optionalDuration(tcp.idleTimeout),
      } : undefined,
      http: http ? {
        http1MaxPendingRequests: http.http1MaxPendingRequests,
        http2MaxRequests: http.http2MaxRequests,
        maxRequestsPerConnection: http.maxRequestsPerConnection,
        maxRetries: http.maxRetries,
        idleTimeout: optionalDuration(http.idleTimeout),
        h2UpgradePolicy: http.h2UpgradePolicy as unknown as networking.DestinationRuleSpecTrafficPolicyConnectionPoolHttpH2UpgradePolicy | undefined,
        useClientProtocol: http.useClientProtocol,
        maxConcurrentStreams: http.maxConcurrentStreams,
      } : undefined,
    };
  }
}
