import { InvalidSourceServiceAccount } from '../../../../../lib/analysis/checks/object/security/invalid-source-service-account';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const source = (...sources: unknown[]) => ({ rules: [{ from: sources.map((s) => ({ source: s })) }] });
const check = (spec: unknown, apiVersion?: string) => brief(run(InvalidSourceServiceAccount, authz(spec, apiVersion)));

describe('InvalidSourceServiceAccount', () => {
  test.each([
    ['names and namespace/names', source({ serviceAccounts: ['sa', 'bar/sa'], notServiceAccounts: ['bar/other'] })],
    ['service accounts and principals in separate sources (Istio\'s valid CRD example)', source({ serviceAccounts: ['baz/sa', 'sa'] }, { principals: ['bar'] }, { namespaces: ['bar'] })],
    ['16 service accounts', source({ serviceAccounts: Array.from({ length: 16 }, (_, i) => `ns/sa-${i}`) })],
  ])('passes: %s', (_, spec) => {
    expect(check(spec)).toEqual([]);
  });

  test.each([
    ['with namespaces in one source', { serviceAccounts: ['bar/sa'], namespaces: ['bar'] }, ['error spec.rules[0].from[0].source']],
    ['with principals in one source', { notServiceAccounts: ['baz/sa'], principals: ['bar'] }, ['error spec.rules[0].from[0].source']],
    ['a wildcard', { serviceAccounts: ['shop/*'] }, ['error spec.rules[0].from[0].source.serviceAccounts[0]']],
    ['two slashes', { serviceAccounts: ['a/b/c'] }, ['error spec.rules[0].from[0].source.serviceAccounts[0]']],
    ['an empty namespace', { notServiceAccounts: ['/sa'] }, ['error spec.rules[0].from[0].source.notServiceAccounts[0]']],
    ['an empty name', { serviceAccounts: ['ns/'] }, ['error spec.rules[0].from[0].source.serviceAccounts[0]']],
    ['more than 320 characters', { serviceAccounts: [`ns/${'a'.repeat(320)}`] }, ['error spec.rules[0].from[0].source.serviceAccounts[0]']],
    ['17 service accounts', { serviceAccounts: Array.from({ length: 17 }, (_, i) => `ns/sa-${i}`) }, ['error spec.rules[0].from[0].source.serviceAccounts']],
  ])('fails: %s', (_, s, expected) => {
    expect(check(source(s))).toEqual(expected);
  });

  test('says how to split service accounts from principals', () => {
    const [f] = run(InvalidSourceServiceAccount, authz(source({ serviceAccounts: ['bar/sa'], principals: ['bar'], namespaces: ['bar'] })));
    expect(f.message).toBe('one source sets serviceAccounts together with principals and namespaces, which Istio rejects');
    expect(f.fix).toMatch(/^split them into two from entries/);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check(source({ serviceAccounts: ['*'] }), apiVersion)).toEqual(['error spec.rules[0].from[0].source.serviceAccounts[0]']);
  });
});
