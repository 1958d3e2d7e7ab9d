import { InvalidJwtTokenLocation } from '../../../../../lib/analysis/checks/object/security/invalid-jwt-token-location';
import { brief, requestAuthn, run, SECURITY_VERSIONS } from '../run';

const check = (rule: unknown, apiVersion?: string) => brief(run(InvalidJwtTokenLocation, requestAuthn({ jwtRules: [{ issuer: 'example', ...rule as object }] }, apiVersion)));

describe('InvalidJwtTokenLocation', () => {
  test('passes named headers, params and cookies', () => {
    expect(check({ fromHeaders: [{ name: 'x-jwt-assertion', prefix: 'Bearer ' }], fromParams: ['access_token'], fromCookies: ['session'] })).toEqual([]);
  });

  test.each([
    ['a header without name', { fromHeaders: [{ prefix: 'baz' }] }, ['error spec.jwtRules[0].fromHeaders[0].name']],
    ['a header with an empty name', { fromHeaders: [{ name: '', prefix: 'baz' }] }, ['error spec.jwtRules[0].fromHeaders[0].name']],
    ['a null header', { fromHeaders: [null] }, ['error spec.jwtRules[0].fromHeaders[0]']],
    ['an empty param', { fromParams: ['token', ''] }, ['error spec.jwtRules[0].fromParams[1]']],
    ['an empty cookie', { fromCookies: [''] }, ['error spec.jwtRules[0].fromCookies[0]']],
  ])('fails: %s', (_, rule, expected) => {
    expect(check(rule)).toEqual(expected);
  });

  test('says what to write', () => {
    const [f] = run(InvalidJwtTokenLocation, requestAuthn({ jwtRules: [{ issuer: 'x', fromHeaders: [{ name: '' }] }] }));
    expect(f.message).toBe('a fromHeaders entry needs the name of the header that carries the token');
    expect(f.fix).toBe('set spec.jwtRules[0].fromHeaders[0].name, such as x-jwt-assertion (and prefix: "Bearer " to strip a prefix)');
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check({ fromParams: [''] }, apiVersion)).toEqual(['error spec.jwtRules[0].fromParams[0]']);
  });
});
