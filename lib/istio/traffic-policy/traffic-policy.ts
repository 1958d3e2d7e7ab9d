import { ProblemCollector, Severity } from '../../analysis/finding';
import { networking } from '../private/l1';
import { portProblem } from '../../analysis/values/validate';
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
  /** The port number of the destination service. */
  readonly port: number;
}

/**
 * Options of {@link TrafficPolicy.of}: at least one field.
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
    return new TrafficPolicy(options, (options.portLevelSettings ?? []).map((p) => ({ ...p })));
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
   * Records the problems of this policy; fields are relative to `trafficPolicy`.
   * @internal
   */
  public _validate(problems: ProblemCollector): void {
    if (!hasSettings(this) && this.ports.length === 0) {
      problems.add('CI0015', '', {}, 'traffic policy sets nothing',
        'set loadBalancer, connectionPool, outlierDetection, tls or portLevelSettings, or remove the traffic policy');
    }
    validateSettings(problems, this);
    const seen = new Map<number, number>();
    this.ports.forEach((p, i) => {
      const at = problems.at(`portLevelSettings[${i}]`);
      const pp = portProblem(p.port);
      if (pp) at.add('CI0003', 'port.number', p.port, `port-level policy port ${pp}, got ${p.port}`, 'use a port of the destination service, from 1 to 65535');
      const first = seen.get(p.port);
      if (first !== undefined) {
        at.add('CI0012', 'port.number', p.port, `port ${p.port} already has a port-level policy (portLevelSettings[${first}])`,
          'merge the two policies for this port into one');
      } else {
        seen.set(p.port, i);
      }
      if (!hasSettings(p)) {
        at.add('CI0015', '', p.port, `port-level policy for port ${p.port} sets nothing`, 'set loadBalancer, connectionPool, outlierDetection or tls, or remove it');
      }
      validateSettings(at, p);
    });
  }

  /**
   * The Istio `trafficPolicy` object.
   * @internal
   */
  public _toIstio(): networking.DestinationRuleSpecTrafficPolicy {
    return {
      ...renderSettings(this),
      portLevelSettings: this.ports.length === 0 ? undefined : this.ports.map((p) => ({
        port: { number: p.port },
        ...(renderSettings(p) as networking.DestinationRuleSpecTrafficPolicyPortLevelSettings),
      })),
    };
  }
}

function hasSettings(s: TrafficPolicySettings): boolean {
  return s.loadBalancer !== undefined || s.connectionPool !== undefined || s.outlierDetection !== undefined || s.tls !== undefined;
}

function validateSettings(problems: ProblemCollector, s: TrafficPolicySettings): void {
  s.loadBalancer?._validate(problems.at('loadBalancer'));
  s.connectionPool?._validate(problems.at('connectionPool'));
  s.outlierDetection?._validate(problems.at('outlierDetection'));
  s.tls?._validate(problems.at('tls'));
  if (s.loadBalancer?.hasLocalityFailover && !s.outlierDetection) {
    // Istio's webhook warns: without outlier detection no endpoint is ever unhealthy, so failover never happens
    problems.add('CI0015', 'outlierDetection', undefined, 'locality failover is configured without outlier detection, so it never triggers',
      'add outlierDetection next to the load balancer', Severity.WARNING);
  }
}

function renderSettings(s: TrafficPolicySettings): networking.DestinationRuleSpecTrafficPolicy {
  return {
    loadBalancer: s.loadBalancer?._toIstio(),
    connectionPool: s.connectionPool?._toIstio(),
    outlierDetection: s.outlierDetection?._toIstio(),
    tls: s.tls?._toIstio(),
  };
}
