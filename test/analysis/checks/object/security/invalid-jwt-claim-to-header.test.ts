import { InvalidJwtClaimToHeader } from '../../../../../lib/analysis/checks/object/security/invalid-jwt-claim-to-header';
import { brief, requestAuthn, run, SECURITY_VERSIONS } from '../run';

const check = (rule: unknown, apiVersion?: string) => brief(run(InvalidJwtClaimToHeader, requestAuthn({ jwtRules: [{ issuer: 'example', ...rule as object }] }, apiVersion)));

describe('InvalidJwtClaimToHeader', () => {
  test('passes token header names', () => {
    expect(check({ outputClaimToHeaders: [{ claim: 'sub', header: 'x-jwt-sub' }, { claim: 'nested.key', header: 'X_Group' }], outputPayloadToHeader: 'x-jwt-payload' })).toEqual([]);
  });

  test.each([
    ['a null entry', { outputClaimToHeaders: [null] }, ['error spec.jwtRules[0].outputClaimToHeaders[0]']],
    ['an empty claim', { outputClaimToHeaders: [{ claim: '', header: 'h' }] }, ['error spec.jwtRules[0].outputClaimToHeaders[0].claim']],
    ['no header', { outputClaimToHeaders: [{ claim: 'x' }] }, ['error spec.jwtRules[0].outputClaimToHeaders[0].header']],
    ['a pseudo-header', { outputClaimToHeaders: [{ claim: 'x', header: ':authority' }] }, ['error spec.jwtRules[0].outputClaimToHeaders[0].header']],
    ['a payload header with a space (a warning: Istio does not check it)', { outputPayloadToHeader: 'x jwt payload' }, ['warning spec.jwtRules[0].outputPayloadToHeader']],
  ])('fails: %s', (_, rule, expected) => {
    expect(check(rule)).toEqual(expected);
  });

  test('says which characters a header name may have', () => {
    const [f] = run(InvalidJwtClaimToHeader, requestAuthn({ jwtRules: [{ issuer: 'x', outputClaimToHeaders: [{ claim: 'sub', header: 'x:sub' }] }] }));
    expect(f.message).toBe('header name \'x:sub\' may only contain letters, digits, \'-\' and \'_\'');
    expect(f.fix).toBe('use a header name such as x-jwt-sub');
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check({ outputClaimToHeaders: [{ claim: 'x', header: 'a b' }] }, apiVersion)).toEqual(['error spec.jwtRules[0].outputClaimToHeaders[0].header']);
  });
});
