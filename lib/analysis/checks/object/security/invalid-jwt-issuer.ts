import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { eachJwtRule, jwksUriOf } from './private/jwt-rules';
import { REQUEST_AUTHENTICATION } from './private/kinds';

/**
 * CI0811: a RequestAuthentication JWT rule without issuer and without JWKS URI, which Istio's
 * webhook rejects ("issuer or jwksUri must be non-empty string"), or with an empty `issuer`,
 * which the CRD rejects (at least 1 character). A rule with a `jwksUri` and no issuer is valid: it
 * accepts tokens of any issuer whose keys verify.
 *
 * @see https://istio.io/latest/docs/reference/config/security/jwt/#JWTRule
 */
export const InvalidJwtIssuer = defineCheck({
  code: 'CI0811',
  name: 'InvalidJwtIssuer',
  severity: Severity.ERROR,
  counterpart: 'webhook / CRD schema',
  catches: 'a RequestAuthentication JWT rule with neither issuer nor jwksUri, or with an empty issuer',
  scope: 'object',
  kinds: [REQUEST_AUTHENTICATION],
  evaluate({ object, report }) {
    eachJwtRule(object.manifest, (rule, ruleField) => {
      const uri = jwksUriOf(rule)?.value;
      const hasUri = typeof uri === 'string' && uri !== '';
      const issuer = rule.issuer;
      if ((issuer === undefined || issuer === null || issuer === '') && !hasUri) {
        report({
          field: `${ruleField}.issuer`, value: issuer,
          message: 'a JWT rule needs an issuer or a jwksUri; Istio rejects a rule with neither',
          fix: `set ${ruleField}.issuer to the tokens' iss claim (the keys are then discovered from the issuer), or jwksUri to the URL of its key set`,
        });
      } else if (issuer === '') {
        report({
          field: `${ruleField}.issuer`, value: issuer,
          message: 'issuer is an empty string; the CRD requires at least 1 character',
          fix: `set ${ruleField}.issuer to the tokens' iss claim, or remove it to accept any issuer whose keys verify against jwksUri`,
        });
      }
    });
  },
});
