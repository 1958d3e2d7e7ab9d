import { Duration } from 'cdk8s';
import { formatValue, ProblemCollector } from '../../analysis/finding';
import { durationProblem, renderDuration } from '../private/duration';
import { percentProblem } from '../../analysis/values/validate';
import { _RouteContext } from './context';
import { CorsPolicy, _renderCorsPolicy, _validateCorsPolicy } from './cors';
import { HttpDelegate, _renderDelegate, _validateDelegate } from './delegate';
import { Destination, HttpRouteDestination, _renderRouteDestinations, _validateRouteDestinations } from './destination';
import { HttpDirectResponse, _renderDirectResponse, _validateDirectResponse } from './direct-response';
import { FaultInjection } from './fault';
import { _authorityFromHeaders, HttpHeaderOperations, _renderHttpHeaderOperations, _validateHttpHeaderOperations } from './headers';
import { HttpMatch } from './http-match';
import { HttpRedirect, _renderRedirect, _validateRedirect } from './redirect';
import { HttpRetryPolicy, _renderRetryPolicy, _validateRetryPolicy } from './retry';
import { HttpRewrite, _renderRewrite, _validateRewrite } from './rewrite';

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
    match: r.match && r.match.length > 0 ? r.match.map((m) => m._toIstio(ctx)) : undefined,
    route: r.route ? _renderRouteDestinations(r.route, ctx) : undefined,
    redirect: r.redirect ? _renderRedirect(r.redirect) : undefined,
    directResponse: r.directResponse ? _renderDirectResponse(r.directResponse) : undefined,
    delegate: r.delegate ? _renderDelegate(r.delegate) : undefined,
    rewrite: r.rewrite ? _renderRewrite(r.rewrite) : undefined,
    headers,
    corsPolicy: r.cors ? _renderCorsPolicy(r.cors) : undefined,
    timeout: r.timeout ? renderDuration(r.timeout) : undefined,
    retries: r.retries ? _renderRetryPolicy(r.retries) : undefined,
    fault: r.fault ? r.fault._toIstio() : undefined,
    mirror: r.mirror ? r.mirror._toIstio(ctx) : undefined,
    mirrorPercentage: r.mirrorPercentage !== undefined ? { value: r.mirrorPercentage } : undefined,
    mirrors: r.mirrors ? r.mirrors.map((m) => ({
      destination: m.destination?._toIstio(ctx),
      ...(m.percentage !== undefined ? { percentage: { value: m.percentage } } : {}),
    })) : undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/**
 * Where an HTTP route is validated.
 * @internal
 */
export interface _HttpRouteValidationContext {
  /** Whether the owning VirtualService is a delegate (its routes cannot delegate again). */
  readonly inDelegate: boolean;
}

/**
 * Records the problems of one HTTP route (relative to `spec.http[i]`), following Istio's webhook
 * (validateHTTPRoute) and the CRD rules.
 * @internal
 */
export function _validateHttpRoute(r: HttpRouteOptions, problems: ProblemCollector, ctx: _HttpRouteValidationContext): void {
  validateActions(r, problems, ctx);

  (r.match ?? []).forEach((m, i) => m._validate(problems.at(`match[${i}]`)));
  if (r.route && r.route.length > 0) _validateRouteDestinations(r.route, problems.at('route'));
  if (r.redirect) _validateRedirect(r.redirect, problems.at('redirect'));
  if (r.directResponse) _validateDirectResponse(r.directResponse, problems.at('directResponse'));
  if (r.delegate) _validateDelegate(r.delegate, problems.at('delegate'));
  if (r.rewrite) _validateRewrite(r.rewrite, problems.at('rewrite'));
  if (r.headers) _validateHttpHeaderOperations(r.headers, problems.at('headers'));
  if (r.cors) _validateCorsPolicy(r.cors, problems.at('corsPolicy'));
  if (r.retries) _validateRetryPolicy(r.retries, problems.at('retries'));
  r.fault?._validate(problems.at('fault'));

  const headerAuthority = _authorityFromHeaders(r.headers);
  if (r.rewrite?.authority && headerAuthority) {
    problems.add('CI0017', `headers.${headerAuthority.field}`, headerAuthority.value,
      `the authority is set twice: rewrite.authority ${formatValue(r.rewrite.authority)} and header ${formatValue(headerAuthority.value)}`,
      'set the authority in one place only (rewrite.authority)');
  }

  if (r.timeout) {
    const p = durationProblem(r.timeout);
    if (p) problems.add('CI0004', 'timeout', `${r.timeout.toMilliseconds({ integral: false })}ms`, `timeout ${p}`, 'use Duration.millis(1) or more');
  }

  // mirroring
  if (r.mirror && r.mirrors && r.mirrors.length > 0) {
    problems.add('CI0017', 'mirrors', r.mirrors.length, 'route has both mirror and mirrors', 'move the mirror into mirrors: [{ destination, percentage }]');
  }
  if (r.mirror) r.mirror._validate(problems.at('mirror'));
  if (r.mirrorPercentage !== undefined) {
    if (!r.mirror) {
      problems.add('CI0015', 'mirror', undefined, `mirrorPercentage ${formatValue(r.mirrorPercentage)} is set without a mirror`,
        'add mirror: Destination.fromService(...), or use mirrors: [{ destination, percentage }]');
    }
    const p = percentProblem(r.mirrorPercentage);
    if (p) problems.add('CI0005', 'mirrorPercentage.value', r.mirrorPercentage, `mirrorPercentage ${formatValue(r.mirrorPercentage)} ${p}`, 'use a percentage from 0 to 100');
  }
  (r.mirrors ?? []).forEach((m, i) => {
    const at = problems.at(`mirrors[${i}]`);
    if (!m || !m.destination) {
      at.add('CI0015', 'destination', undefined, `mirrors entry ${i} has no destination`, 'pass { destination: Destination.fromService(svc) }');
      return;
    }
    m.destination._validate(at.at('destination'));
    if (m.percentage !== undefined) {
      const p = percentProblem(m.percentage);
      if (p) at.add('CI0005', 'percentage.value', m.percentage, `mirror percentage ${formatValue(m.percentage)} ${p}`, 'use a percentage from 0 to 100');
    }
  });
}

function validateActions(r: HttpRouteOptions, problems: ProblemCollector, ctx: _HttpRouteValidationContext): void {
  const actions: string[] = [];
  if (r.route !== undefined) actions.push('route');
  if (r.redirect) actions.push('redirect');
  if (r.directResponse) actions.push('directResponse');
  if (r.delegate) actions.push('delegate');

  if (actions.length === 0) {
    problems.add('CI0010', '', undefined, 'HTTP route has no action: none of route, redirect, directResponse or delegate',
      'add route: [{ destination: Destination.fromService(svc) }], or a redirect, directResponse or delegate');
  } else if (actions.length > 1) {
    problems.add('CI0010', actions[1], actions, `HTTP route has more than one action: ${actions.join(' and ')}`,
      'keep exactly one of route, redirect, directResponse and delegate (split the route in two if you need both)');
  }
  if (r.route !== undefined && r.route.length === 0) {
    problems.add('CI0015', 'route', [], 'HTTP route has an empty route list: no destination', 'add at least one destination, e.g. [{ destination: Destination.fromService(svc) }]');
  }
  // Istio: a redirect or a direct response is answered by the proxy, so nothing is forwarded to fault or rewrite
  for (const answered of ['redirect', 'directResponse'] as const) {
    if (!r[answered]) continue;
    if (r.fault) problems.add('CI0010', 'fault', undefined, `HTTP route has both fault and ${answered}`, `remove the fault, or forward with route instead of ${answered}`);
    if (r.rewrite) problems.add('CI0010', 'rewrite', undefined, `HTTP route has both rewrite and ${answered}`, `remove the rewrite (a ${answered} is answered by the proxy)`);
  }
  if (r.delegate && ctx.inDelegate) {
    problems.add('CI0017', 'delegate', r.delegate.name, `route of a delegate VirtualService delegates again to ${formatValue(r.delegate.name)}; only one level of delegation is supported`,
      'route to destinations here, or delegate from the root VirtualService instead');
  }
}
