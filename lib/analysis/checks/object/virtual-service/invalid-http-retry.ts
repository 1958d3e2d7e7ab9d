import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { isRecord } from '../../../manifest/read';
import { durationProblem } from '../../../values/duration';
import { eachHttpRoute, isSet, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/** The `x-envoy-retry-on` and `x-envoy-retry-grpc-on` policies Istio's webhook accepts. */
const POLICIES = new Set([
  '5xx', 'gateway-error', 'reset', 'reset-before-request', 'connect-failure', 'retriable-4xx', 'refused-stream', 'retriable-status-codes',
  'retriable-headers', 'envoy-ratelimited', 'http3-post-connect-failure', 'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
]);

/** The HTTP statuses with a standard text (Go's net/http.StatusText), which the webhook accepts as policies. */
const STATUSES = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424,
  425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

/** Whether the webhook accepts one comma-separated retryOn policy. */
function knownPolicy(policy: string): boolean {
  // strconv.Atoi: an optional sign and decimal digits
  if (/^[+-]?\d{1,10}$/.test(policy) && STATUSES.has(Number(policy))) return true;
  return POLICIES.has(policy);
}

/**
 * CI0120: a `retries` policy that Istio's webhook rejects: negative `attempts`; `perTryTimeout`,
 * `retryOn` or `retryRemoteLocalities` while `attempts` is 0 or missing (retries off); a
 * `perTryTimeout` or `backoff` below 1ms or finer than a millisecond; a `retryOn` policy that is
 * neither an Envoy retry condition nor a standard HTTP status (`retryOn` is split on `,` exactly,
 * so `'5xx, reset'` holds the unknown policy `' reset'`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRetry
 * @see https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/router_filter#x-envoy-retry-on
 */
export const InvalidHttpRetry = defineCheck({
  code: 'CI0120',
  name: 'InvalidHttpRetry',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'retries with negative attempts, options while attempts is 0, a duration below 1ms, or an unknown retryOn policy',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHttpRoute(vsContext(object.manifest).spec, (route, at) => {
      const r = route.retries;
      if (!isRecord(r)) return;
      const base = `${at}.retries`;
      const attempts = typeof r.attempts === 'number' ? r.attempts : isSet(r.attempts) ? undefined : 0;
      if (attempts !== undefined && attempts < 0) {
        report({ field: `${base}.attempts`, value: attempts, message: `retry attempts ${formatValue(attempts)} is negative`, fix: 'give the number of retries, e.g. attempts: 3, or 0 to turn retries off' });
      }
      const options = ['perTryTimeout', 'retryOn', 'retryRemoteLocalities'].filter((k) => (k === 'retryOn' ? typeof r.retryOn === 'string' && r.retryOn !== '' : isSet(r[k])));
      if (attempts === 0 && options.length > 0) {
        report({
          field: `${base}.attempts`, value: r.attempts,
          message: `retries are off (attempts is ${isSet(r.attempts) ? '0' : 'not set, so 0'}) but ${options.join(', ')} ${options.length > 1 ? 'are' : 'is'} set`,
          fix: `set ${base}.attempts to 1 or more, or remove ${options.join(', ')}`,
        });
      }
      for (const key of ['perTryTimeout', 'backoff'] as const) {
        if (typeof r[key] !== 'string') continue;
        const p = durationProblem(r[key]);
        if (p) report({ field: `${base}.${key}`, value: r[key], message: `${key} ${p}`, fix: `give ${base}.${key} a duration of at least 1ms in whole milliseconds, e.g. 2s or 250ms` });
      }
      if (typeof r.retryOn === 'string' && r.retryOn !== '') {
        for (const policy of r.retryOn.split(',')) {
          if (knownPolicy(policy)) continue;
          const spaced = policy !== policy.trim() && knownPolicy(policy.trim());
          report({
            field: `${base}.retryOn`, value: policy,
            message: `retryOn policy ${formatValue(policy)} is not an Envoy retry condition nor an HTTP status${spaced ? ' (the spaces are part of it: retryOn is split on \',\' only)' : ''}`,
            fix: spaced
              ? `remove the spaces: retryOn: '${r.retryOn.split(',').map((p: string) => p.trim()).join(',')}'`
              : `separate policies with ',' and no spaces, from ${[...POLICIES].join(', ')} or HTTP statuses such as 503`,
          });
        }
      }
    });
  },
});
