import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { eachItem, isRecord } from '../../../manifest/read';
import { isSet, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/** Whether the route forwards: a non-empty `route` list (anything else than a list is the schema's to report). */
function forwards(route: Record<string, any>): boolean {
  return Array.isArray(route.route) ? route.route.length > 0 : isSet(route.route);
}

/**
 * CI0108: an HTTP route whose actions Istio's webhook rejects: a null route; none of `route` (with
 * at least one destination), `redirect` or `directResponse`; `redirect` or `directResponse` together
 * with `route`, `fault`, `rewrite` or each other (the proxy answers, nothing is forwarded); a route
 * of a root VirtualService that delegates and also has `route` or `redirect`; a `delegate` in a
 * delegate VirtualService (only one level of delegation).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRoute
 */
export const InvalidHttpRouteAction = defineCheck({
  code: 'CI0108',
  name: 'InvalidHttpRouteAction',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an HTTP route without route, redirect or directResponse, with conflicting actions, or breaking the delegation rules',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const ctx = vsContext(object.manifest);
    eachItem(ctx.spec.http, 'spec.http', (route, at) => {
      if (route === null) {
        report({ field: at, value: null, message: 'the HTTP route is null', fix: `remove ${at}, or give it a route, redirect or directResponse` });
        return;
      }
      if (!isRecord(route)) return;
      const has = (key: string) => isSet(route[key]);
      if (has('delegate') && !ctx.isDelegate) {
        // a root route: only the delegate acts; Istio checks nothing else of its actions
        for (const key of ['redirect', 'route'] as const) {
          if (key === 'route' ? !forwards(route) : !has(key)) continue;
          report({
            field: `${at}.${key}`, message: `a route that delegates must not also have ${key}: the delegate VirtualService's routes decide`,
            fix: `remove ${at}.${key}, or remove ${at}.delegate`,
          });
        }
        return;
      }
      if (has('delegate')) {
        report({
          field: `${at}.delegate`, value: route.delegate,
          message: 'a route of a delegate VirtualService (one without hosts) cannot delegate again: only one level of delegation is supported',
          fix: `route to destinations here (${at}.route), or delegate from the root VirtualService instead`,
        });
      }
      const answer = has('redirect') ? 'redirect' : has('directResponse') ? 'directResponse' : undefined;
      if (answer) {
        const conflicts: Array<[string, boolean]> = [['route', forwards(route)], ['fault', has('fault')], ['rewrite', has('rewrite')]];
        if (answer === 'redirect') conflicts.push(['directResponse', has('directResponse')]);
        for (const [key, present] of conflicts) {
          if (!present) continue;
          report({
            field: `${at}.${key}`, message: `an HTTP route with ${answer} cannot also have ${key}: the proxy answers the request itself, nothing is forwarded`,
            fix: key === 'directResponse' ? `keep one of ${at}.redirect and ${at}.directResponse` : `remove ${at}.${key}, or split the route in two`,
          });
        }
      } else if (!forwards(route)) {
        report({
          field: at, message: 'the HTTP route has no action: no route destination, redirect or directResponse',
          fix: `add route: [{ destination: { host: ... } }] (or a redirect, or a directResponse) to ${at}`,
        });
      }
    });
  },
});
