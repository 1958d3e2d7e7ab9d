import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { hasItems } from './private/authorization';
import { REQUEST_AUTHENTICATION } from './private/kinds';

/**
 * CI0818: a RequestAuthentication without JWT rules. Istio accepts it, but it has no effect: no
 * token is validated and no request principal is ever set (a warning, stricter than Istio).
 *
 * @see https://istio.io/latest/docs/reference/config/security/request_authentication/#RequestAuthentication
 */
export const RequestAuthenticationWithoutRules = defineCheck({
  code: 'CI0818',
  name: 'RequestAuthenticationWithoutRules',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'a RequestAuthentication without jwtRules, which has no effect',
  scope: 'object',
  kinds: [REQUEST_AUTHENTICATION],
  evaluate({ object, report }) {
    const spec = asRecord(object.manifest.spec);
    if (hasItems(spec.jwtRules)) return;
    report({
      field: 'spec.jwtRules', value: spec.jwtRules,
      message: 'a RequestAuthentication without jwtRules validates no token and has no effect (stricter than Istio, which accepts it)',
      fix: 'add a JWT rule with the issuer and jwksUri of the tokens to accept under spec.jwtRules (for a construct: addJwtRule), or remove the resource',
    });
  },
});
