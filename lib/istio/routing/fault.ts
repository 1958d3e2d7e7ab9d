import { Duration } from 'cdk8s';
import { formatValue, ProblemCollector } from '../../analysis/finding';
import { durationProblem, renderDuration } from '../private/duration';
import { faultPercentProblem, intRangeProblem } from '../../analysis/values/validate';

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

const GRPC_STATUSES = new Set([
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
]);

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
    this.delay = options.delay;
    this.abort = options.abort;
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

  /**
   * Records the problems of this fault (relative to the `fault` field).
   * @internal
   */
  public _validate(problems: ProblemCollector): void {
    if (!this.delay && !this.abort) {
      problems.add('CI0015', '', undefined, 'fault injection has neither a delay nor an abort', 'use FaultInjection.delay(...), FaultInjection.abort(...) or give both to FaultInjection.of(...)');
    }
    if (this.delay) {
      if (!this.delay.fixedDelay) {
        problems.add('CI0015', 'delay.fixedDelay', undefined, 'fault delay has no fixedDelay', 'pass fixedDelay: Duration.seconds(n)');
      } else {
        const p = durationProblem(this.delay.fixedDelay);
        if (p) problems.add('CI0004', 'delay.fixedDelay', `${this.delay.fixedDelay.toMilliseconds({ integral: false })}ms`, `fixedDelay ${p}`, 'use Duration.millis(1) or more');
      }
      this.checkPercentage(problems, 'delay', this.delay.percentage);
    }
    if (this.abort) {
      const { httpStatus, grpcStatus } = this.abort;
      if (httpStatus === undefined && grpcStatus === undefined) {
        problems.add('CI0015', 'abort.httpStatus', undefined, 'fault abort has neither httpStatus nor grpcStatus', 'pass httpStatus (e.g. 503) or grpcStatus (e.g. \'UNAVAILABLE\')');
      } else if (httpStatus !== undefined && grpcStatus !== undefined) {
        problems.add('CI0017', 'abort', { httpStatus, grpcStatus }, 'fault abort has both httpStatus and grpcStatus', 'keep only one of them');
      }
      if (httpStatus !== undefined && intRangeProblem(httpStatus, 200, 599)) {
        problems.add('CI0006', 'abort.httpStatus', httpStatus, `abort httpStatus ${formatValue(httpStatus)} is not in 200-599`, 'use an HTTP status from 200 to 599, e.g. 503');
      }
      if (grpcStatus !== undefined && !GRPC_STATUSES.has(grpcStatus)) {
        problems.add('CI0017', 'abort.grpcStatus', grpcStatus, `abort grpcStatus ${formatValue(grpcStatus)} is not a gRPC status name`, 'use a name such as \'UNAVAILABLE\' or \'NOT_FOUND\'');
      }
      this.checkPercentage(problems, 'abort', this.abort.percentage);
    }
  }

  private checkPercentage(problems: ProblemCollector, kind: 'delay' | 'abort', value: number | undefined): void {
    if (value === undefined) return;
    const p = faultPercentProblem(value);
    if (p) problems.add('CI0005', `${kind}.percentage.value`, value, `${kind} percentage ${formatValue(value)} ${p}`, 'use a percentage from 0 to 100, e.g. 10 or 0.5');
  }
}
