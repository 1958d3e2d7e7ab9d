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
