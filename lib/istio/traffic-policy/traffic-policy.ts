import { networking } from '../private/l1';
import { renderValue } from './checks';
import { ClientTls } from './client-tls';
import { ConnectionPool } from './connection-pool';
import { LoadBalancer } from './load-balancer';
import { OutlierDetection } from './outlier-detection';

/**
 * The policies that can be set for a whole destination, a subset, or one port.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#TrafficPolicy
 */
export interface TrafficPolicySettings {
  /**
   * How endpoints are picked.
   * @default - Istio's default (`LEAST_REQUEST`)
   */
  readonly loadBalancer?: LoadBalancer;
  /**
   * Connection-pool limits (circuit breaking).
   * @default - Istio's defaults (effectively unlimited)
   */
  readonly connectionPool?: ConnectionPool;
  /**
   * Ejection of unhealthy hosts.
   * @default - no outlier detection
   */
  readonly outlierDetection?: OutlierDetection;
  /**
   * TLS to the destination.
   * @default - Istio's auto mTLS decides
   */
  readonly tls?: ClientTls;
}

/**
 * Policies for one port of the destination; they replace (not merge with) the destination-level ones for that port.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#TrafficPolicy-PortTrafficPolicy
 */
export interface PortTrafficPolicy extends TrafficPolicySettings {
  /** The port number of the destination service (1-65535; each port at most once). */
  readonly port: number;
}

/**
 * Options of {@link TrafficPolicy.of}: at least one field (Istio rejects an empty traffic policy;
 * the checks report it as CI0206).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#TrafficPolicy
 */
export interface TrafficPolicyOptions extends TrafficPolicySettings {
  /**
   * Policies for individual ports (each port at most once).
   * @default - no port-level policies
   */
  readonly portLevelSettings?: PortTrafficPolicy[];
}

/**
 * Traffic policies for a destination: load balancing, connection pool, outlier detection, TLS,
 * and port-level overrides. Used on a DestinationRule and on its subsets.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#TrafficPolicy
 */
export class TrafficPolicy {
  /**
   * A traffic policy.
   *
   * @example
   * TrafficPolicy.of({
   *   connectionPool: ConnectionPool.of({ tcp: { maxConnections: 100 } }),
   *   outlierDetection: OutlierDetection.of({ consecutive5xxErrors: 7, interval: Duration.minutes(5) }),
   *   tls: ClientTls.istioMutual(),
   *   portLevelSettings: [{ port: 9080, loadBalancer: LoadBalancer.simple(LoadBalancerAlgorithm.ROUND_ROBIN) }],
   * })
   */
  public static of(options: TrafficPolicyOptions): TrafficPolicy {
    const given = options ?? {};
    const ports = Array.isArray(given.portLevelSettings) ? given.portLevelSettings.map((p) => (p !== null && typeof p === 'object' ? { ...p } : p)) : [];
    return new TrafficPolicy(given, ports);
  }

  /** How endpoints are picked. */
  public readonly loadBalancer?: LoadBalancer;
  /** Connection-pool limits. */
  public readonly connectionPool?: ConnectionPool;
  /** Outlier detection. */
  public readonly outlierDetection?: OutlierDetection;
  /** TLS to the destination. */
  public readonly tls?: ClientTls;

  private constructor(settings: TrafficPolicySettings, private readonly ports: PortTrafficPolicy[]) {
    this.loadBalancer = settings.loadBalancer;
    this.connectionPool = settings.connectionPool;
    this.outlierDetection = settings.outlierDetection;
    this.tls = settings.tls;
  }

  /** The port-level policies (a copy). */
  public get portLevelSettings(): PortTrafficPolicy[] {
    return this.ports.map((p) => ({ ...p }));
  }

  /**
   * The Istio `trafficPolicy` object.
   * @internal
   */
  public _toIstio(): networking.DestinationRuleSpecTrafficPolicy {
    return {
      ...renderSettings(this),
      portLevelSettings: this.ports.length === 0 ? undefined : this.ports.map((p) => (p !== null && typeof p === 'object' ? {
        port: { number: p.port },
        ...(renderSettings(p) as networking.DestinationRuleSpecTrafficPolicyPortLevelSettings),
      } : p)),
    };
  }
}

function renderSettings(s: TrafficPolicySettings): networking.DestinationRuleSpecTrafficPolicy {
  return {
    loadBalancer: renderValue(s.loadBalancer),
    connectionPool: renderValue(s.connectionPool),
    outlierDetection: renderValue(s.outlierDetection),
    tls: renderValue(s.tls),
  };
}
