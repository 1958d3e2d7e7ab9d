import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray } from '../../../manifest/read';
import { eachJwtRule } from './private/jwt-rules';
import { REQUEST_AUTHENTICATION } from './private/kinds';

/**
 * CI0816: an empty string in a RequestAuthentication JWT rule's `audiences`, which Istio's
 * webhook ("audience must be non-empty string") and the CRD reject.
 *
 * @see https://istio.io/latest/docs/reference/config/security/jwt/#JWTRule
 */
export const EmptyJwtAudience = defineCheck({
  code: 'CI0816',
  name: 'EmptyJwtAudience',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an empty string in a RequestAuthentication JWT rule\'s audiences',
  scope: 'object',
  kinds: [REQUEST_AUTHENTICATION],
  evaluate({ object, report }) {
    eachJwtRule(object.manifest, (rule, ruleField) => {
      asArray(rule.audiences).forEach((audience, j) => {
        if (audience !== '') return;
        report({
          field: `${ruleField}.audiences[${j}]`, value: audience, message: 'empty audience in audiences',
          fix: 'write the aud claim the tokens must carry, or remove the entry (no audiences accepts any audience)',
        });
      });
    });
  },
});
