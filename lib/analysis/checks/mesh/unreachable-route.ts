import { asArray } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** Match fields that do not narrow which requests match. */
const NOT_RESTRICTING = new Set(['name', 'statPrefix', 'ignoreUriCase']);

/** Whether one HTTPMatchRequest matches every request: no conditions, or only `uri` prefix `/` or regex `.*`. */
function matchesEverything(match: any): boolean {
  if (!match || typeof match !== 'object') return true;
  // `name` and `statPrefix` label the match and `ignoreUriCase` only relaxes it: none restricts traffic
  const conditions = Object.keys(match).filter((k) => !NOT_RESTRICTING.has(k) && match[k] !== undefined);
  if (conditions.length === 0) return true;
  if (conditions.length !== 1 || conditions[0] !== 'uri') return false;
  const uri = match.uri ?? {};
  const kinds = Object.keys(uri);
  return kinds.length === 1 && ((kinds[0] === 'prefix' && uri.prefix === '/') || (kinds[0] === 'regex' && uri.regex === '.*'));
}

/**
 * Whether an HTTP route catches every request: no match, or one match entry (they are OR'ed) that
 * matches everything. The routes after it are CI1008's (the VirtualService checks leave them alone).
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0130/
 */
export function isCatchAll(route: any): boolean {
  const matches = asArray(route?.match);
  return matches.length === 0 || matches.some(matchesEverything);
}

/**
 * CI1008: an HTTP route comes after a catch-all route and can never match (warning).
 *
 * Istio evaluates HTTP routes in order and the first match wins, so everything after a route
 * without conditions (or matching only prefix `/` or regex `.*`) is dead (istioctl IST0130).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRoute
 */
export const UnreachableRoute = defineCheck({
  code: 'CI1008',
  name: 'UnreachableRoute',
  severity: Severity.WARNING,
  counterpart: 'IST0130 VirtualServiceUnreachableRule',
  catches: 'an HTTP route follows a catch-all route and can never match',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const vs of model.virtualServices) {
      const routes = asArray(vs.manifest.spec?.http);
      const catchAll = routes.findIndex(isCatchAll);
      if (catchAll < 0) continue;
      const describe = (i: number) => (routes[i]?.name ? `'${routes[i].name}' (http[${i}])` : `http[${i}]`);
      for (let i = catchAll + 1; i < routes.length; i++) {
        report(vs, { field: `spec.http[${i}]`, value: routes[i]?.name, message: `http route ${describe(i)} can never match: route ${describe(catchAll)} before it matches every request`, fix: `move route ${describe(catchAll)} to the end (catch-all routes go last), or add match conditions to it` });
      }
    }
  },
});
