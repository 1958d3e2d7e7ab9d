import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachHttpRoute, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0133: two HTTP routes of one VirtualService share a `name`. Istio's webhook accepts it, but
 * the name is what access logs, metrics and the proxy's route table show, so the two routes can
 * no longer be told apart: a warning, stricter than Istio.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRoute
 */
export const DuplicateHttpRouteName = defineCheck({
  code: 'CI0133',
  name: 'DuplicateHttpRouteName',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'two HTTP routes of a VirtualService share a name (Istio accepts it; logs and metrics cannot tell them apart)',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const first = new Map<string, string>();
    eachHttpRoute(vsContext(object.manifest).spec, (route, at) => {
      const name = route.name;
      if (typeof name !== 'string' || name === '') return;
      const earlier = first.get(name);
      if (earlier === undefined) {
        first.set(name, at);
        return;
      }
      report({
        field: `${at}.name`, value: name,
        message: `HTTP route name ${formatValue(name)} is already used by ${earlier}, so access logs and metrics cannot tell the two routes apart (stricter than Istio, which accepts it)`,
        fix: `give ${at} a name of its own`,
      });
    });
  },
});
