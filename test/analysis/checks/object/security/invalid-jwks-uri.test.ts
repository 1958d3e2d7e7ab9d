import { InvalidJwksUri } from '../../../../../lib/analysis/checks/object/security/invalid-jwks-uri';
import { brief, requestAuthn, run, SECURITY_VERSIONS } from '../run';

const check = (rule: unknown, apiVersion?: string) => brief(run(InvalidJwksUri, requestAuthn({ jwtRules: [{ issuer: 'example', ...rule as object }] }, apiVersion)));

describe('InvalidJwksUri', () => {
  test.each([
    'https://example.com/.well-known/jwks.json', 'http://keys.internal:8080/jwks', 'HTTPS://EXAMPLE.COM/jwks',
  ])('passes: %s', (uri) => {
    expect(check({ jwksUri: uri })).toEqual([]);
  });

  test.each([
    ['a file URL', 'file:///etc/jwks.json', 'has the scheme \'file\'; only http and https are supported'],
    ['no scheme', 'example.com/jwks.json', 'has no http:// or https:// scheme'],
    ['a control character (Istio\'s CRD example)', 'hTPp\\\blah', 'contains a control character'],
    ['a bad port', 'https://example.com:port/jwks', 'is not a valid URL'],
  ])('fails: %s', (_, uri, problem) => {
    const findings = run(InvalidJwksUri, requestAuthn({ jwtRules: [{ jwksUri: uri }] }));
    expect(brief(findings)).toEqual(['error spec.jwtRules[0].jwksUri']);
    expect(findings[0].message).toBe(`jwksUri ${JSON.stringify(uri)} ${problem}`);
  });

  test('checks the proto spelling jwks_uri that imported classes render', () => {
    expect(check({ jwks_uri: 'ftp://keys' })).toEqual(['error spec.jwtRules[0].jwks_uri']);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check({ jwksUri: 'not a url' }, apiVersion)).toEqual(['error spec.jwtRules[0].jwksUri']);
  });
});
