import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { durationProblem } from '../../../values/duration';
import { eachHttpRoute, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0127: an HTTP route `timeout` that is not a duration, below 1ms (`0s` included: leave the
 * timeout out to have none) or finer than a millisecond, which the CRD rule and Istio's webhook
 * reject.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRoute
 */
export const InvalidHttpTimeout = defineCheck({
  code: 'CI0127',
  name: 'InvalidHttpTimeout',
  severity: Severity.ERROR,
  counterpart: 'webhook / CRD rule',
  catches: 'an HTTP route timeout is not a duration, below 1ms or not whole milliseconds',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHttpRoute(vsContext(object.manifest).spec, (route, at) => {
      if (typeof route.timeout !== 'string') return;
      const p = durationProblem(route.timeout);
      if (!p) return;
      report({
        field: `${at}.timeout`, value: route.timeout, message: `timeout ${p}`,
        fix: `give ${at}.timeout a duration of at least 1ms in whole milliseconds (e.g. 10s or 500ms), or leave it out for no timeout`,
      });
    });
  },
});
