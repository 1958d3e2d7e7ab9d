import { Duration } from 'cdk8s';
import { ProblemCollector, Severity, formatValue } from '../../analysis/finding';
import { networking } from '../private/l1';
import { headerNameProblem } from '../../analysis/values/validate';
import { checkDuration, checkInteger, copyArray, isSet, optionalDuration, UINT32_MAX } from './checks';

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
   * Hash on the value of this request header (lowercase).
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
 * Failover only happens when outlier detection is configured on the same policy.
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
   * `warmupDurationSecs`); Istio supports it for `ROUND_ROBIN` and `LEAST_REQUEST` only.
   * @default - no warmup
   */
  readonly warmup?: LoadBalancerWarmup;
}

// labels Istio refuses in failoverPriority when failover is also set
const TOPOLOGY_LABELS = ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'];

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
    return new LoadBalancer(algorithm, undefined, options.locality, options.warmup);
  }

  /**
   * Consistent hashing on a header, cookie, source IP or query parameter (soft session affinity).
   *
   * @example
   * LoadBalancer.consistentHash({ httpCookie: { name: 'user', ttl: Duration.seconds(0) } })
   * LoadBalancer.consistentHash({ httpHeaderName: 'x-user-id', minimumRingSize: 1024 })
   */
  public static consistentHash(options: ConsistentHashOptions): LoadBalancer {
    return new LoadBalancer(undefined, { ...options }, options.locality, undefined);
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
    return (this.localitySettings?.failover?.length ?? 0) > 0 || (this.localitySettings?.failoverPriority?.length ?? 0) > 0;
  }

  /**
   * Records the problems of these settings; fields are relative to `loadBalancer`.
   * @internal
   */
  public _validate(problems: ProblemCollector): void {
    if (this.algorithm !== undefined && !Object.values(LoadBalancerAlgorithm).includes(this.algorithm)) {
      problems.add('CI0017', 'simple', this.algorithm, `load balancer algorithm ${formatValue(this.algorithm)} is not one of ${Object.values(LoadBalancerAlgorithm).join(', ')}`,
        'use a LoadBalancerAlgorithm value');
    }
    if (this.hash) this.validateHash(problems.at('consistentHash'));
    if (this.localitySettings) this.validateLocality(problems.at('localityLbSetting'));
    if (this.warmup) {
      const w = problems.at('warmup');
      checkDuration(w, 'duration', this.warmup.duration);
      if (this.warmup.aggression !== undefined && !(Number.isFinite(this.warmup.aggression) && this.warmup.aggression >= 1)) {
        w.add('CI0017', 'aggression', this.warmup.aggression, `warmup aggression must be a number >= 1, got ${this.warmup.aggression}`, 'use 1 for a linear ramp, more for a faster one');
      }
      const min = this.warmup.minimumPercent;
      if (min !== undefined && !(Number.isFinite(min) && min >= 0 && min <= 100)) {
        w.add('CI0005', 'minimumPercent', min, `warmup minimumPercent must be a number from 0 to 100, got ${min}`, 'set minimumPercent between 0 and 100');
      }
      if (this.algorithm !== LoadBalancerAlgorithm.ROUND_ROBIN && this.algorithm !== LoadBalancerAlgorithm.LEAST_REQUEST) {
        problems.add('CI0017', 'warmup', this.algorithm, `warmup is only supported with ROUND_ROBIN and LEAST_REQUEST, got ${formatValue(this.algorithm)}; Istio ignores it`,
          'use LoadBalancerAlgorithm.ROUND_ROBIN or LEAST_REQUEST, or remove warmup', Severity.WARNING);
      }
    }
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
        distribute: this.localitySettings.distribute?.map((d) => ({ from: d.from, to: { ...d.to } })),
        failover: this.localitySettings.failover?.map((f) => ({ from: f.from, to: f.to })),
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
      httpCookie: h.httpCookie ? { name: h.httpCookie.name, path: h.httpCookie.path, ttl: optionalDuration(h.httpCookie.ttl) } : undefined,
      useSourceIp: h.useSourceIp ? true : undefined,
      httpQueryParameterName: h.httpQueryParameterName,
      ringHash: h.minimumRingSize !== undefined ? { minimumRingSize: h.minimumRingSize } : undefined,
      maglev: h.maglevTableSize !== undefined ? { tableSize: h.maglevTableSize } : undefined,
    };
  }

  private validateHash(problems: ProblemCollector): void {
    const h = this.hash!;
    const keys = [
      h.httpHeaderName !== undefined ? 'httpHeaderName' : undefined,
      h.httpCookie !== undefined ? 'httpCookie' : undefined,
      h.useSourceIp ? 'useSourceIp' : undefined,
      h.httpQueryParameterName !== undefined ? 'httpQueryParameterName' : undefined,
    ].filter((k): k is string => k !== undefined);
    if (keys.length === 0) {
      problems.add('CI0015', '', undefined, 'consistentHash has no hash key',
        'set one of httpHeaderName, httpCookie, useSourceIp or httpQueryParameterName');
    } else if (keys.length > 1) {
      problems.add('CI0017', '', keys, `consistentHash sets ${keys.length} hash keys (${keys.join(', ')}); Istio accepts exactly one`,
        `keep one of ${keys.join(', ')}`);
    }
    if (h.httpHeaderName !== undefined) {
      const p = headerNameProblem(h.httpHeaderName);
      if (p) problems.add('CI0009', 'httpHeaderName', h.httpHeaderName, `hash header name ${formatValue(h.httpHeaderName)} ${p}`, 'use a lowercase header name such as \'x-user-id\'');
    }
    if (h.httpQueryParameterName !== undefined && h.httpQueryParameterName === '') {
      problems.add('CI0015', 'httpQueryParameterName', h.httpQueryParameterName, 'hash query parameter name is empty', 'name the query parameter to hash on');
    }
    if (h.httpCookie !== undefined) {
      if (!isSet(h.httpCookie.name)) {
        problems.add('CI0015', 'httpCookie.name', h.httpCookie.name, 'hash cookie has no name', 'set httpCookie.name');
      }
      // ttl 0s is valid here (a session cookie), unlike most Istio durations
      const ttl = h.httpCookie.ttl?.toMilliseconds({ integral: false });
      if (ttl !== undefined && !(Number.isInteger(ttl) && ttl >= 0)) {
        problems.add('CI0004', 'httpCookie.ttl', `${ttl}ms`, `cookie ttl must be zero or more whole milliseconds, got ${ttl}ms`, 'use Duration.seconds(0) for a session cookie or a positive whole-millisecond Duration');
      }
    }
    checkInteger(problems.at('ringHash'), 'minimumRingSize', h.minimumRingSize, 0, UINT32_MAX);
    if (h.minimumRingSize !== undefined && h.maglevTableSize !== undefined) {
      problems.add('CI0017', 'maglev', h.maglevTableSize, 'consistentHash sets both minimumRingSize (ring hash) and maglevTableSize (Maglev); Istio accepts one hash algorithm',
        'remove minimumRingSize or maglevTableSize');
    }
    const t = h.maglevTableSize;
    if (t !== undefined && (!Number.isInteger(t) || t < 1 || t >= 5000011 || !isPrime(t))) {
      problems.add('CI0017', 'maglev.tableSize', t, `maglev tableSize must be a prime number below 5000011, got ${t}`, 'use a prime such as 65537');
    }
  }

  private validateLocality(problems: ProblemCollector): void {
    const l = this.localitySettings!;
    const distribute = l.distribute ?? [];
    const failover = l.failover ?? [];
    if (distribute.length > 0 && failover.length > 0) {
      problems.add('CI0017', '', undefined, 'locality load balancing sets both distribute and failover; Istio accepts one',
        'keep either distribute or failover');
    }
    if (failover.length > 0) {
      for (const label of l.failoverPriority ?? []) {
        if (TOPOLOGY_LABELS.includes(label)) {
          problems.add('CI0017', 'failoverPriority', label, `failoverPriority may not use the topology label ${formatValue(label)} together with failover`,
            'remove failover or the topology labels from failoverPriority');
        }
      }
    }
    distribute.forEach((d, i) => {
      const at = problems.at(`distribute[${i}]`);
      const p = localityProblem(d.from);
      if (p) at.add('CI0017', 'from', d.from, `locality ${formatValue(d.from)} ${p}`, 'write region/zone/subzone, with at most one \'*\' at the end');
      let total = 0;
      for (const [to, weight] of Object.entries(d.to)) {
        const tp = localityProblem(to);
        if (tp) at.add('CI0017', `to.${to}`, to, `locality ${formatValue(to)} ${tp}`, 'write region/zone/subzone, with at most one \'*\' at the end');
        if (!Number.isInteger(weight) || weight < 1 || weight > 100) {
          at.add('CI0017', `to.${to}`, weight, `locality weight for ${formatValue(to)} must be a whole number from 1 to 100, got ${weight}`, 'use weights from 1 to 100 that sum to 100');
        }
        total += weight;
      }
      if (total !== 100) {
        at.add('CI0017', 'to', d.to, `locality weights from ${formatValue(d.from)} sum to ${total}, not 100`, 'make the weights of each distribute entry sum to 100');
      }
    });
    failover.forEach((f, i) => {
      const at = problems.at(`failover[${i}]`);
      if (f.from === f.to) {
        at.add('CI0017', 'to', f.to, `locality failover from ${formatValue(f.from)} to the same region does nothing`, 'fail over to a different region');
      }
      for (const [key, value] of [['from', f.from], ['to', f.to]] as const) {
        if (value.includes('/') || value.includes('*')) {
          at.add('CI0017', key, value, `locality failover ${key} ${formatValue(value)} must be a region, without '/' or '*'`, 'name a region only, e.g. \'us-east\'');
        }
      }
    });
  }
}

function localityProblem(locality: string): string | undefined {
  const stars = locality.split('*').length - 1;
  if (stars > 1 || (stars === 1 && !locality.endsWith('*'))) return 'may have one \'*\' and only at the end';
  if (locality.split('/').length > 3 || locality.split('/').some((part) => part === '')) return 'must be region[/zone[/subzone]] without empty parts';
  return undefined;
}

function isPrime(x: number): boolean {
  if (x < 2) return false;
  if (x < 4) return true;
  if (x % 2 === 0) return false;
  for (let f = 3; f * f <= x; f += 2) {
    if (x % f === 0) return false;
  }
  return true;
}
