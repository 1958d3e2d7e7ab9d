import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { eachEgress, SIDECAR_KINDS } from './private/listeners';

/**
 * CI0505: an egress listener without a port (the catch-all) that is not the last egress
 * listener. Istio's webhook rejects it, which also means a Sidecar has at most one catch-all.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
 */
export const InvalidCatchAllEgressListener = defineCheck({
  code: 'CI0505',
  name: 'InvalidCatchAllEgressListener',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a Sidecar egress listener without a port that is not the last one (at most one catch-all, last)',
  scope: 'object',
  kinds: SIDECAR_KINDS,
  evaluate({ object, report }) {
    eachEgress(object, ({ listener, at, index, count }) => {
      if (listener.port !== undefined && listener.port !== null) return;
      if (index === count - 1) return;
      report({
        field: `${at}.port`,
        message: 'an egress listener without a port (the catch-all) must be the last egress listener, and a Sidecar can have only one',
        fix: 'merge the hosts of every port-less listener into one, placed last in spec.egress (in code: addEgressHost does this), or give this listener a port',
      });
    });
  },
});
