import { Severity } from '../../../../../lib/analysis/finding';
import { InvalidDirectResponse } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-direct-response';
import { describeCheck, findingsOf, spec } from './util';

const direct = (d: unknown) => spec({ http: [{ directResponse: d }] });

describeCheck(InvalidDirectResponse, {
  valid: [
    ['a 503 with a small body', direct({ status: 503, body: { string: 'maintenance' } })],
    ['200 and 599', spec({ http: [{ directResponse: { status: 200 } }, { directResponse: { status: 599, body: { bytes: 'aGk=' } } }] })],
    ['a body of exactly 100KB', direct({ status: 200, body: { string: 'x'.repeat(100 * 1024) } })],
  ],
  invalid: [
    ['a 700 status', direct({ status: 700 }), [['spec.http[0].directResponse.status']]],
    ['no status (0)', direct({ body: { string: 'x' } }), [['spec.http[0].directResponse.status']]],
    ['a 600 status (Envoy rejects it)', direct({ status: 600 }), [['spec.http[0].directResponse.status', Severity.WARNING]]],
    ['a body above 100KB (the webhook\'s warning)', direct({ status: 200, body: { string: 'x'.repeat(100 * 1024 + 1) } }), [['spec.http[0].directResponse.body', Severity.WARNING]]],
    ['a body above 1MB', direct({ status: 200, body: { string: 'x'.repeat(1024 * 1024 + 1) } }), [['spec.http[0].directResponse.body']]],
  ],
});

test('CI0123 names the status', () => {
  expect(findingsOf(InvalidDirectResponse, direct({ status: 700 }))[0].message).toBe('directResponse status 700 is not in 200-599');
});
