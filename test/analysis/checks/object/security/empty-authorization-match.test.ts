import { EmptyAuthorizationMatch } from '../../../../../lib/analysis/checks/object/security/empty-authorization-match';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const check = (spec: unknown, apiVersion?: string) => brief(run(EmptyAuthorizationMatch, authz(spec, apiVersion)));

describe('EmptyAuthorizationMatch', () => {
  test.each([
    ['an empty rule (matches every request)', { rules: [{}] }],
    ['a source with one field', { rules: [{ from: [{ source: { trustDomains: ['cluster.local'] } }] }] }],
    ['an operation with one field', { rules: [{ to: [{ operation: { notPorts: ['8080'] } }] }] }],
    ['conditions only', { rules: [{ when: [{ key: 'source.ip', values: ['10.0.0.1'] }] }] }],
  ])('passes: %s', (_, spec) => {
    expect(check(spec)).toEqual([]);
  });

  test.each([
    ['a null rule', { rules: [null] }, ['error spec.rules[0]']],
    ['an empty source', { rules: [{ from: [{ source: {} }] }] }, ['error spec.rules[0].from[0].source']],
    ['a source with only empty lists', { rules: [{ from: [{ source: { principals: [], namespaces: [] } }] }] }, ['error spec.rules[0].from[0].source']],
    ['a from entry without source', { rules: [{ from: [{}] }] }, ['error spec.rules[0].from[0]']],
    ['a null from entry', { rules: [{ from: [null] }] }, ['error spec.rules[0].from[0]']],
    ['an empty operation', { rules: [{ to: [{ operation: {} }] }] }, ['error spec.rules[0].to[0].operation']],
    ['a to entry without operation', { rules: [{ to: [{ operation: null }] }] }, ['error spec.rules[0].to[0]']],
    ['an empty from list (a warning: Istio reads it as no from)', { rules: [{ from: [] }] }, ['warning spec.rules[0].from']],
    ['an empty to list (a warning)', { rules: [{ to: [], from: [{ source: { namespaces: ['a'] } }] }] }, ['warning spec.rules[0].to']],
  ])('fails: %s', (_, spec, expected) => {
    expect(check(spec)).toEqual(expected);
  });

  test('says which fields a source may set, and what an empty list means', () => {
    const [source] = run(EmptyAuthorizationMatch, authz({ rules: [{ from: [{ source: {} }] }] }));
    expect(source.message).toBe('from[0].source sets no field (or only empty lists); Istio rejects an empty source');
    expect(source.fix).toMatch(/^set at least one of principals, notPrincipals, .*or remove the from entry to match any source$/);
    const [from] = run(EmptyAuthorizationMatch, authz({ rules: [{ from: [] }] }));
    expect(from.message).toMatch(/the rule matches any source \(stricter than Istio, which accepts it\)$/);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check({ rules: [{ to: [{ operation: {} }] }] }, apiVersion)).toEqual(['error spec.rules[0].to[0].operation']);
  });
});
