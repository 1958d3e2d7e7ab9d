import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, eachEntry } from '../../../manifest/read';
import { headerValueProblem } from './private/header-value';
import { eachHeaders, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0116: a header value in `headers.request`/`headers.response` `set` or `add` that Istio's
 * webhook rejects: a control character, or a `%` that does not start an Envoy variable
 * (`%HOSTNAME%`, `%REQ(x-id)%`): a literal percent sign is written `%%`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Headers
 * @see https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_conn_man/headers#custom-request-response-headers
 */
export const InvalidHeaderValue = defineCheck({
  code: 'CI0116',
  name: 'InvalidHeaderValue',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a header value has a control character or a % that is not %% nor an Envoy variable',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHeaders(vsContext(object.manifest).spec, (headers, at) => {
      for (const side of ['request', 'response'] as const) {
        for (const kind of ['set', 'add'] as const) {
          eachEntry(asRecord(headers[side])[kind], `${at}.${side}.${kind}`, (name, value, field) => {
            if (typeof value !== 'string') return;
            const problem = headerValueProblem(value);
            if (!problem) return;
            report({
              field, value, message: `the value of header ${formatValue(name)} ${problem}`,
              fix: 'write a literal % as %%, a variable as %NAME% or %NAME(args)%, and no newlines or control characters',
            });
          });
        }
      }
    });
  },
});
