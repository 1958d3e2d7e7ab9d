import { CheckReport, defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray, isRecord } from '../../../manifest/read';
import { isCatchAll } from '../../mesh/unreachable-route';
import { covers, matchKey, matchLabel, PrefixMatch, prefixMatch, routeLabel } from './private/match-overlap';
import { VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

const FIX = 'remove the duplicate match or route, or move the more specific match before the one that covers it';

function analyze(routes: unknown[], kind: 'http' | 'tcp' | 'tls', report: (r: CheckReport) => void): void {
  const seen = new Map<string, number>();
  const prefixes: PrefixMatch[] = [];
  let catchAll = -1;
  // CI1008 reports every HTTP route after a catch-all one (no match, prefix '/', regex '.*')
  const afterHttpCatchAll = kind === 'http' ? routes.findIndex((r) => isRecord(r) && isCatchAll(r)) : -1;
  routes.forEach((route, i) => {
    if (!isRecord(route) || (afterHttpCatchAll >= 0 && i > afterHttpCatchAll)) return;
    const at = `spec.${kind}[${i}]`;
    const matches = asArray(route.match);
    if (matches.length === 0) {
      if (catchAll >= 0) {
        report({ field: at, message: `${kind} route ${routeLabel(route, i)} is not used: only the last route can have no matches`, fix: 'give the earlier route matches, or remove one of the two routes' });
      }
      catchAll = i;
      return;
    }
    if (catchAll >= 0) {
      report({ field: at, message: `${kind} route ${routeLabel(route, i)} is not used: route ${routeLabel(routes[catchAll], catchAll)} before it has no matches`, fix: 'move the route without matches to the end' });
      return;
    }
    let duplicates = 0;
    matches.forEach((match, j) => {
      const key = matchKey(match);
      const first = seen.get(key);
      if (first !== undefined) {
        duplicates++;
        report({
          field: `${at}.match[${j}]`,
          message: `match ${matchLabel(match, j)} of ${kind} route ${routeLabel(route, i)} is not used: route ${routeLabel(routes[first], first)} has the same match`,
          fix: FIX,
        });
        return;
      }
      seen.set(key, i);
      if (kind === 'http' && isRecord(match)) {
        const p = prefixMatch(match, `${at}.match[${j}]`, matchLabel(match, j), routeLabel(route, i));
        if (p) prefixes.push(p);
      }
    });
    if (duplicates === matches.length) {
      report({ field: at, message: `${kind} route ${routeLabel(route, i)} is not used: every match of it is used by an earlier route`, fix: FIX });
    }
  });
  for (let a = 0; a < prefixes.length; a++) {
    for (let b = a + 1; b < prefixes.length; b++) {
      const [pa, pb] = [prefixes[a], prefixes[b]];
      if (pa.prefix === pb.prefix || !covers(pa, pb)) continue;
      report({
        field: pb.field,
        message: `match ${pb.label} (prefix '${pb.prefix}') of http route ${pb.route} is not used: match ${pa.label} (prefix '${pa.prefix}') of route ${pa.route} comes first and covers it`,
        fix: FIX,
      });
    }
  }
}

/**
 * CI0132: a match or a route that can never apply, as Istio's webhook warns: a match identical to an
 * earlier one (names aside), a route all of whose matches are earlier ones, an HTTP match whose uri
 * prefix an earlier match covers with the same other conditions (the webhook reads a match without
 * method as GET), a TCP or TLS route after one without matches. CI1008 reports the HTTP routes
 * after a catch-all route (no match, prefix `/`, regex `.*`), so this check leaves those alone.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0131/
 */
export const IneffectiveRouteMatch = defineCheck({
  code: 'CI0132',
  name: 'IneffectiveRouteMatch',
  severity: Severity.WARNING,
  counterpart: 'webhook warning / IST0130 VirtualServiceUnreachableRule / IST0131 VirtualServiceIneffectiveMatch',
  catches: 'a match that repeats or is covered by an earlier one, or a route whose matches are all taken earlier',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const { spec } = vsContext(object.manifest);
    for (const kind of ['http', 'tcp', 'tls'] as const) analyze(asArray(spec[kind]), kind, report);
  },
});
