import { RequestAuthenticationWithoutRules } from '../../../../../lib/analysis/checks/object/security/request-authentication-without-rules';
import { brief, requestAuthn, run, SECURITY_VERSIONS } from '../run';

const check = (spec: unknown, apiVersion?: string) => brief(run(RequestAuthenticationWithoutRules, requestAuthn(spec, apiVersion)));

describe('RequestAuthenticationWithoutRules', () => {
  test('passes a RequestAuthentication with a JWT rule', () => {
    expect(check({ jwtRules: [{ issuer: 'example' }] })).toEqual([]);
  });

  test.each([
    ['no jwtRules', {}],
    ['an empty jwtRules list', { jwtRules: [] }],
  ])('warns: %s', (_, spec) => {
    const findings = run(RequestAuthenticationWithoutRules, requestAuthn(spec));
    expect(brief(findings)).toEqual(['warning spec.jwtRules']);
    expect(findings[0].message).toMatch(/has no effect \(stricter than Istio, which accepts it\)$/);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check({}, apiVersion)).toEqual(['warning spec.jwtRules']);
  });
});
