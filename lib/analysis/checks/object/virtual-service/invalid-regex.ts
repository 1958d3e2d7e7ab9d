import { RE2JS } from 're2js';
import { CheckReport, defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachItem, isRecord } from '../../../manifest/read';
import { eachHttpMatch, eachHttpRoute, eachStringMatch, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

const MAX_LENGTH = 1024;

/** Istio's validateStringRegexp: at most 1024 characters, and RE2 syntax (Go's regexp). */
function regexProblem(re: string): string | undefined {
  if (re.length > MAX_LENGTH) return `is ${re.length} characters long; Istio allows at most ${MAX_LENGTH}`;
  try {
    RE2JS.compile(re);
    return undefined;
  } catch (e) {
    return `is not valid RE2 (${(e as Error).message}); Istio and Envoy use RE2, which has no lookahead, lookbehind or backreferences`;
  }
}

function check(re: unknown, field: string, what: string, report: (r: CheckReport) => void): void {
  if (typeof re !== 'string') return;
  const problem = re === '' ? 'is empty' : regexProblem(re);
  if (!problem) return;
  report({
    field, value: re, message: `${what} regex ${formatValue(re)} ${problem}`,
    fix: 'write the regex in RE2 syntax (https://github.com/google/re2/wiki/Syntax), at most 1024 characters: instead of a lookahead, match the allowed values or add an earlier route for the excluded ones',
  });
}

/**
 * CI0109: a regular expression that Istio's webhook rejects: empty (in a match), longer than 1024
 * characters, or not RE2 syntax (lookahead `(?=`/`(?!`, lookbehind, backreferences `\1`, possessive
 * quantifiers). Covers the `regex` of every string match (uri, scheme, method, authority, headers,
 * query parameters, withoutHeaders except its `*` presence match), `corsPolicy.allowOrigins` and
 * `rewrite.uriRegexRewrite.match`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#StringMatch
 * @see https://github.com/google/re2/wiki/Syntax
 */
export const InvalidRegex = defineCheck({
  code: 'CI0109',
  name: 'InvalidRegex',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a VirtualService regex is empty, longer than 1024 characters or not RE2 (no lookaround, no backreferences)',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const { spec } = vsContext(object.manifest);
    eachHttpMatch(spec, (m, at) => eachStringMatch(m, at, (sm, field, place, key) => {
      // withoutHeaders: regex '*' is Envoy's present match, not a regex
      if (place === 'withoutHeaders' && sm.regex === '*') return;
      check(sm.regex, `${field}.regex`, key === undefined ? place : `${place} ${formatValue(key)}`, report);
    }));
    eachHttpRoute(spec, (route, at) => {
      if (isRecord(route.corsPolicy)) {
        eachItem(route.corsPolicy.allowOrigins, `${at}.corsPolicy.allowOrigins`, (o, field) => {
          if (isRecord(o) && o.regex !== '') check(o.regex, `${field}.regex`, 'allowOrigins', report);
        });
      }
      const rr = isRecord(route.rewrite) ? route.rewrite.uriRegexRewrite : undefined;
      if (isRecord(rr) && rr.match !== '') check(rr.match, `${at}.rewrite.uriRegexRewrite.match`, 'uriRegexRewrite match', report);
    });
  },
});
