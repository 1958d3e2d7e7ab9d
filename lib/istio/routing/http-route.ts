import { Duration } from 'cdk8s';
import { renderDuration } from '../private/duration';
import { renderList, renderValue } from '../private/render';
import { _RouteContext } from './context';
import { CorsPolicy, _renderCorsPolicy } from './cors';
import { HttpDelegate, _renderDelegate } from './delegate';
import { Destination, HttpRouteDestination, _renderRouteDestinations } from './destination';
import { HttpDirectResponse, _renderDirectResponse } from './direct-response';
import { FaultInjection } from './fault';
import { HttpHeaderOperations, _renderHttpHeaderOperations } from './headers';
import { HttpMatch } from './http-match';
import { HttpRedirect, _renderRedirect } from './redirect';
import { HttpRetryPolicy, _renderRetryPolicy } from './retry';
import { HttpRewrite, _renderRewrite } from './rewrite';

/**
 * A destination that receives a copy of the traffic, with the share copied.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPMirrorPolicy
 */
export interface HttpMirror {
  /** Where copies are sent (responses are ignored). */
  readonly destination: Destination;

  /**
   * The percentage of requests copied, 0-100 (fractions allowed).
   *
   * @default - all requests (Istio's default)
   */
  readonly percentage?: number;
}

/**
 * One HTTP route of a VirtualService: the conditions (`match`) and exactly one action —
 * forward (`route`), `redirect`, `directResponse` or `delegate` — plus policies applied on the way.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRoute
 */
export interface HttpRouteOptions {
  /**
   * The route name, shown in access logs and metrics. Unique within the VirtualService.
   *
   * @default - unnamed
   */
  readonly name?: string;

  /**
   * The conditions, any of which applies the route (OR; conditions inside one `HttpMatch` are AND).
   *
   * @default - every request matches
   */
  readonly match?: HttpMatch[];

  /**
   * Forward to these weighted destinations.
   *
   * @default - no forwarding; give `redirect`, `directResponse` or `delegate` instead
   */
  readonly route?: HttpRouteDestination[];

  /**
   * Answer with a redirect.
   *
   * @default - no redirect
   */
  readonly redirect?: HttpRedirect;

  /**
   * Answer with a fixed response.
   *
   * @default - no direct response
   */
  readonly directResponse?: HttpDirectResponse;

  /**
   * Hand the matching requests to the HTTP routes of another VirtualService (a `VirtualService`
   * construct, or `{ name, namespace }`).
   *
   * @default - no delegation
   */
  readonly delegate?: HttpDelegate;

  /**
   * Rewrite the path or authority before forwarding.
   *
   * @default - the request is forwarded unchanged
   */
  readonly rewrite?: HttpRewrite;

  /**
   * Request and response header operations.
   *
   * @default - headers are left alone
   */
  readonly headers?: HttpHeaderOperations;

  /**
   * The Cross-Origin Resource Sharing policy.
   *
   * @default - no CORS handling at the proxy
   */
  readonly cors?: CorsPolicy;

  /**
   * The timeout of the whole request, retries included (at least 1ms).
   *
   * @default - no timeout (Istio's default)
   */
  readonly timeout?: Duration;

  /**
   * The retry policy.
   *
   * @default - Istio's default retry policy (2 attempts)
   */
  readonly retries?: HttpRetryPolicy;

  /**
   * Faults to inject (delays, aborts).
   *
   * @default - no fault injection
   */
  readonly fault?: FaultInjection;

  /**
   * Copy the traffic to this destination as well. Not together with `mirrors`.
   *
   * @default - no mirroring
   */
  readonly mirror?: Destination;

  /**
   * The percentage of requests copied to `mirror`, 0-100. Rendered as `mirrorPercentage`
   * (never the deprecated `mirrorPercent`).
   *
   * @default - all requests (Istio's default)
   */
  readonly mirrorPercentage?: number;

  /**
   * Copy the traffic to several destinations. Not together with `mirror`.
   *
   * @default - no mirroring
   */
  readonly mirrors?: HttpMirror[];
}

/**
 * The Istio form of an HTTP route.
 * @internal
 */
export function _renderHttpRoute(r: HttpRouteOptions, ctx: _RouteContext): any {
  const headers = r.headers ? _renderHttpHeaderOperations(r.headers) : undefined;
  const out: any = {
    name: r.name,
    match: r.match && r.match.length > 0 ? renderList(r.match, (m) => renderValue(m, ctx)) : undefined,
    route: r.route ? _renderRouteDestinations(r.route, ctx) : undefined,
    redirect: r.redirect ? _renderRedirect(r.redirect) : undefined,
    directResponse: r.directResponse ? _renderDirectResponse(r.directResponse) : undefined,
    delegate: r.delegate ? _renderDelegate(r.delegate) : undefined,
    rewrite: r.rewrite ? _renderRewrite(r.rewrite) : undefined,
    headers,
    corsPolicy: r.cors ? _renderCorsPolicy(r.cors) : undefined,
    timeout: r.timeout ? renderDuration(r.timeout) : undefined,
    retries: r.retries ? _renderRetryPolicy(r.retries) : undefined,
    fault: r.fault ? renderValue(r.fault) : undefined,
    mirror: r.mirror ? renderValue(r.mirror, ctx) : undefined,
    mirrorPercentage: r.mirrorPercentage !== undefined ? { value: r.mirrorPercentage } : undefined,
    mirrors: r.mirrors ? renderList(r.mirrors, (m) => (m ? {
      destination: renderValue(m.destination, ctx),
      ...(m.percentage !== undefined ? { percentage: { value: m.percentage } } : {}),
    } : m)) : undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
