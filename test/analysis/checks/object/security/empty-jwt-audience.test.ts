import { EmptyJwtAudience } from '../../../../../lib/analysis/checks/object/security/empty-jwt-audience';
import { brief, requestAuthn, run, SECURITY_VERSIONS } from '../run';

const check = (audiences: unknown, apiVersion?: string) => brief(run(EmptyJwtAudience, requestAuthn({ jwtRules: [{ issuer: 'example', audiences }] }, apiVersion)));

describe('EmptyJwtAudience', () => {
  test('passes audiences', () => {
    expect(check(['bookinfo', 'https://api.example.com'])).toEqual([]);
  });

  test('fails on an empty audience, and says that no audiences accepts any', () => {
    const findings = run(EmptyJwtAudience, requestAuthn({ jwtRules: [{ issuer: 'example', audiences: ['a', ''] }] }));
    expect(brief(findings)).toEqual(['error spec.jwtRules[0].audiences[1]']);
    expect(findings[0].fix).toMatch(/no audiences accepts any audience/);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check([''], apiVersion)).toEqual(['error spec.jwtRules[0].audiences[0]']);
  });
});
