import { InvalidSourceTrustDomain } from '../../../../../lib/analysis/checks/object/security/invalid-source-trust-domain';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const source = (s: unknown) => ({ rules: [{ from: [{ source: s }] }] });
const check = (spec: unknown, apiVersion?: string) => brief(run(InvalidSourceTrustDomain, authz(spec, apiVersion)));

describe('InvalidSourceTrustDomain', () => {
  test('passes exact, prefix, suffix and any trust domains (Istio\'s valid CRD example)', () => {
    expect(check(source({
      trustDomains: ['cluster.local', 'cluster-prefix-*', '*-suffix-cluster', '*'],
      notTrustDomains: ['not-cluster.local', 'not-cluster-prefix-*', '*-not-suffix-cluster', '*'],
    }))).toEqual([]);
  });

  test.each([
    ['a wildcard in the middle', 'corp-*-local', 'has a \'*\' that is neither at the start nor at the end'],
    ['two wildcards', '*corp*', 'has more than one \'*\''],
    ['a slash', 'cluster.local/ns/shop', 'contains \'/\', which a trust domain cannot'],
  ])('fails: %s', (_, value, problem) => {
    const findings = run(InvalidSourceTrustDomain, authz(source({ notTrustDomains: [value] })));
    expect(brief(findings)).toEqual(['error spec.rules[0].from[0].source.notTrustDomains[0]']);
    expect(findings[0].message).toBe(`trust domain '${value}' ${problem}`);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check(source({ trustDomains: ['a*b'] }), apiVersion)).toEqual(['error spec.rules[0].from[0].source.trustDomains[0]']);
  });
});
