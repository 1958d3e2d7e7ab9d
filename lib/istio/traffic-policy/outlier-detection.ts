import { Duration } from 'cdk8s';
import { networking } from '../private/l1';
import { optionalDuration } from './checks';

/**
 * Options of {@link OutlierDetection.of}. Every field is optional; an empty object enables
 * outlier detection with Istio's defaults.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#OutlierDetection
 */
export interface OutlierDetectionOptions {
  /**
   * Consecutive 5xx responses (or connection errors for TCP) before a host is ejected; 0 disables this check.
   * @default 5
   */
  readonly consecutive5xxErrors?: number;
  /**
   * Consecutive gateway errors (502, 503, 504) before a host is ejected; 0 disables this check.
   * @default 0
   */
  readonly consecutiveGatewayErrors?: number;
  /**
   * Consecutive locally originated failures before a host is ejected; needs `splitExternalLocalOriginErrors`.
   * @default 5
   */
  readonly consecutiveLocalOriginFailures?: number;
  /**
   * Count local-origin failures (timeouts, resets) separately from upstream responses.
   * @default false
   */
  readonly splitExternalLocalOriginErrors?: boolean;
  /**
   * Time between ejection sweeps.
   * @default Duration.seconds(10)
   */
  readonly interval?: Duration;
  /**
   * Minimum ejection time; a host stays ejected for this times the number of its ejections.
   * @default Duration.seconds(30)
   */
  readonly baseEjectionTime?: Duration;
  /**
   * Maximum percentage (0-100) of hosts that can be ejected.
   * @default 10
   */
  readonly maxEjectionPercent?: number;
  /**
   * Outlier detection stays enabled while at least this percentage (0-100) of hosts is healthy.
   * @default 0
   */
  readonly minHealthPercent?: number;
}

/**
 * Ejects unhealthy hosts from the load-balancing pool (passive health checking).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#OutlierDetection
 */
export class OutlierDetection {
  /**
   * Outlier detection with the given thresholds.
   *
   * @example
   * OutlierDetection.of({ consecutive5xxErrors: 1, interval: Duration.seconds(1), baseEjectionTime: Duration.minutes(3), maxEjectionPercent: 100 })
   */
  public static of(options: OutlierDetectionOptions = {}): OutlierDetection {
    return new OutlierDetection({ ...(options ?? {}) });
  }

  private constructor(private readonly options: OutlierDetectionOptions) {}

  /** The settings (a copy). */
  public get settings(): OutlierDetectionOptions {
    return { ...this.options };
  }

  /**
   * The Istio `outlierDetection` object.
   * @internal
   */
  public _toIstio(): networking.DestinationRuleSpecTrafficPolicyOutlierDetection {
    const o = this.options;
    return {
      // the imported type spells the field consecutive5XxErrors; it renders as consecutive5xxErrors
      consecutive5XxErrors: o.consecutive5xxErrors,
      consecutiveGatewayErrors: o.consecutiveGatewayErrors,
      consecutiveLocalOriginFailures: o.consecutiveLocalOriginFailures,
      splitExternalLocalOriginErrors: o.splitExternalLocalOriginErrors,
      interval: optionalDuration(o.interval),
      baseEjectionTime: optionalDuration(o.baseEjectionTime),
      maxEjectionPercent: o.maxEjectionPercent,
      minHealthPercent: o.minHealthPercent,
    };
  }
}
