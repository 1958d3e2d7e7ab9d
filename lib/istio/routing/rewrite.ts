import { formatValue, ProblemCollector } from '../../analysis/finding';
import { re2Problem } from '../../analysis/values/validate';

/**
 * A regex rewrite of the request path.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#RegexRewrite
 */
export interface RegexRewrite {
  /** The RE2 regular expression matched against the path. */
  readonly match: string;
  /** The replacement; `\1`, `\2` refer to capture groups. */
  readonly rewrite: string;
}

/**
 * Changes the request before it is forwarded: its path (or the matched prefix of it) and its
 * authority. Cannot be combined with a redirect or a direct response.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRewrite
 */
export interface HttpRewrite {
  /**
   * Replaces the path, or the matched part when the route matched a URI prefix. Not together
   * with `uriRegexRewrite`.
   *
   * @default - the path is kept
   */
  readonly uri?: string;

  /**
   * Replaces the authority (host) header.
   *
   * @default - the authority is kept
   */
  readonly authority?: string;

  /**
   * Rewrites the path with a regex. Not together with `uri`.
   *
   * @default - the path is kept
   */
  readonly uriRegexRewrite?: RegexRewrite;
}

/**
 * The Istio form of a rewrite.
 * @internal
 */
export function _renderRewrite(r: HttpRewrite): any {
  return {
    ...(r.uri !== undefined ? { uri: r.uri } : {}),
    ...(r.authority !== undefined ? { authority: r.authority } : {}),
    ...(r.uriRegexRewrite ? { uriRegexRewrite: { match: r.uriRegexRewrite.match, rewrite: r.uriRegexRewrite.rewrite } } : {}),
  };
}

/**
 * Records the problems of a rewrite (relative to the `rewrite` field).
 * @internal
 */
export function _validateRewrite(r: HttpRewrite, problems: ProblemCollector): void {
  if (r.uri && r.uriRegexRewrite) {
    problems.add('CI0017', 'uriRegexRewrite', r.uriRegexRewrite, 'rewrite has both uri and uriRegexRewrite', 'keep only one of them');
  }
  if (!r.uri && !r.uriRegexRewrite && !r.authority) {
    problems.add('CI0015', '', r, 'rewrite changes nothing: it has no uri, uriRegexRewrite or authority', 'give at least one, e.g. { uri: \'/\' }');
  }
  const rr = r.uriRegexRewrite;
  if (rr) {
    if (!rr.match || !rr.rewrite) {
      problems.add('CI0015', rr.match ? 'uriRegexRewrite.rewrite' : 'uriRegexRewrite.match', rr, 'uriRegexRewrite needs both match and rewrite', 'pass { match: \'^/old(/.*)$\', rewrite: \'/new\\\\1\' }');
    }
    if (rr.match) {
      const p = rr.match.length > 1024 ? 'is longer than 1024 characters, the limit Istio allows' : re2Problem(rr.match);
      if (p) problems.add('CI0008', 'uriRegexRewrite.match', rr.match, `uriRegexRewrite match ${formatValue(rr.match)} ${p}`, 'write an RE2 regex (no lookaround or backreferences)');
    }
  }
}
