import { Duration } from 'cdk8s';
import { ProblemCollector } from '../../../lib/analysis/finding';
import { CorsPolicy, _renderCorsPolicy, UnmatchedPreflights, _validateCorsPolicy } from '../../../lib/istio/routing/cors';
import { _renderDelegate, _validateDelegate } from '../../../lib/istio/routing/delegate';
import { _renderDirectResponse, _validateDirectResponse } from '../../../lib/istio/routing/direct-response';
import { FaultInjection } from '../../../lib/istio/routing/fault';
import { HttpHeaderOperations, _renderHttpHeaderOperations, _validateHttpHeaderOperations } from '../../../lib/istio/routing/headers';
import { RedirectPort, _renderRedirect, _validateRedirect } from '../../../lib/istio/routing/redirect';
import { _renderRetryPolicy, RetryOn, _validateRetryPolicy } from '../../../lib/istio/routing/retry';
import { _renderRewrite, _validateRewrite } from '../../../lib/istio/routing/rewrite';
import { StringMatch } from '../../../lib/istio/routing/string-match';

function problemsOf(fn: (c: ProblemCollector) => void) {
  const c = new ProblemCollector('x');
  fn(c);
  return c.problems;
}
const codesAndFields = (fn: (c: ProblemCollector) => void) => problemsOf(fn).map((p) => [p.code, p.field]);

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
    expect(problemsOf((c) => f._validate(c))).toEqual([]);
  });

  test('fails with neither delay nor abort', () => {
    expect(problemsOf((c) => FaultInjection.of({})._validate(c))[0]).toMatchObject({ code: 'CI0015', field: 'x', message: expect.stringMatching(/neither a delay nor an abort/) });
  });

  test('fails on a delay below 1ms and a percentage above 100', () => {
    expect(codesAndFields((c) => FaultInjection.delay({ fixedDelay: Duration.millis(0), percentage: 150 })._validate(c)))
      .toEqual([['CI0004', 'x.delay.fixedDelay'], ['CI0005', 'x.delay.percentage.value']]);
  });

  test('fails on an abort status outside 200-599 and a negative percentage', () => {
    const problems = problemsOf((c) => FaultInjection.abort({ httpStatus: 600, percentage: -1 })._validate(c));
    expect(problems.map((p) => [p.code, p.field])).toEqual([['CI0006', 'x.abort.httpStatus'], ['CI0005', 'x.abort.percentage.value']]);
    expect(problems[0].message).toMatch(/600 is not in 200-599/);
    expect(codesAndFields((c) => FaultInjection.abort({ httpStatus: 199 })._validate(c))).toEqual([['CI0006', 'x.abort.httpStatus']]);
  });

  test('fails on an abort without a status, with both, or with an unknown gRPC status', () => {
    expect(codesAndFields((c) => FaultInjection.abort({})._validate(c))).toEqual([['CI0015', 'x.abort.httpStatus']]);
    expect(codesAndFields((c) => FaultInjection.abort({ httpStatus: 503, grpcStatus: 'UNAVAILABLE' })._validate(c))).toEqual([['CI0017', 'x.abort']]);
    expect(codesAndFields((c) => FaultInjection.abort({ grpcStatus: 'unavailable' })._validate(c))).toEqual([['CI0017', 'x.abort.grpcStatus']]);
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

  test('every RetryOn value is accepted', () => {
    expect(problemsOf((c) => _validateRetryPolicy({ attempts: 2, retryOn: Object.values(RetryOn) }, c))).toEqual([]);
  });

  test('fails on an unknown retryOn condition or a number that is not an HTTP status', () => {
    const problems = problemsOf((c) => _validateRetryPolicy({ attempts: 2, retryOn: ['5XX' as RetryOn, 1000] }, c));
    expect(problems.map((p) => [p.code, p.field, p.value])).toEqual([['CI0007', 'x.retryOn[0]', '5XX'], ['CI0007', 'x.retryOn[1]', 1000]]);
  });

  test('fails on negative attempts, options with 0 attempts, and short durations', () => {
    expect(codesAndFields((c) => _validateRetryPolicy({ attempts: -1 }, c))).toEqual([['CI0017', 'x.attempts']]);
    expect(codesAndFields((c) => _validateRetryPolicy({ attempts: 0, retryOn: [RetryOn.FIVE_XX] }, c))).toEqual([['CI0017', 'x.attempts']]);
    expect(codesAndFields((c) => _validateRetryPolicy({ attempts: 1, perTryTimeout: Duration.millis(0.5), backoff: Duration.millis(0) }, c)))
      .toEqual([['CI0004', 'x.perTryTimeout'], ['CI0004', 'x.backoff']]);
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
    expect(problemsOf((c) => _validateCorsPolicy(full, c))).toEqual([]);
  });

  test('fails on bad origins, methods, headers and maxAge', () => {
    expect(codesAndFields((c) => _validateCorsPolicy({
      allowOrigins: [StringMatch.exact(''), StringMatch.regex('(?=x)')],
      allowMethods: ['get', 'FETCH'],
      allowHeaders: ['bad header'],
      exposeHeaders: ['ok', 'x(y)'],
      maxAge: Duration.millis(1500),
    }, c))).toEqual([
      ['CI0017', 'x.allowOrigins[0].exact'],
      ['CI0008', 'x.allowOrigins[1].regex'],
      ['CI0017', 'x.allowMethods[0]'],
      ['CI0017', 'x.allowMethods[1]'],
      ['CI0009', 'x.allowHeaders[0]'],
      ['CI0009', 'x.exposeHeaders[1]'],
      ['CI0004', 'x.maxAge'],
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
    expect(problemsOf((c) => _validateHttpHeaderOperations(ops, c))).toEqual([]);
  });

  test('fails on pseudo-headers, host outside request set/add, bad names and control characters', () => {
    expect(codesAndFields((c) => _validateHttpHeaderOperations({
      request: { set: { ':path': '/x', 'bad name': 'v' }, remove: ['host'], add: { 'x-ok': 'a\nb' } },
      response: { set: { host: 'x' }, remove: [''] },
    }, c))).toEqual([
      ['CI0009', 'x.request.set.:path'],
      ['CI0009', 'x.request.set.bad name'],
      ['CI0017', 'x.request.add.x-ok'],
      ['CI0009', 'x.request.remove[0]'],
      ['CI0009', 'x.response.set.host'],
      ['CI0009', 'x.response.remove[0]'],
    ]);
  });
});

describe('redirect', () => {
  test('renders every option', () => {
    expect(_renderRedirect({ uri: '/login', authority: 'auth.example.com', scheme: 'https', redirectCode: 308, derivePort: RedirectPort.FROM_REQUEST_PORT }))
      .toEqual({ uri: '/login', authority: 'auth.example.com', scheme: 'https', redirectCode: 308, derivePort: 'FROM_REQUEST_PORT' });
    expect(_renderRedirect({ port: 8443 })).toEqual({ port: 8443 });
  });

  test('fails on a status outside 300-399, a bad scheme, a bad port, port with derivePort, and an empty redirect', () => {
    expect(codesAndFields((c) => _validateRedirect({ uri: '/x', redirectCode: 200, scheme: 'ftp', port: 0, derivePort: RedirectPort.FROM_PROTOCOL_DEFAULT }, c)))
      .toEqual([['CI0006', 'x.redirectCode'], ['CI0017', 'x.scheme'], ['CI0003', 'x.port'], ['CI0017', 'x.derivePort']]);
    expect(codesAndFields((c) => _validateRedirect({ redirectCode: 301 }, c))).toEqual([['CI0015', 'x']]);
  });
});

describe('rewrite', () => {
  test('renders uri, authority and uriRegexRewrite', () => {
    expect(_renderRewrite({ uri: '/', authority: 'new.example.com' })).toEqual({ uri: '/', authority: 'new.example.com' });
    expect(_renderRewrite({ uriRegexRewrite: { match: '^/v1(/.*)$', rewrite: '/v2\\1' } })).toEqual({ uriRegexRewrite: { match: '^/v1(/.*)$', rewrite: '/v2\\1' } });
  });

  test('fails on uri with uriRegexRewrite, an empty rewrite, a bad regex and a half regex rewrite', () => {
    expect(codesAndFields((c) => _validateRewrite({ uri: '/', uriRegexRewrite: { match: '^/a', rewrite: '/b' } }, c))).toEqual([['CI0017', 'x.uriRegexRewrite']]);
    expect(codesAndFields((c) => _validateRewrite({}, c))).toEqual([['CI0015', 'x']]);
    expect(codesAndFields((c) => _validateRewrite({ uriRegexRewrite: { match: '(?!a)', rewrite: '/' } }, c))).toEqual([['CI0008', 'x.uriRegexRewrite.match']]);
    expect(codesAndFields((c) => _validateRewrite({ uriRegexRewrite: { match: '^/a', rewrite: '' } }, c))).toEqual([['CI0015', 'x.uriRegexRewrite.rewrite']]);
  });
});

describe('direct response and delegate', () => {
  test('direct response renders status and a string body', () => {
    expect(_renderDirectResponse({ status: 503, body: 'unavailable' })).toEqual({ status: 503, body: { string: 'unavailable' } });
    expect(_renderDirectResponse({ status: 204 })).toEqual({ status: 204 });
  });

  test('fails on a direct response status outside 200-599 and a body over 1MB', () => {
    expect(codesAndFields((c) => _validateDirectResponse({ status: 600 }, c))).toEqual([['CI0006', 'x.status']]);
    expect(codesAndFields((c) => _validateDirectResponse({ status: 199 }, c))).toEqual([['CI0006', 'x.status']]);
    expect(codesAndFields((c) => _validateDirectResponse({ status: 200, body: 'a'.repeat(1024 * 1024 + 1) }, c))).toEqual([['CI0017', 'x.body.string']]);
  });

  test('delegate renders name and namespace', () => {
    expect(_renderDelegate({ name: 'reviews', namespace: 'nsb' })).toEqual({ name: 'reviews', namespace: 'nsb' });
    expect(_renderDelegate({ name: 'reviews' })).toEqual({ name: 'reviews' });
  });

  test('fails on a delegate name or namespace that is not DNS-1123', () => {
    expect(codesAndFields((c) => _validateDelegate({ name: 'Reviews', namespace: 'ns.b' }, c))).toEqual([['CI0001', 'x.name'], ['CI0001', 'x.namespace']]);
  });
});
