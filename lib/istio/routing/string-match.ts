import { formatValue, ProblemCollector } from '../../analysis/finding';
import { re2Problem } from '../../analysis/values/validate';

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

  /**
   * Records the problems of this match relative to `problems` (fields `exact`, `prefix`, `regex`).
   *
   * `uri` allows an empty prefix (it matches every path) but requires a non-empty one to start
   * with '/'; every other place rejects an empty prefix, as Istio's webhook does.
   * @internal
   */
  public _validate(problems: ProblemCollector, where: 'uri' | 'value' = 'value'): void {
    if (typeof this.value !== 'string') {
      problems.add('CI0017', this.kind, this.value, `${this.kind} match must be a string, got ${formatValue(this.value)}`, 'pass a string');
      return;
    }
    if (this.kind === 'regex') {
      const p = this.value.length > 1024 ? 'is longer than 1024 characters, the limit Istio allows' : re2Problem(this.value);
      if (p) problems.add('CI0008', 'regex', this.value, `regex ${formatValue(this.value)} ${p}`, 'write an RE2 regex (no lookaround or backreferences) of at most 1024 characters');
    } else if (this.kind === 'prefix') {
      if (where === 'uri') {
        if (this.value !== '' && !this.value.startsWith('/')) {
          problems.add('CI0017', 'prefix', this.value, `uri prefix ${formatValue(this.value)} does not start with '/' and so never matches a request path`,
            `use '/${this.value}'`);
        }
      } else if (this.value === '') {
        problems.add('CI0017', 'prefix', this.value, 'prefix match is empty; Istio rejects an empty prefix here', 'give a non-empty prefix, or use StringMatch.regex(\'.*\') to match any value');
      }
    }
  }
}
