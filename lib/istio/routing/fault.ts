import { Duration } from 'cdk8s';
import { renderDuration } from '../private/duration';

/**
 * A delay injected before requests are forwarded.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPFaultInjection-Delay
 */
export interface FaultDelay {
  /** How long requests are held (at least 1ms). */
  readonly fixedDelay: Duration;

  /**
   * The percentage of requests delayed, 0-100 (fractions allowed).
   *
   * @default 100
   */
  readonly percentage?: number;
}

/**
 * An error returned instead of forwarding requests.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPFaultInjection-Abort
 */
export interface FaultAbort {
  /**
   * The HTTP status returned, 200-599. Give this or `grpcStatus`.
   *
   * @default - none; `grpcStatus` must be given
   */
  readonly httpStatus?: number;

  /**
   * The gRPC status returned, e.g. `UNAVAILABLE`. Give this or `httpStatus`.
   *
   * @default - none; `httpStatus` must be given
   */
  readonly grpcStatus?: string;

  /**
   * The percentage of requests aborted, 0-100 (fractions allowed).
   *
   * @default 100
   */
  readonly percentage?: number;
}

/**
 * Both kinds of fault for {@link FaultInjection.of}.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPFaultInjection
 */
export interface FaultInjectionOptions {
  /**
   * The delay to inject.
   *
   * @default - no delay
   */
  readonly delay?: FaultDelay;

  /**
   * The abort to inject.
   *
   * @default - no abort
   */
  readonly abort?: FaultAbort;
}


/**
 * Faults injected into HTTP traffic on the client side, to test resilience: delays, aborts, or
 * both. Cannot be combined with a redirect or a direct response.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPFaultInjection
 */
export class FaultInjection {
  /**
   * Delays requests.
   *
   * @example FaultInjection.delay({ fixedDelay: Duration.seconds(7), percentage: 100 })
   */
  public static delay(delay: FaultDelay): FaultInjection {
    return new FaultInjection({ delay });
  }

  /**
   * Aborts requests with an error.
   *
   * @example FaultInjection.abort({ httpStatus: 500, percentage: 100 })
   */
  public static abort(abort: FaultAbort): FaultInjection {
    return new FaultInjection({ abort });
  }

  /**
   * A delay, an abort, or both (at least one).
   *
   * @example FaultInjection.of({ delay: { fixedDelay: Duration.seconds(2) }, abort: { httpStatus: 503, percentage: 10 } })
   */
  public static of(options: FaultInjectionOptions): FaultInjection {
    return new FaultInjection(options);
  }

  /** The delay, if any. */
  public readonly delay?: FaultDelay;
  /** The abort, if any. */
  public readonly abort?: FaultAbort;

  private constructor(options: FaultInjectionOptions) {
    this.delay = options?.delay;
    this.abort = options?.abort;
  }

  /**
   * The Istio form (`percentage` is always rendered, so the default does not depend on Istio).
   * @internal
   */
  public _toIstio(): any {
    const out: any = {};
    if (this.delay) {
      out.delay = {
        ...(this.delay.fixedDelay ? { fixedDelay: renderDuration(this.delay.fixedDelay) } : {}),
        percentage: { value: this.delay.percentage ?? 100 },
      };
    }
    if (this.abort) {
      out.abort = {
        ...(this.abort.httpStatus !== undefined ? { httpStatus: this.abort.httpStatus } : {}),
        ...(this.abort.grpcStatus !== undefined ? { grpcStatus: this.abort.grpcStatus } : {}),
        percentage: { value: this.abort.percentage ?? 100 },
      };
    }
    return out;
  }
}
