import { Duration } from 'cdk8s';
import { networking } from '../private/l1';
import { copyArray, optionalDuration } from './checks';

/**
 * A simple load-balancing algorithm.
 *
 * `LEAST_CONN` is left out: Istio deprecated it in favour of `LEAST_REQUEST`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#LoadBalancerSettings-SimpleLB
 */
export enum LoadBalancerAlgorithm {
  /** Round robin over the healthy endpoints. */
  ROUND_ROBIN = 'ROUND_ROBIN',
  /** Send each request to the host with fewer active requests out of two random picks (Istio's default). */
  LEAST_REQUEST = 'LEAST_REQUEST',
  /** A random healthy endpoint. */
  RANDOM = 'RANDOM',
  /** Forward to the original destination address the caller asked for, without load balancing. */
  PASSTHROUGH = 'PASSTHROUGH',
}

/**
 * An HTTP cookie to hash on; Envoy generates it when the request lacks it and `ttl` is set.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#LoadBalancerSettings-ConsistentHashLB-HTTPCookie
 */
export interface HttpCookieHashKey {
  /** Name of the cookie. */
  readonly name: string;
  /**
   * Path to set for the cookie.
   * @default - no path
   */
  readonly path?: string;
  /**
   * Lifetime of the cookie; when set, Envoy creates the cookie if the request does not carry it.
   * @default - a session cookie is expected from the client; none is generated
   */
  readonly ttl?: Duration;
}

/**
 * Options of consistent-hash (sticky session) load balancing. Set exactly one hash key:
 * `httpHeaderName`, `httpCookie`, `useSourceIp` or `httpQueryParameterName`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#LoadBalancerSettings-ConsistentHashLB
 */
export interface ConsistentHashOptions extends LoadBalancerOptions {
  /**
   * Hash on the value of this request header (any case: Envoy matches header names case-insensitively).
   * @default - not this key
   */
  readonly httpHeaderName?: string;
  /**
   * Hash on this HTTP cookie.
   * @default - not this key
   */
  readonly httpCookie?: HttpCookieHashKey;
  /**
   * Hash on the caller's source IP address.
   * @default false
   */
  readonly useSourceIp?: boolean;
  /**
   * Hash on the value of this query parameter.
   * @default - not this key
   */
  readonly httpQueryParameterName?: string;
  /**
   * Minimum number of virtual nodes of the hash ring; rendered as `ringHash.minimumRingSize`
   * (the top-level `minimumRingSize` is deprecated).
   * @default - Envoy's default ring size (1024)
   */
  readonly minimumRingSize?: number;
  /**
   * Use Maglev hashing with this lookup table size (a prime number below 5000011) instead of a ring hash.
   * @default - ring hash
   */
  readonly maglevTableSize?: number;
}

/**
 * Traffic distribution from one locality to others (`region/zone/subzone`, `*` allowed at the end).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#LocalityLoadBalancerSetting-Distribute
 */
export interface LocalityDistribution {
  /** The originating locality, e.g. `us-west/zone1/*`. */
  readonly from: string;
  /** Upstream localities and their weights (each 1-100, summing to 100). */
  readonly to: Record<string, number>;
}

/**
 * A region to fail over to when the endpoints of another region are unhealthy.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#LocalityLoadBalancerSetting-Failover
 */
export interface LocalityFailover {
  /** The originating region. */
  readonly from: string;
  /** The region traffic fails over to. */
  readonly to: string;
}

/**
 * Locality-aware load balancing. Set at most one of `distribute` and `failover`.
 *
 * Failover only happens when outlier detection is configured on the same policy (the checks warn
 * otherwise, as Istio's webhook does).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#LocalityLoadBalancerSetting
 */
export interface LocalityLoadBalancing {
  /**
   * Enable or disable locality load balancing for this destination.
   * @default - the mesh-wide setting applies
   */
  readonly enabled?: boolean;
  /**
   * Weighted distribution of traffic across localities.
   * @default - no explicit distribution
   */
  readonly distribute?: LocalityDistribution[];
  /**
   * Region-to-region failover.
   * @default - Istio fails over to the nearest locality
   */
  readonly failover?: LocalityFailover[];
  /**
   * An ordered list of labels used to sort endpoints for priority-based failover.
   * @default - no priority labels
   */
  readonly failoverPriority?: string[];
}

/**
 * Gradual traffic increase to new endpoints.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#WarmupConfiguration
 */
export interface LoadBalancerWarmup {
  /** How long a new endpoint is warmed up. */
  readonly duration: Duration;
  /**
   * Speed of the traffic increase (1 is linear).
   * @default 1
   */
  readonly aggression?: number;
  /**
   * Minimum percentage of the normal weight a warming endpoint receives.
   * @default 10
   */
  readonly minimumPercent?: number;
}

/**
 * Options common to every load balancer.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#LoadBalancerSettings
 */
export interface LoadBalancerOptions {
  /**
   * Locality-aware load balancing.
   * @default - the mesh-wide locality setting applies
   */
  readonly locality?: LocalityLoadBalancing;
}

/**
 * Options of a simple load balancer.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#LoadBalancerSettings
 */
export interface SimpleLoadBalancerOptions extends LoadBalancerOptions {
  /**
   * Ramp traffic up to new endpoints. Rendered as `warmup` (not the deprecated
   * `warmupDurationSecs`); Istio applies it with `ROUND_ROBIN` and `LEAST_REQUEST` only.
   * @default - no warmup
   */
  readonly warmup?: LoadBalancerWarmup;
}

/**
 * How a client proxy picks an endpoint of the destination: a simple algorithm, a consistent
 * hash (session affinity), or locality settings alone.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#LoadBalancerSettings
 */
export class LoadBalancer {
  /**
   * A simple algorithm.
   *
   * @example
   * LoadBalancer.simple(LoadBalancerAlgorithm.LEAST_REQUEST, { warmup: { duration: Duration.seconds(30) } })
   */
  public static simple(algorithm: LoadBalancerAlgorithm, options: SimpleLoadBalancerOptions = {}): LoadBalancer {
    return new LoadBalancer(algorithm, undefined, options?.locality, options?.warmup);
  }

  /**
   * Consistent hashing on a header, cookie, source IP or query parameter (soft session affinity).
   *
   * @example
   * LoadBalancer.consistentHash({ httpCookie: { name: 'user', ttl: Duration.seconds(0) } })
   * LoadBalancer.consistentHash({ httpHeaderName: 'x-user-id', minimumRingSize: 1024 })
   */
  public static consistentHash(options: ConsistentHashOptions): LoadBalancer {
    const given = options ?? {};
    return new LoadBalancer(undefined, { ...given }, given.locality, undefined);
  }

  /**
   * Locality load-balancing settings only; the algorithm stays the default.
   *
   * @example
   * LoadBalancer.locality({ failover: [{ from: 'us-east', to: 'eu-west' }] })
   */
  public static locality(locality: LocalityLoadBalancing): LoadBalancer {
    return new LoadBalancer(undefined, undefined, locality, undefined);
  }

  private constructor(
    /** The simple algorithm, when this is a simple load balancer. */
    public readonly algorithm: LoadBalancerAlgorithm | undefined,
    private readonly hash: ConsistentHashOptions | undefined,
    private readonly localitySettings: LocalityLoadBalancing | undefined,
    private readonly warmup: LoadBalancerWarmup | undefined,
  ) {}

  /** Whether this load balancer uses consistent hashing. */
  public get isConsistentHash(): boolean {
    return this.hash !== undefined;
  }

  /** Whether locality failover (`failover` or `failoverPriority`) is configured. */
  public get hasLocalityFailover(): boolean {
    const l = this.localitySettings;
    return (Array.isArray(l?.failover) && l!.failover.length > 0) || (Array.isArray(l?.failoverPriority) && l!.failoverPriority.length > 0);
  }

  /**
   * The Istio `loadBalancer` object.
   * @internal
   */
  public _toIstio(): networking.DestinationRuleSpecTrafficPolicyLoadBalancer {
    return {
      simple: this.algorithm as unknown as networking.DestinationRuleSpecTrafficPolicyLoadBalancerSimple | undefined,
      consistentHash: this.hash ? this.renderHash(this.hash) : undefined,
      localityLbSetting: this.localitySettings ? {
        enabled: this.localitySettings.enabled,
        distribute: mapArray(this.localitySettings.distribute, (d) => ({ from: d.from, to: isObject(d.to) ? { ...d.to } : d.to })),
        failover: mapArray(this.localitySettings.failover, (f) => ({ from: f.from, to: f.to })),
        failoverPriority: copyArray(this.localitySettings.failoverPriority),
      } : undefined,
      warmup: this.warmup ? {
        duration: optionalDuration(this.warmup.duration)!,
        aggression: this.warmup.aggression,
        minimumPercent: this.warmup.minimumPercent,
      } : undefined,
    };
  }

  private renderHash(h: ConsistentHashOptions): networking.DestinationRuleSpecTrafficPolicyLoadBalancerConsistentHash {
    return {
      httpHeaderName: h.httpHeaderName,
      httpCookie: isObject(h.httpCookie) ? { name: h.httpCookie.name, path: h.httpCookie.path, ttl: optionalDuration(h.httpCookie.ttl) } : h.httpCookie,
      useSourceIp: h.useSourceIp ? true : undefined,
      httpQueryParameterName: h.httpQueryParameterName,
      ringHash: h.minimumRingSize !== undefined ? { minimumRingSize: h.minimumRingSize } : undefined,
      maglev: h.maglevTableSize !== undefined ? { tableSize: h.maglevTableSize } : undefined,
    };
  }
}

/** Maps an array; anything else (from plain JavaScript) renders as given. */
function mapArray<T, U>(values: readonly T[] | undefined, fn: (value: T) => U): U[] | undefined {
  if (values === undefined || values === null) return undefined;
  return Array.isArray(values) ? values.map((v) => (isObject(v) ? fn(v as T) : v as unknown as U)) : values as unknown as U[];
}

function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
