import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachEntry } from '../../../manifest/read';
import { HEADER_TOKEN, isJwtClaimHeader } from './private/names';
import { eachHttpMatch, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

const PSEUDO_HEADERS = new Set([':method', ':scheme', ':authority', ':path', ':status']);

/**
 * CI0112: a header name in an HTTP match's `headers` or `withoutHeaders` that Istio's webhook
 * rejects: empty, or not an HTTP token (letters, digits and ``!#$%&'*+-.^_`|~``), unless it is a
 * pseudo-header (`:method`, `:scheme`, `:authority`, `:path`, `:status`) or a JWT claim
 * (`@request.auth.claims.<claim>`). Uppercase letters are fine: Envoy matches header names in any
 * case, and so does Istio's webhook.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPMatchRequest
 */
export const InvalidMatchHeaderName = defineCheck({
  code: 'CI0112',
  name: 'InvalidMatchHeaderName',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a header name in a match is empty or not an HTTP token (pseudo-headers and JWT claims aside)',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHttpMatch(vsContext(object.manifest).spec, (m, at) => {
      for (const place of ['headers', 'withoutHeaders'] as const) {
        eachEntry(m[place], `${at}.${place}`, (name, _value, field) => {
          if (isJwtClaimHeader(name) || PSEUDO_HEADERS.has(name) || HEADER_TOKEN.test(name)) return;
          report({
            field, value: name,
            message: name === '' ? 'the header name is empty' : `header name ${formatValue(name)} is not an HTTP token (letters, digits and !#$%&'*+-.^_\`|~)`,
            fix: `name the header in ${at}.${place} with letters, digits and '-' (x-user-id), a pseudo-header (:authority) or a JWT claim (@request.auth.claims.group)`,
          });
        });
      }
    });
  },
});
