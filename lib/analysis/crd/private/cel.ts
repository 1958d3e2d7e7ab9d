/**
 * The CEL environment of the CRD validation rules: the `@marcbachmann/cel-js` evaluator, with the
 * Kubernetes library functions the Istio rules call (`url()`, `isURL()`, `getScheme()`) registered
 * on it with Kubernetes' semantics (k8s.io/apiserver/pkg/cel/library/urls.go). Everything else the
 * rules use (`has`, `all`, `exists`, `exists_one`, `size`, `contains`, `startsWith`, `endsWith`,
 * `matches`, `substring`, `int()`, `duration()`) is the library's own.
 *
 * The library is loaded, and each rule compiled, on first use: a program without a value under a
 * CEL rule never loads it.
 *
 * Known differences from cel-go, which the library does not let us override (its built-in
 * overloads cannot be replaced) and which matter only for unusual values:
 * - `duration()` accepts durations beyond Go's limit of about 292 years (`3000000h`), which
 *   cel-go rejects, and also an empty fraction such as `1h.s`;
 * - `duration('0')` is an evaluation error (cel-go: a zero duration, which fails the same rules);
 * - `int()` reads `''`, `0b1` and `0o7` as numbers, where cel-go (strconv.ParseInt, base 10) fails:
 *   a PeerAuthentication `portLevelMtls` key `0b1` passes here and fails in the API server;
 * - `matches` uses JavaScript regular expressions, not RE2 (the one pattern of the Istio rules,
 *   ASCII classes anchored at both ends, means the same in both);
 * - `substring` counts UTF-16 units, not code points (the Istio rule reads the character after
 *   `unix://`, which gives the same verdict either way).
 */
import type { Environment, ParseResult } from '@marcbachmann/cel-js' with { 'resolution-mode': 'import' };
import { GoUrl, parseRequestUri, parseUrl } from './go-url';

/** A compiled rule: run it with `self` bound; it throws on evaluation errors. */
export interface CelProgram {
  /** Evaluates the expression with `self` (and nothing else) bound. */
  run(self: unknown): unknown;
  /** Whether the expression reads `oldSelf` (a transition rule, evaluated on update only). */
  readonly usesOldSelf: boolean;
}

/** The CEL value of `url(s)`: a parsed URL (Kubernetes' `kubernetes.URL` type). */
class KubernetesUrl {
  constructor(public readonly url: GoUrl) {}
}

let environment: Environment | undefined;
const programs = new Map<string, CelProgram | Error>();

/**
 * The compiled program of `expression`, or the Error that parsing it gave. Compiled once per
 * process.
 */
export function compileCel(expression: string): CelProgram | Error {
  let program = programs.get(expression);
  if (program === undefined) {
    program = compile(expression);
    programs.set(expression, program);
  }
  return program;
}

function compile(expression: string): CelProgram | Error {
  let parsed: ParseResult;
  try {
    parsed = celEnvironment().parse(expression);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
  // not type-checked here (that costs as much as parsing, at every synth): the API server checked
  // the CRDs' rules when the CRDs were created, and a test type-checks all of Istio's
  return { run: (self) => parsed({ self }), usesOldSelf: mentions(parsed.ast, 'oldSelf') };
}

/** Whether the AST reads the variable `name`. */
function mentions(node: unknown, name: string): boolean {
  if (Array.isArray(node)) return node.some((n) => mentions(n, name));
  if (node === null || typeof node !== 'object') return false;
  const n = node as { op?: unknown; args?: unknown };
  if (n.op === 'id') return n.args === name;
  return mentions(n.args, name);
}

function celEnvironment(): Environment {
  if (environment) return environment;
  // loaded on first use: most programs never evaluate a CEL rule
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cel = require('@marcbachmann/cel-js') as typeof import('@marcbachmann/cel-js', { with: { 'resolution-mode': 'import' } });
  environment = new cel.Environment()
    .registerVariable('self', 'dyn')
    .registerType('kubernetes.URL', KubernetesUrl)
    // url(): ParseRequestURI decides, Parse gives the parts (it handles a #fragment right)
    .registerFunction('url(string): kubernetes.URL', (s: string) => {
      try {
        parseRequestUri(s);
        return new KubernetesUrl(parseUrl(s));
      } catch (e) {
        throw new Error(`URL parse error during conversion from string: ${(e as Error).message}`);
      }
    })
    .registerFunction('isURL(string): bool', (s: string) => {
      try {
        parseRequestUri(s);
        return true;
      } catch {
        return false;
      }
    })
    .registerFunction('kubernetes.URL.getScheme(): string', (u: KubernetesUrl) => u.url.scheme);
  return environment;
}

/**
 * The type `expression` checks to with `self` dynamic (`bool` for a valid rule), or the error: the
 * library's type checker, with the Kubernetes functions registered. For tests; rules are not
 * type-checked when they run.
 */
export function celTypeCheck(expression: string): string {
  const result = celEnvironment().check(expression);
  return result.valid ? result.type ?? '' : result.error?.message ?? 'invalid';
}
