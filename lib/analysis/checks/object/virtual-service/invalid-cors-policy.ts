import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachItem, isRecord } from '../../../manifest/read';
import { durationProblem, parseDuration } from '../../../values/duration';
import { HEADER_TOKEN } from './private/names';
import { eachHttpRoute, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*'];

/**
 * CI0118: a `corsPolicy` that Istio's webhook rejects: an `allowOrigins` entry with an empty value
 * (or no exact, prefix or regex at all), an `allowMethods` entry that is not an uppercase HTTP
 * method or `*`, an `allowHeaders`/`exposeHeaders` entry that is empty or not an HTTP token (`*`
 * aside), a `maxAge` below 1ms or not in whole seconds. Invalid origin regexes are CI0109's.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#CorsPolicy
 */
export const InvalidCorsPolicy = defineCheck({
  code: 'CI0118',
  name: 'InvalidCorsPolicy',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a CORS origin is empty, a method is not an HTTP method, a header is not a token, or maxAge is not whole seconds',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHttpRoute(vsContext(object.manifest).spec, (route, at) => {
      const cors = route.corsPolicy;
      if (!isRecord(cors)) return;
      const base = `${at}.corsPolicy`;
      eachItem(cors.allowOrigins, `${base}.allowOrigins`, (o, field) => {
        if (!isRecord(o)) return;
        const type = (['exact', 'prefix', 'regex'] as const).find((t) => o[t] !== undefined && o[t] !== null);
        if (type !== undefined && o[type] !== '') return;
        report({
          field: type ? `${field}.${type}` : field, value: type ? '' : o,
          message: type ? `allowOrigins ${type} match is empty` : 'the allowOrigins entry has no exact, prefix or regex match',
          fix: 'give the origin, e.g. { exact: \'https://shop.example.com\' } or { regex: \'https://.*\\\\.example\\\\.com\' }',
        });
      });
      eachItem(cors.allowMethods, `${base}.allowMethods`, (m, field) => {
        if (typeof m !== 'string' || METHODS.includes(m)) return;
        report({ field, value: m, message: `allowMethods entry ${formatValue(m)} is not a supported HTTP method`, fix: `use one of ${METHODS.join(', ')} (uppercase)` });
      });
      for (const list of ['allowHeaders', 'exposeHeaders'] as const) {
        eachItem(cors[list], `${base}.${list}`, (h, field) => {
          if (typeof h !== 'string' || h === '*' || HEADER_TOKEN.test(h)) return;
          report({
            field, value: h, message: h === '' ? `${list} has an empty header name` : `${list} entry ${formatValue(h)} is not an HTTP header name`,
            fix: 'list header names such as content-type or x-request-id, or \'*\'',
          });
        });
      }
      if (typeof cors.maxAge === 'string') {
        const ms = parseDuration(cors.maxAge);
        const p = durationProblem(cors.maxAge) ?? (ms !== undefined && ms % 1000 !== 0 ? `must be whole seconds, got ${cors.maxAge}` : undefined);
        if (p) report({ field: `${base}.maxAge`, value: cors.maxAge, message: `maxAge ${p}`, fix: 'give maxAge in whole seconds, e.g. 86400s or 24h' });
      }
    });
  },
});
