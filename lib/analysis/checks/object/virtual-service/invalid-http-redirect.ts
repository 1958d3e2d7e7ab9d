import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { isRecord } from '../../../manifest/read';
import { eachHttpRoute, isSet, stringOr, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0121: a `redirect` that Istio's webhook rejects: it changes nothing (no `uri`, `authority`,
 * `scheme`, `port` or `derivePort`), a `redirectCode` that is not 3xx, a `scheme` other than
 * `http`/`https`, a `port` above 65535, or both `port` and `derivePort`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRedirect
 */
export const InvalidHttpRedirect = defineCheck({
  code: 'CI0121',
  name: 'InvalidHttpRedirect',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a redirect that changes nothing, has a non-3xx code, a scheme other than http/https, or an invalid port',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHttpRoute(vsContext(object.manifest).spec, (route, at) => {
      const r = route.redirect;
      if (!isRecord(r)) return;
      const base = `${at}.redirect`;
      if (stringOr(r.uri) === '' && stringOr(r.authority) === '' && stringOr(r.scheme) === '' && !isSet(r.port) && !isSet(r.derivePort)) {
        report({ field: base, value: r, message: 'the redirect changes nothing: it has no uri, authority, scheme, port or derivePort', fix: `give ${base} at least one of them, e.g. uri: /login` });
      }
      const code = r.redirectCode;
      if (typeof code === 'number' && code !== 0 && (code < 300 || code > 399)) {
        report({ field: `${base}.redirectCode`, value: code, message: `redirectCode ${formatValue(code)} is not a 3xx status`, fix: 'give a status from 300 to 399, e.g. 301 or 308' });
      }
      if (typeof r.scheme === 'string' && r.scheme !== '' && r.scheme !== 'http' && r.scheme !== 'https') {
        report({ field: `${base}.scheme`, value: r.scheme, message: `redirect scheme ${formatValue(r.scheme)} is not 'http' or 'https'`, fix: 'use scheme: http or scheme: https' });
      }
      if (typeof r.port === 'number' && r.port > 65535) {
        report({ field: `${base}.port`, value: r.port, message: `redirect port ${formatValue(r.port)} is not in 1-65535`, fix: 'give a port from 1 to 65535' });
      }
      if (isSet(r.port) && isSet(r.derivePort)) {
        report({ field: base, value: r, message: 'the redirect has both port and derivePort; only one may be given', fix: `keep one of ${base}.port and ${base}.derivePort` });
      }
    });
  },
});
