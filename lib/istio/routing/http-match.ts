import { formatValue, ProblemCollector, Severity } from '../../analysis/finding';
import { dns1123LabelProblem, headerNameProblem, portProblem } from '../../analysis/values/validate';
import { _RouteContext } from './context';
import { GatewayBinding } from './gateway-binding';
import { StringMatch } from './string-match';
import { validateLabelMap } from '../private/labels';

/**
 * The conditions of one {@link HttpMatch}. All conditions given must hold (AND).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPMatchRequest
 */
export interface HttpMatchOptions {
  /**
   * The name of the match, appended to the route name in access logs and metrics.
   *
   * @default - unnamed
   */
  readonly name?: string;

  /**
   * The request path.
   *
   * @default - any path
   */
  readonly uri?: StringMatch;

  /**
   * The URI scheme (`http`, `https`).
   *
   * @default - any scheme
   */
  readonly scheme?: StringMatch;

  /**
   * The HTTP method (`GET`, `POST`, ...).
   *
   * @default - any method
   */
  readonly method?: StringMatch;

  /**
   * The authority (host) header.
   *
   * @default - any authority
   */
  readonly authority?: StringMatch;

  /**
   * Request headers that must match, by lowercase name. Pseudo-headers (`:method`) and JWT claims
   * (`@request.auth.claims.group`, gateways only) are accepted as names.
   *
   * @default - no header condition
   */
  readonly headers?: { [name: string]: StringMatch };

  /**
   * Request headers that must NOT match, by lowercase name.
   *
   * @default - no header condition
   */
  readonly withoutHeaders?: { [name: string]: StringMatch };

  /**
   * Query parameters that must match, by name.
   *
   * @default - no query-parameter condition
   */
  readonly queryParams?: { [name: string]: StringMatch };

  /**
   * Whether `uri` matches case-insensitively.
   *
   * @default false
   */
  readonly ignoreUriCase?: boolean;

  /**
   * The port the request was addressed to (for hosts with several ports).
   *
   * @default - any port
   */
  readonly port?: number;

  /**
   * Labels the calling workload must have (sidecars only).
   *
   * @default - any caller
   */
  readonly sourceLabels?: { [key: string]: string };

  /**
   * The namespace the calling workload must be in (sidecars only).
   *
   * @default - any namespace
   */
  readonly sourceNamespace?: string;

  /**
   * Restricts this match to some of the VirtualService's gateways.
   *
   * @default - the gateways of the VirtualService
   */
  readonly gateways?: GatewayBinding[];

  /**
   * The prefix of the statistics emitted for this match.
   *
   * @default - no per-match statistics
   */
  readonly statPrefix?: string;
}

const PSEUDO_HEADERS = new Set([':method', ':scheme', ':authority', ':path', ':status']);
const JWT_CLAIM_PREFIX = '@request.auth.claims.';

/**
 * The conditions an HTTP request must meet for a route to apply.
 *
 * A route's match list is OR (any match applies the route); the conditions inside one match are
 * AND. A route without matches applies to every request, so put it last.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPMatchRequest
 */
export class HttpMatch {
  /**
   * A match with any combination of conditions (all must hold).
   *
   * @example HttpMatch.of({ uri: StringMatch.prefix('/api'), method: StringMatch.exact('GET') })
   */
  public static of(options: HttpMatchOptions): HttpMatch {
    return new HttpMatch(options);
  }

  /**
   * Matches the request path.
   *
   * @example HttpMatch.uri(StringMatch.regex('^/reviews/[0-9]+$'))
   */
  public static uri(match: StringMatch): HttpMatch {
    return new HttpMatch({ uri: match });
  }

  /**
   * Matches paths that start with `prefix` (which starts with '/').
   *
   * @example HttpMatch.prefix('/static')
   */
  public static prefix(prefix: string): HttpMatch {
    return new HttpMatch({ uri: StringMatch.prefix(prefix) });
  }

  /**
   * Matches exactly the path `path`.
   *
   * @example HttpMatch.exact('/login')
   */
  public static exact(path: string): HttpMatch {
    return new HttpMatch({ uri: StringMatch.exact(path) });
  }

  /**
   * Matches requests whose header `name` matches `match`.
   *
   * @example HttpMatch.header('end-user', StringMatch.exact('jason'))
   */
  public static header(name: string, match: StringMatch): HttpMatch {
    return new HttpMatch({ headers: { [name]: match } });
  }

  /**
   * Matches requests whose query parameter `name` matches `match`.
   *
   * @example HttpMatch.queryParam('version', StringMatch.exact('v2'))
   */
  public static queryParam(name: string, match: StringMatch): HttpMatch {
    return new HttpMatch({ queryParams: { [name]: match } });
  }

  private readonly options: HttpMatchOptions;

  private constructor(options: HttpMatchOptions) {
    this.options = { ...options };
  }

  /** The conditions of this match (a copy). */
  public get conditions(): HttpMatchOptions {
    return { ...this.options };
  }

  /**
   * The Istio form of this match.
   * @internal
   */
  public _toIstio(ctx: _RouteContext): any {
    const o = this.options;
    const map = (m?: { [name: string]: StringMatch }) =>
      m ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v._toIstio()])) : undefined;
    const out: any = {
      name: o.name,
      uri: o.uri?._toIstio(),
      scheme: o.scheme?._toIstio(),
      method: o.method?._toIstio(),
      authority: o.authority?._toIstio(),
      headers: map(o.headers),
      withoutHeaders: map(o.withoutHeaders),
      queryParams: map(o.queryParams),
      ignoreUriCase: o.ignoreUriCase,
      port: o.port,
      sourceLabels: o.sourceLabels ? { ...o.sourceLabels } : undefined,
      sourceNamespace: o.sourceNamespace,
      gateways: o.gateways?.map((g) => g._toIstio(ctx)),
      statPrefix: o.statPrefix,
    };
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
  }

  /**
   * Records the problems of this match (relative to `match[i]`).
   * @internal
   */
  public _validate(problems: ProblemCollector): void {
    const o = this.options;
    o.uri?._validate(problems.at('uri'), 'uri');
    for (const field of ['scheme', 'method', 'authority'] as const) {
      o[field]?._validate(problems.at(field));
    }
    for (const field of ['headers', 'withoutHeaders'] as const) {
      for (const [name, m] of Object.entries(o[field] ?? {})) {
        const at = `${field}.${name}`;
        if (!name.startsWith(JWT_CLAIM_PREFIX) && !PSEUDO_HEADERS.has(name)) {
          const p = headerNameProblem(name);
          // Istio accepts uppercase letters and Envoy matches header names case-insensitively, so
          // an uppercase name only deserves a warning; any other problem is an error
          const onlyCase = p !== undefined && headerNameProblem(name.toLowerCase()) === undefined;
          if (p) problems.add('CI0009', at, name, `header name ${formatValue(name)} ${p}`, `use the lowercase name '${name.toLowerCase()}'`, onlyCase ? Severity.WARNING : Severity.ERROR);
        }
        if (!m) {
          problems.add('CI0015', at, m, `header match ${formatValue(name)} has no value match`, 'pass a StringMatch, e.g. StringMatch.exact(\'v\')');
          continue;
        }
        // withoutHeaders accepts regex '*' as "header present", which is not RE2
        if (field === 'withoutHeaders' && m.kind === 'regex' && m.value === '*') continue;
        m._validate(problems.at(at));
      }
    }
    for (const [name, m] of Object.entries(o.queryParams ?? {})) {
      m?._validate(problems.at(`queryParams.${name}`));
    }
    if (o.port !== undefined) {
      const p = portProblem(o.port);
      if (p) problems.add('CI0003', 'port', o.port, `match port ${formatValue(o.port)} ${p}`, 'use a port from 1 to 65535');
    }
    _validateSourceLabels(o.sourceLabels, problems);
    _validateSourceNamespace(o.sourceNamespace, problems);
    (o.gateways ?? []).forEach((g, i) => g._validate(problems.at(`gateways[${i}]`)));
  }
}

/**
 * Records problems of a `sourceLabels` map.
 * @internal
 */
export function _validateSourceLabels(labels: { [key: string]: string } | undefined, problems: ProblemCollector): void {
  validateLabelMap(problems, 'sourceLabels', labels ?? {}, { what: 'source label' });
}

/**
 * Records problems of a `sourceNamespace`.
 * @internal
 */
export function _validateSourceNamespace(ns: string | undefined, problems: ProblemCollector): void {
  if (ns === undefined) return;
  const p = dns1123LabelProblem(ns);
  if (p) problems.add('CI0001', 'sourceNamespace', ns, `sourceNamespace ${formatValue(ns)} ${p}`, 'use a namespace name');
}
