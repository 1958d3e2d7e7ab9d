import { Duration } from 'cdk8s';
import { CorsPolicy, _renderCorsPolicy, UnmatchedPreflights } from '../../../lib/istio/routing/cors';
import { _renderDelegate } from '../../../lib/istio/routing/delegate';
import { Destination } from '../../../lib/istio/routing/destination';
import { _renderDirectResponse } from '../../../lib/istio/routing/direct-response';
import { FaultInjection } from '../../../lib/istio/routing/fault';
import { HttpHeaderOperations, _renderHttpHeaderOperations } from '../../../lib/istio/routing/headers';
import { HttpRouteOptions } from '../../../lib/istio/routing/http-route';
import { RedirectPort, _renderRedirect } from '../../../lib/istio/routing/redirect';
import { _renderRetryPolicy, RetryOn } from '../../../lib/istio/routing/retry';
import { _renderRewrite } from '../../../lib/istio/routing/rewrite';
import { StringMatch } from '../../../lib/istio/routing/string-match';
import { routeFindings } from './util';

const route = [{ destination: Destination.fromHost('reviews') }];
/** `[code, field]` of every finding of a VirtualService whose one route has these options (and a destination unless they answer). */
const codesAndFields = (options: Partial<HttpRouteOptions>) => routeFindings({ ...(options.redirect || options.directResponse || options.delegate ? {} : { route }), ...options })
  .map(([code, field, severity]) => (severity === 'warning' ? [code, field, severity] : [code, field]));

describe('FaultInjection', () => {
  test('delay renders fixedDelay and the percentage (100 by default)', () => {
    expect(FaultInjection.delay({ fixedDelay: Duration.seconds(7) })._toIstio()).toEqual({ delay: { fixedDelay: '7s', percentage: { value: 100 } } });
    expect(FaultInjection.delay({ fixedDelay: Duration.millis(500), percentage: 0.5 })._toIstio()).toEqual({ delay: { fixedDelay: '500ms', percentage: { value: 0.5 } } });
  });

  test('abort renders httpStatus or grpcStatus', () => {
    expect(FaultInjection.abort({ httpStatus: 500, percentage: 10 })._toIstio()).toEqual({ abort: { httpStatus: 500, percentage: { value: 10 } } });
    expect(FaultInjection.abort({ grpcStatus: 'UNAVAILABLE' })._toIstio()).toEqual({ abort: { grpcStatus: 'UNAVAILABLE', percentage: { value: 100 } } });
  });

  test('of renders both', () => {
    const f = FaultInjection.of({ delay: { fixedDelay: Duration.seconds(2) }, abort: { httpStatus: 503, percentage: 10 } });
    expect(f._toIstio()).toEqual({ delay: { fixedDelay: '2s', percentage: { value: 100 } }, abort: { httpStatus: 503, percentage: { value: 10 } } });
    expect(codesAndFields({ fault: f })).toEqual([]);
  });

  test('fails (CI0119) with neither delay nor abort, a delay of 0s, a percentage of 150', () => {
    expect(codesAndFields({ fault: FaultInjection.of({}) })).toEqual([['CI0119', 'spec.http[0].fault']]);
    expect(codesAndFields({ fault: FaultInjection.delay({ fixedDelay: Duration.millis(0), percentage: 150 }) }))
      .toEqual([['CI0119', 'spec.http[0].fault.delay.percentage.value'], ['CI0119', 'spec.http[0].fault.delay.fixedDelay']]);
  });

  test('fails (CI0119) on an abort status outside 200-600 and a negative percentage; 600 is a warning (Istio accepts it, Envoy does not)', () => {
    expect(codesAndFields({ fault: FaultInjection.abort({ httpStatus: 199, percentage: -1 }) }))
      .toEqual([['CI0119', 'spec.http[0].fault.abort.percentage.value'], ['CI0119', 'spec.http[0].fault.abort.httpStatus']]);
    expect(codesAndFields({ fault: FaultInjection.abort({ httpStatus: 600 }) })).toEqual([['CI0119', 'spec.http[0].fault.abort.httpStatus', 'warning']]);
  });

  test('abort without a status is the webhook\'s warning; both statuses or an unknown gRPC status are errors (CI0119)', () => {
    expect(codesAndFields({ fault: FaultInjection.abort({}) })).toEqual([['CI0119', 'spec.http[0].fault.abort', 'warning']]);
    expect(codesAndFields({ fault: FaultInjection.abort({ httpStatus: 503, grpcStatus: 'UNAVAILABLE' }) })).toEqual([['CI0119', 'spec.http[0].fault.abort']]);
    expect(codesAndFields({ fault: FaultInjection.abort({ grpcStatus: 'unavailable' }) })).toEqual([['CI0119', 'spec.http[0].fault.abort.grpcStatus']]);
  });
});

describe('retries', () => {
  test('renders every option, retryOn joined with commas', () => {
    expect(_renderRetryPolicy({
      attempts: 3,
      perTryTimeout: Duration.seconds(2),
      retryOn: [RetryOn.GATEWAY_ERROR, RetryOn.CONNECT_FAILURE, RetryOn.RETRIABLE_STATUS_CODES, 503],
      retryRemoteLocalities: true,
      retryIgnorePreviousHosts: false,
      backoff: Duration.millis(50),
    })).toEqual({
      attempts: 3,
      perTryTimeout: '2s',
      retryOn: 'gateway-error,connect-failure,retriable-status-codes,503',
      retryRemoteLocalities: true,
      retryIgnorePreviousHosts: false,
      backoff: '50ms',
    });
    expect(_renderRetryPolicy({ attempts: 0 })).toEqual({ attempts: 0 });
  });

  test('renders the Istio string a plain-JavaScript caller passes as given', () => {
    expect(_renderRetryPolicy({ attempts: 3, retryOn: 'reset,connect-failure, 5xx' as unknown as RetryOn[] }).retryOn).toBe('reset,connect-failure, 5xx');
  });

  test('every RetryOn value is accepted', () => {
    expect(codesAndFields({ retries: { attempts: 2, retryOn: Object.values(RetryOn) } })).toEqual([]);
  });

  test('fails (CI0120) on an unknown retryOn condition or a number that is not an HTTP status', () => {
    expect(codesAndFields({ retries: { attempts: 2, retryOn: ['5XX' as RetryOn, 1000] } })).toEqual([['CI0120', 'spec.http[0].retries.retryOn'], ['CI0120', 'spec.http[0].retries.retryOn']]);
  });

  test('fails (CI0120) on negative attempts, options with 0 attempts, and short durations', () => {
    expect(codesAndFields({ retries: { attempts: -1 } })).toEqual([['CI0120', 'spec.http[0].retries.attempts']]);
    expect(codesAndFields({ retries: { attempts: 0, retryOn: [RetryOn.FIVE_XX] } })).toEqual([['CI0120', 'spec.http[0].retries.attempts']]);
    expect(codesAndFields({ retries: { attempts: 1, perTryTimeout: Duration.millis(0.5), backoff: Duration.millis(0) } }))
      .toEqual([['CI0120', 'spec.http[0].retries.perTryTimeout'], ['CI0120', 'spec.http[0].retries.backoff']]);
  });
});

describe('CORS', () => {
  const full: CorsPolicy = {
    allowOrigins: [StringMatch.exact('https://example.com'), StringMatch.regex('https://.*\\.example\\.com')],
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['content-type', 'X-Custom'],
    exposeHeaders: ['x-request-id'],
    maxAge: Duration.hours(1),
    allowCredentials: true,
    unmatchedPreflights: UnmatchedPreflights.IGNORE,
  };

  test('renders every option', () => {
    expect(_renderCorsPolicy(full)).toEqual({
      allowOrigins: [{ exact: 'https://example.com' }, { regex: 'https://.*\\.example\\.com' }],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['content-type', 'X-Custom'],
      exposeHeaders: ['x-request-id'],
      maxAge: '3600s',
      allowCredentials: true,
      unmatchedPreflights: 'IGNORE',
    });
    expect(codesAndFields({ cors: full })).toEqual([]);
  });

  test('fails on bad origins, methods, headers and maxAge (CI0118), and a non-RE2 origin (CI0109)', () => {
    expect(codesAndFields({
      cors: {
        allowOrigins: [StringMatch.exact(''), StringMatch.regex('(?=x)')],
        allowMethods: ['get', 'FETCH'],
        allowHeaders: ['bad header'],
        exposeHeaders: ['ok', 'x(y)'],
        maxAge: Duration.millis(1500),
      },
    })).toEqual([
      ['CI0109', 'spec.http[0].corsPolicy.allowOrigins[1].regex'],
      ['CI0118', 'spec.http[0].corsPolicy.allowOrigins[0].exact'],
      ['CI0118', 'spec.http[0].corsPolicy.allowMethods[0]'],
      ['CI0118', 'spec.http[0].corsPolicy.allowMethods[1]'],
      ['CI0118', 'spec.http[0].corsPolicy.allowHeaders[0]'],
      ['CI0118', 'spec.http[0].corsPolicy.exposeHeaders[1]'],
      ['CI0118', 'spec.http[0].corsPolicy.maxAge'],
    ]);
  });
});

describe('header operations', () => {
  const ops: HttpHeaderOperations = {
    request: { set: { 'x-env': 'prod', ':authority': 'internal.example.com' }, add: { 'X-Trace': 'on' }, remove: ['x-debug'] },
    response: { set: { 'cache-control': 'no-store' }, remove: ['server'] },
  };

  test('renders request and response operations, omitting empty ones', () => {
    expect(_renderHttpHeaderOperations(ops)).toEqual({
      request: { set: { 'x-env': 'prod', ':authority': 'internal.example.com' }, add: { 'X-Trace': 'on' }, remove: ['x-debug'] },
      response: { set: { 'cache-control': 'no-store' }, remove: ['server'] },
    });
    expect(_renderHttpHeaderOperations({ request: {}, response: { remove: [] } })).toBeUndefined();
    expect(codesAndFields({ headers: ops })).toEqual([]);
  });

  test('fails on pseudo-headers, host outside request set/add (CI0115), control characters (CI0116); a name that is not a token is a warning', () => {
    expect(codesAndFields({
      headers: {
        request: { set: { ':path': '/x', 'bad name': 'v' }, remove: ['host'], add: { 'x-ok': 'a\nb' } },
        response: { set: { host: 'x' }, remove: [''] },
      },
    })).toEqual([
      ['CI0115', "spec.http[0].headers.request.set[':path']"],
      ['CI0115', "spec.http[0].headers.request.set['bad name']", 'warning'],
      ['CI0115', 'spec.http[0].headers.request.remove[0]'],
      ['CI0115', 'spec.http[0].headers.response.set.host'],
      ['CI0115', 'spec.http[0].headers.response.remove[0]'],
      ['CI0116', 'spec.http[0].headers.request.add.x-ok'],
    ]);
  });
});

describe('redirect', () => {
  test('renders every option', () => {
    expect(_renderRedirect({ uri: '/login', authority: 'auth.example.com', scheme: 'https', redirectCode: 308, derivePort: RedirectPort.FROM_REQUEST_PORT }))
      .toEqual({ uri: '/login', authority: 'auth.example.com', scheme: 'https', redirectCode: 308, derivePort: 'FROM_REQUEST_PORT' });
    expect(_renderRedirect({ port: 8443 })).toEqual({ port: 8443 });
  });

  test('fails (CI0121) on a status outside 300-399, a bad scheme, a bad port, port with derivePort, and an empty redirect', () => {
    expect(codesAndFields({ redirect: { uri: '/x', redirectCode: 200, scheme: 'ftp', port: 70000, derivePort: RedirectPort.FROM_PROTOCOL_DEFAULT } })).toEqual([
      ['CI0121', 'spec.http[0].redirect.redirectCode'],
      ['CI0121', 'spec.http[0].redirect.scheme'],
      ['CI0121', 'spec.http[0].redirect.port'],
      ['CI0121', 'spec.http[0].redirect'],
    ]);
    expect(codesAndFields({ redirect: { redirectCode: 301 } })).toEqual([['CI0121', 'spec.http[0].redirect']]);
  });
});

describe('rewrite', () => {
  test('renders uri, authority and uriRegexRewrite', () => {
    expect(_renderRewrite({ uri: '/', authority: 'new.example.com' })).toEqual({ uri: '/', authority: 'new.example.com' });
    expect(_renderRewrite({ uriRegexRewrite: { match: '^/v1(/.*)$', rewrite: '/v2\\1' } })).toEqual({ uriRegexRewrite: { match: '^/v1(/.*)$', rewrite: '/v2\\1' } });
  });

  test('fails on uri with uriRegexRewrite, an empty rewrite, a half regex rewrite (CI0122) and a bad regex (CI0109)', () => {
    expect(codesAndFields({ rewrite: { uri: '/', uriRegexRewrite: { match: '^/a', rewrite: '/b' } } })).toEqual([['CI0122', 'spec.http[0].rewrite.uriRegexRewrite']]);
    expect(codesAndFields({ rewrite: {} })).toEqual([['CI0122', 'spec.http[0].rewrite']]);
    expect(codesAndFields({ rewrite: { uriRegexRewrite: { match: '(?!a)', rewrite: '/' } } })).toEqual([['CI0109', 'spec.http[0].rewrite.uriRegexRewrite.match']]);
    expect(codesAndFields({ rewrite: { uriRegexRewrite: { match: '^/a', rewrite: '' } } })).toEqual([['CI0122', 'spec.http[0].rewrite.uriRegexRewrite.rewrite']]);
  });
});

describe('direct response and delegate', () => {
  test('direct response renders status and a string body', () => {
    expect(_renderDirectResponse({ status: 503, body: 'unavailable' })).toEqual({ status: 503, body: { string: 'unavailable' } });
    expect(_renderDirectResponse({ status: 204 })).toEqual({ status: 204 });
  });

  test('fails (CI0123) on a direct response status outside 200-600 and a body over 1MB; 600 is a warning (Envoy rejects it)', () => {
    expect(codesAndFields({ directResponse: { status: 600 } })).toEqual([['CI0123', 'spec.http[0].directResponse.status', 'warning']]);
    expect(codesAndFields({ directResponse: { status: 199 } })).toEqual([['CI0123', 'spec.http[0].directResponse.status']]);
    expect(codesAndFields({ directResponse: { status: 200, body: 'a'.repeat(1024 * 1024 + 1) } })).toEqual([['CI0123', 'spec.http[0].directResponse.body']]);
  });

  test('delegate renders name and namespace', () => {
    expect(_renderDelegate({ name: 'reviews', namespace: 'nsb' })).toEqual({ name: 'reviews', namespace: 'nsb' });
    expect(_renderDelegate({ name: 'reviews' })).toEqual({ name: 'reviews' });
  });

  test('warns (CI0134) on a delegate name or namespace that no VirtualService can have (Istio does not check them)', () => {
    expect(codesAndFields({ delegate: { name: 'Reviews', namespace: 'ns.b' } }))
      .toEqual([['CI0134', 'spec.http[0].delegate.name', 'warning'], ['CI0134', 'spec.http[0].delegate.namespace', 'warning']]);
  });
});
