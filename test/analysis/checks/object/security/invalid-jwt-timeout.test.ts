import { InvalidJwtTimeout } from '../../../../../lib/analysis/checks/object/security/invalid-jwt-timeout';
import { brief, requestAuthn, run, SECURITY_VERSIONS } from '../run';

const check = (timeout: unknown, apiVersion?: string) => brief(run(InvalidJwtTimeout, requestAuthn({ jwtRules: [{ issuer: 'example', timeout }] }, apiVersion)));

describe('InvalidJwtTimeout', () => {
  test.each(['5s', '500ms', '1m', '1.5s'])('passes %s', (timeout) => {
    expect(check(timeout)).toEqual([]);
  });

  test.each([
    ['not a duration (Istio\'s CRD example)', 'apple'],
    ['below 1ms', '500us'],
    ['finer than a millisecond', '1.5ms'],
    ['zero', '0s'],
  ])('fails: %s', (_, timeout) => {
    expect(check(timeout)).toEqual(['error spec.jwtRules[0].timeout']);
  });

  test('names the value', () => {
    expect(run(InvalidJwtTimeout, requestAuthn({ jwtRules: [{ issuer: 'x', timeout: 'apple' }] }))[0].message)
      .toBe('timeout must be a duration such as \'500ms\', \'10s\' or \'1m\', got "apple"');
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check('0.1ms', apiVersion)).toEqual(['error spec.jwtRules[0].timeout']);
  });
});
