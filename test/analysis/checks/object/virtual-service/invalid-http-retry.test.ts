import { InvalidHttpRetry } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-http-retry';
import { describeCheck, findingsOf, withRoute } from './util';

const retries = (r: unknown) => withRoute({ retries: r });

describeCheck(InvalidHttpRetry, {
  valid: [
    ['conditions and statuses', retries({ attempts: 3, perTryTimeout: '2s', retryOn: '5xx,gateway-error,connect-failure,refused-stream,retriable-status-codes,503,unavailable', backoff: '25ms' })],
    ['attempts 0 alone (retries off)', retries({ attempts: 0 })],
    ['attempts 0 with retryIgnorePreviousHosts and backoff (not in the webhook\'s list)', retries({ attempts: 0, retryIgnorePreviousHosts: true, backoff: '1s' })],
  ],
  invalid: [
    ['negative attempts', retries({ attempts: -1 }), [['spec.http[0].retries.attempts']]],
    ['options while attempts is missing', retries({ perTryTimeout: '2s', retryRemoteLocalities: false }), [['spec.http[0].retries.attempts']]],
    ['a space after a comma', retries({ attempts: 3, retryOn: 'reset,connect-failure, 5xx' }), [['spec.http[0].retries.retryOn']]],
    ['a typo and a status without standard text', retries({ attempts: 3, retryOn: 'connect-failures,520' }), [['spec.http[0].retries.retryOn'], ['spec.http[0].retries.retryOn']]],
    ['uppercase 5XX and a trailing comma', retries({ attempts: 3, retryOn: '5XX,' }), [['spec.http[0].retries.retryOn'], ['spec.http[0].retries.retryOn']]],
    ['a perTryTimeout of 0.5ms and a backoff of 0s', retries({ attempts: 1, perTryTimeout: '0.5ms', backoff: '0s' }), [['spec.http[0].retries.perTryTimeout'], ['spec.http[0].retries.backoff']]],
  ],
});

test('CI0120 shows the retryOn without spaces', () => {
  const [f] = findingsOf(InvalidHttpRetry, retries({ attempts: 3, retryOn: 'reset,connect-failure, 5xx' }));
  expect(f.value).toBe(' 5xx');
  expect(f.message).toBe('retryOn policy \' 5xx\' is not an Envoy retry condition nor an HTTP status (the spaces are part of it: retryOn is split on \',\' only)');
  expect(f.fix).toBe('remove the spaces: retryOn: \'reset,connect-failure,5xx\'');
});
