import { InvalidJwtIssuer } from '../../../../../lib/analysis/checks/object/security/invalid-jwt-issuer';
import { brief, requestAuthn, run, SECURITY_VERSIONS } from '../run';

const check = (rule: unknown, apiVersion?: string) => brief(run(InvalidJwtIssuer, requestAuthn({ jwtRules: [rule] }, apiVersion)));

describe('InvalidJwtIssuer', () => {
  test.each([
    ['an issuer', { issuer: 'https://issuer.example.com' }],
    ['a jwksUri without issuer (any issuer whose keys verify)', { jwksUri: 'https://issuer.example.com/jwks.json' }],
    ['a jwks_uri without issuer', { jwks_uri: 'https://issuer.example.com/jwks.json' }],
  ])('passes: %s', (_, rule) => {
    expect(check(rule)).toEqual([]);
  });

  test.each([
    ['neither issuer nor jwksUri', { audiences: ['a'] }, 'a JWT rule needs an issuer or a jwksUri; Istio rejects a rule with neither'],
    ['an empty issuer and an empty jwksUri', { issuer: '', jwksUri: '' }, 'a JWT rule needs an issuer or a jwksUri; Istio rejects a rule with neither'],
    ['an empty issuer with a jwksUri', { issuer: '', jwksUri: 'https://issuer.example.com/jwks.json' }, 'issuer is an empty string; the CRD requires at least 1 character'],
  ])('fails: %s', (_, rule, message) => {
    const findings = run(InvalidJwtIssuer, requestAuthn({ jwtRules: [rule] }));
    expect(brief(findings)).toEqual(['error spec.jwtRules[0].issuer']);
    expect(findings[0].message).toBe(message);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check({}, apiVersion)).toEqual(['error spec.jwtRules[0].issuer']);
  });
});
