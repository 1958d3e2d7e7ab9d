import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachEntry } from '../../../manifest/read';
import { isJwtClaimHeader } from './private/names';
import { eachHttpMatch, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0106: an HTTP match on a JWT claim (`@request.auth.claims.<claim>` in `headers` or
 * `withoutHeaders`) in a VirtualService that does not apply only to gateways. Istio's webhook
 * rejects it: claim-based routing works only at gateways, so a VirtualService without gateways
 * (delegates included) or with `mesh` among them cannot use it.
 *
 * @see https://istio.io/latest/docs/tasks/security/authentication/jwt-route/
 */
export const JwtClaimRoutingAtSidecar = defineCheck({
  code: 'CI0106',
  name: 'JwtClaimRoutingAtSidecar',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a match on @request.auth.claims in a VirtualService that applies to sidecars (or is a delegate)',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const ctx = vsContext(object.manifest);
    if (ctx.appliesToGateway) return;
    const where = ctx.isDelegate
      ? 'this VirtualService is a delegate (no hosts), and Istio\'s webhook finds no gateways on it'
      : 'this VirtualService applies to the sidecars (no gateways, or the \'mesh\' gateway among them)';
    eachHttpMatch(ctx.spec, (m, at) => {
      for (const place of ['headers', 'withoutHeaders'] as const) {
        eachEntry(m[place], `${at}.${place}`, (name, _value, field) => {
          if (!isJwtClaimHeader(name)) return;
          report({
            field, value: name,
            message: `JWT claim routing (${formatValue(name)}) is only supported at gateways; ${where}`,
            fix: 'bind the VirtualService to gateways only (spec.gateways without \'mesh\'), or match on a header the client sends',
          });
        });
      }
    });
  },
});
