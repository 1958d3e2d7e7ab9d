import { CheckReport, defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { isRecord } from '../../../manifest/read';
import { durationProblem } from '../../../values/duration';
import { eachHttpRoute, isSet, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

const GRPC_STATUSES = new Set([
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
]);

/** Istio's validatePercentage: 0, or 0.0001 to 100 (Envoy's precision). */
function percentage(p: unknown, field: string, what: string, report: (r: CheckReport) => void): void {
  if (!isRecord(p) || typeof p.value !== 'number') return;
  const v = p.value;
  if (v >= 0 && v <= 100 && !(v > 0 && v < 0.0001)) return;
  report({
    field: `${field}.value`, value: v, message: `${what} percentage ${formatValue(v)} is neither 0 nor in 0.0001-100`,
    fix: 'give a percentage from 0.0001 to 100 (or 0 to turn the fault off), e.g. percentage: { value: 10 }',
  });
}

/** At most one of `keys` may be set (a protobuf oneof; reported on the object, where the CRD schema reports it too). */
function oneOf(o: Record<string, any>, keys: string[], field: string, report: (r: CheckReport) => void): void {
  const given = keys.filter((k) => isSet(o[k]));
  if (given.length < 2) return;
  report({ field, value: given, message: `the ${field.split('.').pop()} has ${given.join(' and ')}; only one may be given`, fix: `keep one of ${given.map((k) => `${field}.${k}`).join(', ')}` });
}

/**
 * CI0119: a `fault` that Istio's webhook rejects: neither `abort` nor `delay`; a percentage that
 * is not 0 or 0.0001-100; an abort `httpStatus` outside 200-600, an unknown `grpcStatus`, an
 * `http2Error` (not supported); a `fixedDelay` below 1ms or finer than a millisecond; an
 * `exponentialDelay` (not supported); two error types or two delay types at once. The webhook
 * warns about an abort without any error type; an abort status of 600 (Envoy accepts 200-599)
 * and a delay without `fixedDelay` (nothing is delayed) are warnings, stricter than Istio.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPFaultInjection
 */
export const InvalidFaultInjection = defineCheck({
  code: 'CI0119',
  name: 'InvalidFaultInjection',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a fault with no abort or delay, a percentage outside 0.0001-100, an invalid abort status, or an invalid or unsupported delay',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHttpRoute(vsContext(object.manifest).spec, (route, at) => {
      const fault = route.fault;
      if (!isRecord(fault)) return;
      const base = `${at}.fault`;
      if (!isSet(fault.abort) && !isSet(fault.delay)) {
        report({ field: base, message: 'the fault has neither an abort nor a delay', fix: `add fault.abort ({ httpStatus: 503, percentage: { value: 10 } }) or fault.delay ({ fixedDelay: 5s }), or remove ${base}` });
      }
      const abort = fault.abort;
      if (isRecord(abort)) {
        const at2 = `${base}.abort`;
        percentage(abort.percentage, `${at2}.percentage`, 'abort', report);
        oneOf(abort, ['httpStatus', 'grpcStatus', 'http2Error'], at2, report);
        const status = abort.httpStatus;
        if (isSet(abort.grpcStatus)) {
          if (typeof abort.grpcStatus === 'string' && !GRPC_STATUSES.has(abort.grpcStatus)) {
            report({ field: `${at2}.grpcStatus`, value: abort.grpcStatus, message: `abort grpcStatus ${formatValue(abort.grpcStatus)} is not a gRPC status name`, fix: `use one of ${[...GRPC_STATUSES].join(', ')}` });
          }
        } else if (isSet(abort.http2Error)) {
          report({ field: `${at2}.http2Error`, value: abort.http2Error, message: 'abort http2Error is not supported by Istio', fix: 'abort with httpStatus (e.g. 503) or grpcStatus (e.g. UNAVAILABLE) instead' });
        } else if (isSet(status)) {
          if (typeof status === 'number' && (status < 200 || status > 600)) {
            report({ field: `${at2}.httpStatus`, value: status, message: `abort httpStatus ${formatValue(status)} is not in 200-599`, fix: 'give an HTTP status from 200 to 599, e.g. 503' });
          } else if (status === 600) {
            report({
              field: `${at2}.httpStatus`, value: status, severity: Severity.WARNING,
              message: 'abort httpStatus 600 is not an HTTP status: Envoy accepts 200-599 and rejects the route (stricter than Istio, whose webhook accepts 600)',
              fix: 'give an HTTP status from 200 to 599, e.g. 503',
            });
          }
        } else {
          report({ field: `${at2}`, severity: Severity.WARNING, message: 'the abort has no error type (httpStatus or grpcStatus), so nothing is aborted', fix: `add httpStatus (e.g. 503) or grpcStatus (e.g. UNAVAILABLE) to ${at2}` });
        }
      }
      const delay = fault.delay;
      if (isRecord(delay)) {
        const at2 = `${base}.delay`;
        percentage(delay.percentage, `${at2}.percentage`, 'delay', report);
        oneOf(delay, ['fixedDelay', 'exponentialDelay'], at2, report);
        for (const key of ['fixedDelay', 'exponentialDelay'] as const) {
          if (typeof delay[key] !== 'string') continue;
          const p = durationProblem(delay[key]);
          if (p) report({ field: `${at2}.${key}`, value: delay[key], message: `${key} ${p}`, fix: `give ${at2}.${key} a duration of at least 1ms in whole milliseconds, e.g. 5s or 500ms` });
        }
        if (isSet(delay.exponentialDelay)) {
          report({ field: `${at2}.exponentialDelay`, value: delay.exponentialDelay, message: 'exponentialDelay is not supported by Istio', fix: 'use fixedDelay instead' });
        } else if (!isSet(delay.fixedDelay)) {
          report({
            field: `${at2}.fixedDelay`, severity: Severity.WARNING,
            message: 'the delay has no fixedDelay, so no request is delayed (stricter than Istio, which accepts it)',
            fix: `add fixedDelay to ${at2}, e.g. fixedDelay: 5s`,
          });
        }
      }
    });
  },
});
