import { CustomActionIdentityMatch } from '../../../../../lib/analysis/checks/object/security/custom-action-identity-match';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const custom = (rule: unknown) => ({ action: 'CUSTOM', provider: { name: 'ext-authz' }, rules: [rule] });
const check = (spec: unknown, apiVersion?: string) => brief(run(CustomActionIdentityMatch, authz(spec, apiVersion)));

describe('CustomActionIdentityMatch', () => {
  test.each([
    ['CUSTOM on IP blocks and request attributes', custom({
      from: [{ source: { ipBlocks: ['10.0.0.0/8'], notRemoteIpBlocks: ['1.2.3.4'] } }],
      to: [{ operation: { paths: ['/admin/*'], methods: ['POST'] } }],
      when: [{ key: 'request.headers[x-tenant]', values: ['a'] }, { key: 'source.ip', values: ['10.0.0.1'] }],
    })],
    ['identities under ALLOW', { rules: [{ from: [{ source: { principals: ['cluster.local/ns/a/sa/b'] } }], when: [{ key: 'request.auth.claims[iss]', values: ['x'] }] }] }],
    ['an empty identity list under CUSTOM (Istio reads [] as unset)', custom({ from: [{ source: { namespaces: [], ipBlocks: ['10.0.0.0/8'] } }] })],
  ])('passes: %s', (_, spec) => {
    expect(check(spec)).toEqual([]);
  });

  test('fails on every identity field of a CUSTOM source', () => {
    const fields = ['namespaces', 'notNamespaces', 'serviceAccounts', 'notServiceAccounts', 'trustDomains', 'notTrustDomains',
      'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals'];
    const source = Object.fromEntries(fields.map((f) => [f, ['x']]));
    expect(check(custom({ from: [{ source }] }))).toEqual(fields.map((f) => `error spec.rules[0].from[0].source.${f}`));
  });

  test('fails on identity condition keys under CUSTOM, source.trustDomain included', () => {
    const keys = ['source.namespace', 'source.serviceAccount', 'source.trustDomain', 'source.principal', 'request.auth.claims[groups]', 'request.auth.principal'];
    const findings = run(CustomActionIdentityMatch, authz(custom({ when: keys.map((key) => ({ key, values: ['x'] })) })));
    expect(brief(findings)).toEqual(keys.map((_, k) => `error spec.rules[0].when[${k}].key`));
    expect(findings[2].message).toBe('condition key \'source.trustDomain\' is not supported with action CUSTOM');
    expect(findings[0].fix).toMatch(/ipBlocks, remoteIpBlocks or request attributes/);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check(custom({ from: [{ source: { serviceAccounts: ['shop/reviews'] } }] }), apiVersion)).toEqual(['error spec.rules[0].from[0].source.serviceAccounts']);
  });
});
