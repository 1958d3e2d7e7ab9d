import { InvalidAuthorizationAction } from '../../../../../lib/analysis/checks/object/security/invalid-authorization-action';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const check = (spec: unknown, apiVersion?: string) => brief(run(InvalidAuthorizationAction, authz(spec, apiVersion)));

describe('InvalidAuthorizationAction', () => {
  test.each([
    ['no action and no rules (allow nothing)', {}],
    ['ALLOW with an empty rules list (allow nothing)', { action: 'ALLOW', rules: [] }],
    ['DENY with an empty rule (deny all)', { action: 'DENY', rules: [{}] }],
    ['CUSTOM with rules and a provider', { action: 'CUSTOM', provider: { name: 'ext-authz' }, rules: [{ to: [{ operation: { paths: ['/admin/*'] } }] }] }],
    ['AUDIT with rules', { action: 'AUDIT', rules: [{}] }],
  ])('passes: %s', (_, spec) => {
    expect(check(spec)).toEqual([]);
  });

  test.each([
    ['CUSTOM without a provider', { action: 'CUSTOM', rules: [{}] }, ['error spec.provider.name']],
    ['CUSTOM with an empty provider name', { action: 'CUSTOM', provider: { name: '' }, rules: [{}] }, ['error spec.provider.name']],
    ['CUSTOM without rules', { action: 'CUSTOM', provider: { name: 'ext-authz' } }, ['error spec.rules']],
    ['CUSTOM with an empty rules list', { action: 'CUSTOM', provider: { name: 'ext-authz' }, rules: [] }, ['error spec.rules']],
    ['CUSTOM with neither', { action: 'CUSTOM' }, ['error spec.rules', 'error spec.provider.name']],
    ['DENY without rules', { action: 'DENY' }, ['error spec.rules']],
    ['DENY with an empty rules list', { action: 'DENY', rules: [] }, ['error spec.rules']],
    ['a provider with ALLOW', { action: 'ALLOW', provider: { name: 'ext-authz' }, rules: [{}] }, ['error spec.provider']],
    ['a provider without action', { provider: { name: 'ext-authz' } }, ['error spec.provider']],
    ['an empty provider with AUDIT', { action: 'AUDIT', provider: {}, rules: [{}] }, ['error spec.provider']],
  ])('fails: %s', (_, spec, expected) => {
    expect(check(spec)).toEqual(expected);
  });

  test('says why and how to fix, in YAML terms', () => {
    const [rules, provider] = run(InvalidAuthorizationAction, authz({ action: 'CUSTOM' }));
    expect(rules.message).toBe('action CUSTOM without rules never sends a request to the provider; Istio rejects it');
    expect(rules.fix).toMatch(/one empty rule \{\}/);
    expect(provider.fix).toMatch(/spec\.provider\.name .*meshConfig\.extensionProviders/);
    expect(run(InvalidAuthorizationAction, authz({ provider: { name: 'x' } }))[0].message).toBe('provider is only allowed with action CUSTOM, got no action (ALLOW)');
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check({ action: 'DENY' }, apiVersion)).toEqual(['error spec.rules']);
  });
});
