import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { eachJwtRule, jwksUriOf } from './private/jwt-rules';
import { REQUEST_AUTHENTICATION } from './private/kinds';

/**
 * CI0812: a RequestAuthentication `jwksUri` (or `jwks_uri`) that is not an `http://` or
 * `https://` URL, which Istio's webhook (`ParseJwksURI`) and the CRD rule ("url must have scheme
 * http:// or https://") reject.
 *
 * @see https://istio.io/latest/docs/reference/config/security/jwt/#JWTRule
 */
export const InvalidJwksUri = defineCheck({
  code: 'CI0812',
  name: 'InvalidJwksUri',
  severity: Severity.ERROR,
  counterpart: 'webhook / CRD rule',
  catches: 'a RequestAuthentication jwksUri that is not an http:// or https:// URL',
  scope: 'object',
  kinds: [REQUEST_AUTHENTICATION],
  evaluate({ object, report }) {
    eachJwtRule(object.manifest, (rule, ruleField) => {
      const uri = jwksUriOf(rule);
      if (!uri || typeof uri.value !== 'string' || uri.value === '') return;
      const problem = urlProblem(uri.value);
      if (problem) {
        report({
          field: `${ruleField}.${uri.field}`, value: uri.value, message: `jwksUri ${JSON.stringify(uri.value)} ${problem}`,
          fix: 'write the https:// (or http://) URL of the issuer\'s JSON Web Key Set, such as https://issuer.example.com/.well-known/jwks.json',
        });
      }
    });
  },
});

function urlProblem(value: string): string | undefined {
  // Go's url.Parse rejects ASCII control characters anywhere in the URL
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'contains a control character';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return scheme ? `has the scheme '${scheme}'; only http and https are supported` : 'has no http:// or https:// scheme';
  try {
    new URL(value);
  } catch {
    return 'is not a valid URL';
  }
  return undefined;
}
