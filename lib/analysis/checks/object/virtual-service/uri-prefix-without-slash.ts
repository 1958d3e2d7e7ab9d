import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachHttpMatch, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';
import { isRecord } from '../../../manifest/read';

/**
 * CI0111: a `uri` prefix match that does not start with `/` (`prefix: api`). Istio's webhook
 * accepts it, but request paths always start with `/`, so the match never applies: a warning,
 * stricter than Istio.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPMatchRequest
 */
export const UriPrefixWithoutSlash = defineCheck({
  code: 'CI0111',
  name: 'UriPrefixWithoutSlash',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'a uri prefix match that does not start with / and so never matches a request path',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHttpMatch(vsContext(object.manifest).spec, (m, at) => {
      const prefix = isRecord(m.uri) ? m.uri.prefix : undefined;
      if (typeof prefix !== 'string' || prefix === '' || prefix.startsWith('/')) return;
      report({
        field: `${at}.uri.prefix`, value: prefix,
        message: `uri prefix ${formatValue(prefix)} does not start with '/', so it never matches a request path (stricter than Istio, which accepts it)`,
        fix: `start the prefix with '/': '/${prefix}'`,
      });
    });
  },
});
