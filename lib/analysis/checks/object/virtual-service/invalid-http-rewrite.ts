import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { isRecord } from '../../../manifest/read';
import { eachHttpRoute, isSet, stringOr, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0122: a `rewrite` that Istio's webhook rejects: both `uri` and `uriRegexRewrite`, nothing to
 * rewrite (no `uri`, `uriRegexRewrite` or `authority`), or a `uriRegexRewrite` without both `match`
 * and `rewrite`. Its regex is CI0109's.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRewrite
 */
export const InvalidHttpRewrite = defineCheck({
  code: 'CI0122',
  name: 'InvalidHttpRewrite',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a rewrite with both uri and uriRegexRewrite, with nothing to rewrite, or a uriRegexRewrite without match or rewrite',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHttpRoute(vsContext(object.manifest).spec, (route, at) => {
      const r = route.rewrite;
      if (!isRecord(r)) return;
      const base = `${at}.rewrite`;
      const uri = stringOr(r.uri);
      const rr = r.uriRegexRewrite;
      if (uri !== '' && isSet(rr)) {
        report({ field: `${base}.uriRegexRewrite`, value: rr, message: 'the rewrite has both uri and uriRegexRewrite; only one may be given', fix: `keep one of ${base}.uri and ${base}.uriRegexRewrite` });
      } else if (uri === '' && !isSet(rr) && stringOr(r.authority) === '') {
        report({ field: base, value: r, message: 'the rewrite changes nothing: it has no uri, uriRegexRewrite or authority', fix: `give ${base} a uri, a uriRegexRewrite or an authority, or remove it` });
      }
      if (isRecord(rr) && (stringOr(rr.match) === '' || stringOr(rr.rewrite) === '')) {
        const missing = stringOr(rr.match) === '' ? 'match' : 'rewrite';
        report({
          field: `${base}.uriRegexRewrite.${missing}`, value: rr[missing], message: 'uriRegexRewrite needs both match and rewrite',
          fix: 'give both, e.g. uriRegexRewrite: { match: \'^/v1(/.*)$\', rewrite: \'/v2\\\\1\' }',
        });
      }
    });
  },
});
