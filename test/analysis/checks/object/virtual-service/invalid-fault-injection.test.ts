import { Severity } from '../../../../../lib/analysis/finding';
import { InvalidFaultInjection } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-fault-injection';
import { describeCheck, findingsOf, withRoute } from './util';

const fault = (f: unknown) => withRoute({ fault: f });
const W = Severity.WARNING;

describeCheck(InvalidFaultInjection, {
  valid: [
    ['a delay and an abort', fault({ delay: { fixedDelay: '7s', percentage: { value: 100 } }, abort: { httpStatus: 500, percentage: { value: 0.5 } } })],
    ['a gRPC abort', fault({ abort: { grpcStatus: 'UNAVAILABLE' } })],
    ['percentage 0 and 0.0001', fault({ delay: { fixedDelay: '1ms', percentage: { value: 0 } }, abort: { httpStatus: 599, percentage: { value: 0.0001 } } })],
  ],
  invalid: [
    ['neither abort nor delay', fault({}), [['spec.http[0].fault']]],
    ['a delay percentage of 150', fault({ delay: { fixedDelay: '7s', percentage: { value: 150 } } }), [['spec.http[0].fault.delay.percentage.value']]],
    ['an abort percentage below 0.0001', fault({ abort: { httpStatus: 503, percentage: { value: 0.00001 } } }), [['spec.http[0].fault.abort.percentage.value']]],
    ['an abort status 700', fault({ abort: { httpStatus: 700 } }), [['spec.http[0].fault.abort.httpStatus']]],
    ['an abort status 600 (Envoy rejects it)', fault({ abort: { httpStatus: 600 } }), [['spec.http[0].fault.abort.httpStatus', W]]],
    ['a gRPC status typo', fault({ abort: { grpcStatus: 'UNAVAILABEL' } }), [['spec.http[0].fault.abort.grpcStatus']]],
    ['an http2Error', fault({ abort: { http2Error: 'X' } }), [['spec.http[0].fault.abort.http2Error']]],
    ['an abort without error type (the webhook\'s warning)', fault({ abort: { percentage: { value: 10 } } }), [['spec.http[0].fault.abort', W]]],
    ['httpStatus and grpcStatus', fault({ abort: { httpStatus: 503, grpcStatus: 'UNAVAILABLE' } }), [['spec.http[0].fault.abort']]],
    ['a fixedDelay of 0s', fault({ delay: { fixedDelay: '0s' } }), [['spec.http[0].fault.delay.fixedDelay']]],
    ['an exponentialDelay', fault({ delay: { exponentialDelay: '1s' } }), [['spec.http[0].fault.delay.exponentialDelay']]],
    ['fixedDelay and exponentialDelay', fault({ delay: { fixedDelay: '1s', exponentialDelay: '1s' } }), [['spec.http[0].fault.delay'], ['spec.http[0].fault.delay.exponentialDelay']]],
    ['a delay without fixedDelay (nothing is delayed)', fault({ delay: { percent: 50 } }), [['spec.http[0].fault.delay.fixedDelay', W]]],
  ],
});

test('CI0119 names the percentage and the allowed range', () => {
  const [f] = findingsOf(InvalidFaultInjection, fault({ delay: { fixedDelay: '7s', percentage: { value: 150 } } }));
  expect(f.message).toBe('delay percentage 150 is neither 0 nor in 0.0001-100');
  expect(f.fix).toMatch(/percentage: \{ value: 10 \}/);
});
