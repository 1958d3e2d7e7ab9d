import { InvalidHttpTimeout } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-http-timeout';
import { describeCheck, findingsOf, withRoute } from './util';

describeCheck(InvalidHttpTimeout, {
  valid: [
    ['seconds, milliseconds, minutes, fractions', withRoute({ timeout: '10s' })],
    ['1ms', withRoute({ timeout: '1ms' })],
    ['0.5s and 1m30s', withRoute({ timeout: '1m30s' })],
    ['a number is the schema\'s (CI0016)', withRoute({ timeout: 10 })],
  ],
  invalid: [
    ['0s', withRoute({ timeout: '0s' }), [['spec.http[0].timeout']]],
    ['0.5ms', withRoute({ timeout: '0.5ms' }), [['spec.http[0].timeout']]],
    ['not a duration', withRoute({ timeout: '10 seconds' }), [['spec.http[0].timeout']]],
    ['negative', withRoute({ timeout: '-1s' }), [['spec.http[0].timeout']]],
  ],
});

test('CI0127 says how to have no timeout', () => {
  const [f] = findingsOf(InvalidHttpTimeout, withRoute({ timeout: '0s' }));
  expect(f.message).toBe('timeout must be at least 1ms, got 0s');
  expect(f.fix).toMatch(/or leave it out for no timeout/);
});
