import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, eachEntry, isRecord } from '../../../manifest/read';
import { eachHttpRoute, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0117: an HTTP route that sets the authority more than once, in `rewrite.authority` and in
 * `headers.request.set`/`add` (`:authority` or `host`), or twice in the headers, which Istio's
 * webhook rejects ("authority header cannot be set multiple times").
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRewrite
 */
export const AuthorityRewrittenTwice = defineCheck({
  code: 'CI0117',
  name: 'AuthorityRewrittenTwice',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an HTTP route sets the authority twice (rewrite.authority and a :authority or host header operation)',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHttpRoute(vsContext(object.manifest).spec, (route, at) => {
      const rewrite = isRecord(route.rewrite) ? route.rewrite.authority : undefined;
      let current = typeof rewrite === 'string' ? rewrite : '';
      let where = `${at}.rewrite.authority`;
      const request = asRecord(asRecord(route.headers).request);
      for (const kind of ['set', 'add'] as const) {
        eachEntry(request[kind], `${at}.headers.request.${kind}`, (name, value, field) => {
          if (!/^(:authority|host)$/i.test(name) || typeof value !== 'string') return;
          if (current !== '') {
            report({
              field, value, message: `the authority is set twice: to ${formatValue(current)} by ${where} and to ${formatValue(value)} by header ${formatValue(name)}`,
              fix: `set the authority in one place only (rewrite.authority), and remove ${field}`,
            });
            return;
          }
          current = value;
          where = field;
        });
      }
    });
  },
});
