import { InvalidJwks } from '../../../../../lib/analysis/checks/object/security/invalid-jwks';
import { brief, requestAuthn, run, SECURITY_VERSIONS } from '../run';

const RSA_PUBLIC = { kty: 'RSA', e: 'AQAB', n: 'xGOr-H7A-PWG3v0XkAlbuQ' };
const jwks = (value: unknown) => JSON.stringify(value);
const check = (rule: unknown, apiVersion?: string) => brief(run(InvalidJwks, requestAuthn({ jwtRules: [{ issuer: 'example', ...rule as object }] }, apiVersion)));

describe('InvalidJwks', () => {
  test.each([
    ['a key set of public keys', { jwks: jwks({ keys: [RSA_PUBLIC, { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' }] }) }],
    ['a single key', { jwks: jwks({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }) }],
    ['a jwksUri alone', { jwksUri: 'https://example.com/jwks.json' }],
  ])('passes: %s', (_, rule) => {
    expect(check(rule)).toEqual([]);
  });

  test.each([
    ['jwks together with jwksUri', { jwksUri: 'https://example.com/jwks.json', jwks: jwks({ keys: [RSA_PUBLIC] }) }, ['error spec.jwtRules[0]']],
    ['jwksUri together with jwks_uri', { jwksUri: 'https://example.com/a', jwks_uri: 'https://example.com/b' }, ['error spec.jwtRules[0]']],
    ['not JSON', { jwks: '{keys' }, ['error spec.jwtRules[0].jwks']],
    ['a JSON list', { jwks: '[]' }, ['error spec.jwtRules[0].jwks']],
    ['a key without kty', { jwks: jwks({ keys: [{ n: 'x', e: 'AQAB' }] }) }, ['error spec.jwtRules[0].jwks']],
    ['an RSA key without n', { jwks: jwks({ keys: [{ kty: 'RSA', e: 'AQAB' }] }) }, ['error spec.jwtRules[0].jwks']],
    ['a member that is not base64', { jwks: jwks({ keys: [{ kty: 'RSA', e: 'AQAB', n: 'not base64!' }] }) }, ['error spec.jwtRules[0].jwks']],
    ['a private RSA key (a warning)', { jwks: jwks({ keys: [RSA_PUBLIC, { ...RSA_PUBLIC, d: 'c2VjcmV0' }] }) }, ['warning spec.jwtRules[0].jwks']],
    ['a symmetric key (a warning)', { jwks: jwks({ keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }) }, ['warning spec.jwtRules[0].jwks']],
    ['no keys (a warning)', { jwks: jwks({ keys: [] }) }, ['warning spec.jwtRules[0].jwks']],
  ])('fails: %s', (_, rule, expected) => {
    expect(check(rule)).toEqual(expected);
  });

  test('says which key is wrong, and never prints the key set', () => {
    const [bad] = run(InvalidJwks, requestAuthn({ jwtRules: [{ issuer: 'x', jwks: jwks({ keys: [RSA_PUBLIC, { kty: 'rsa', n: 'x', e: 'y' }] }) }] }));
    expect(bad.message).toBe('jwks has an invalid key #1: kty "rsa" is not RSA, EC, oct or OKP');
    expect(bad.value).toBe('(inline key set)');
    const [secret] = run(InvalidJwks, requestAuthn({ jwtRules: [{ issuer: 'x', jwks: jwks({ keys: [{ ...RSA_PUBLIC, d: 'c2VjcmV0' }] }) }] }));
    expect(secret.message).toMatch(/^jwks key at index 0 contains private key material/);
    expect(secret.fix).toMatch(/rotate the exposed key/);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check({ jwks: 'nope' }, apiVersion)).toEqual(['error spec.jwtRules[0].jwks']);
  });
});
