import { renderList, renderMap, renderValue } from '../private/render';
import { _RouteContext } from './context';
import { GatewayBinding } from './gateway-binding';
import { StringMatch } from './string-match';

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
   * Request headers that must match, by name (in any case: Envoy matches header names
   * case-insensitively). Pseudo-headers (`:method`) and JWT claims (`@request.auth.claims.group`,
   * gateways only) are accepted as names.
   *
   * @default - no header condition
   */
  readonly headers?: { [name: string]: StringMatch };

  /**
   * Request headers that must NOT match, by name.
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
    const out: any = {
      name: o.name,
      uri: renderValue(o.uri),
      scheme: renderValue(o.scheme),
      method: renderValue(o.method),
      authority: renderValue(o.authority),
      headers: renderMap(o.headers),
      withoutHeaders: renderMap(o.withoutHeaders),
      queryParams: renderMap(o.queryParams),
      ignoreUriCase: o.ignoreUriCase,
      port: o.port,
      sourceLabels: o.sourceLabels ? { ...o.sourceLabels } : undefined,
      sourceNamespace: o.sourceNamespace,
      gateways: renderList(o.gateways, (g) => renderValue(g, ctx)),
      statPrefix: o.statPrefix,
    };
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
  }
}
