/**
 * How a string is compared: exactly, by prefix, or with an RE2 regular expression.
 *
 * Used for URIs, schemes, methods, authorities, header and query-parameter values, and CORS
 * origins. Values are case-sensitive (except URIs with `ignoreUriCase`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#StringMatch
 */
export class StringMatch {
  /**
   * Matches a string that equals `value`.
   *
   * @example StringMatch.exact('jason')
   */
  public static exact(value: string): StringMatch {
    return new StringMatch('exact', value);
  }

  /**
   * Matches a string that starts with `value`.
   *
   * @example StringMatch.prefix('/api')
   */
  public static prefix(value: string): StringMatch {
    return new StringMatch('prefix', value);
  }

  /**
   * Matches a string against an RE2 regular expression (not a JavaScript one: no lookaround, no
   * backreferences). The whole string must match.
   *
   * @see https://github.com/google/re2/wiki/Syntax
   * @example StringMatch.regex('^/reviews/[0-9]+$')
   */
  public static regex(value: string): StringMatch {
    return new StringMatch('regex', value);
  }

  private constructor(
    /** How the value is compared. */
    public readonly kind: 'exact' | 'prefix' | 'regex',
    /** The value compared against. */
    public readonly value: string,
  ) {}

  /**
   * The Istio form, e.g. `{ prefix: '/api' }`.
   * @internal
   */
  public _toIstio(): { exact?: string; prefix?: string; regex?: string } {
    return { [this.kind]: this.value };
  }
}
