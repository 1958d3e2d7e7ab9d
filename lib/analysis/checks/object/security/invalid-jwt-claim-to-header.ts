import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray, isRecord } from '../../../manifest/read';
import { eachJwtRule } from './private/jwt-rules';
import { REQUEST_AUTHENTICATION } from './private/kinds';

// Istio's validStrictHeaderNameRegex (ValidateStrictHTTPHeaderName), also the CRD's pattern
const STRICT_HEADER_NAME = /^[-_A-Za-z0-9]+$/;

/**
 * CI0815: a RequestAuthentication that copies token contents into headers Istio rejects: an
 * `outputClaimToHeaders` entry that is null, without `claim` or `header`, or whose header is not
 * made of letters, digits, `-` and `_` (`ValidateStrictHTTPHeaderName`, also the CRD's pattern).
 * An `outputPayloadToHeader` outside that form is a warning: Istio does not check it (stricter
 * than Istio), but a header name with other characters is not a valid HTTP token.
 *
 * @see https://istio.io/latest/docs/reference/config/security/jwt/#ClaimToHeader
 */
export const InvalidJwtClaimToHeader = defineCheck({
  code: 'CI0815',
  name: 'InvalidJwtClaimToHeader',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a RequestAuthentication outputClaimToHeaders entry without claim or header, or with a header name other than letters, digits, - and _; the same for outputPayloadToHeader (a warning)',
  scope: 'object',
  kinds: [REQUEST_AUTHENTICATION],
  evaluate({ object, report }) {
    eachJwtRule(object.manifest, (rule, ruleField) => {
      asArray(rule.outputClaimToHeaders).forEach((entry, j) => {
        const field = `${ruleField}.outputClaimToHeaders[${j}]`;
        if (entry === null) {
          report({ field, value: entry, message: 'an outputClaimToHeaders entry must not be null', fix: 'write the entry as { claim: <claim>, header: <header> }, or remove it' });
          return;
        }
        if (!isRecord(entry)) return;
        for (const [name, example] of [['claim', 'sub'], ['header', 'x-jwt-sub']]) {
          if (entry[name] === undefined || entry[name] === null || entry[name] === '') {
            report({ field: `${field}.${name}`, value: entry[name], message: `an outputClaimToHeaders entry needs a ${name}`, fix: `set ${field}.${name}, such as ${example}` });
          }
        }
        if (typeof entry.header === 'string' && entry.header !== '' && !STRICT_HEADER_NAME.test(entry.header)) {
          report({
            field: `${field}.header`, value: entry.header,
            message: `header name '${entry.header}' may only contain letters, digits, '-' and '_'`,
            fix: 'use a header name such as x-jwt-sub',
          });
        }
      });
      const payload = rule.outputPayloadToHeader;
      if (typeof payload === 'string' && payload !== '' && !STRICT_HEADER_NAME.test(payload)) {
        report({
          field: `${ruleField}.outputPayloadToHeader`, value: payload, severity: Severity.WARNING,
          message: `header name '${payload}' is not made of letters, digits, '-' and '_', so it is not a valid HTTP header name (stricter than Istio, which does not check it)`,
          fix: 'use a header name such as x-jwt-payload',
        });
      }
    });
  },
});
