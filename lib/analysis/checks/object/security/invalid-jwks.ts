import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { eachJwtRule } from './private/jwt-rules';
import { readJwks } from './private/jwks';
import { REQUEST_AUTHENTICATION } from './private/kinds';

/**
 * CI0813: a RequestAuthentication inline `jwks` that Istio rejects: set together with `jwksUri`
 * (the CRD rule "only one of jwks or jwksUri can be set"), or not a JSON Web Key Set Istio can
 * parse ("jwks parse error"). A key with private material (a `d` member, or a symmetric `oct`
 * key) is a warning, as Istio's webhook gives: verification only needs public keys, and the
 * manifest publishes the secret. An empty key set is a warning too (stricter than Istio): no
 * token can then be verified.
 *
 * @see https://istio.io/latest/docs/reference/config/security/jwt/#JWTRule
 */
export const InvalidJwks = defineCheck({
  code: 'CI0813',
  name: 'InvalidJwks',
  severity: Severity.ERROR,
  counterpart: 'webhook / CRD rule',
  catches: 'a RequestAuthentication inline jwks together with jwksUri, or that is not a JSON Web Key Set; private keys and empty sets (warnings)',
  scope: 'object',
  kinds: [REQUEST_AUTHENTICATION],
  evaluate({ object, report }) {
    eachJwtRule(object.manifest, (rule, ruleField) => {
      const set = ['jwksUri', 'jwks_uri', 'jwks'].filter((f) => rule[f] !== undefined && rule[f] !== null);
      if (set.length > 1) {
        report({
          field: ruleField, value: set,
          message: `a JWT rule sets ${set.join(' and ')}; only one of jwks or jwksUri can be set`,
          fix: 'keep either the inline key set (jwks) or its URL (jwksUri)',
        });
      }
      if (typeof rule.jwks !== 'string' || rule.jwks === '') return;
      const field = `${ruleField}.jwks`;
      const reading = readJwks(rule.jwks);
      if (reading.problem) {
        report({
          field, value: '(inline key set)', message: `jwks ${reading.problem}`,
          fix: 'write the issuer\'s public JSON Web Key Set as a JSON string, such as {"keys": [{"kty": "RSA", "e": "AQAB", "n": "..."}]}',
        });
        return;
      }
      for (const i of reading.privateKeys) {
        report({
          field, value: '(inline key set)', severity: Severity.WARNING,
          message: `jwks key at index ${i} contains private key material; Istio only uses public keys to verify tokens, and the manifest now publishes the secret`,
          fix: 'keep only the public members of the key (for RSA: kty, n, e, kid, alg) and rotate the exposed key',
        });
      }
      if (reading.keyCount === 0) {
        report({
          field, value: '(inline key set)', severity: Severity.WARNING,
          message: 'jwks has no keys, so no token can be verified and every request with a token is rejected (stricter than Istio, which accepts it)',
          fix: 'add the issuer\'s public keys to jwks, or use jwksUri to fetch them',
        });
      }
    });
  },
});
