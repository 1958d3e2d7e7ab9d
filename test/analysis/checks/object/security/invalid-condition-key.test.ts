import { InvalidConditionKey } from '../../../../../lib/analysis/checks/object/security/invalid-condition-key';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const when = (...conditions: unknown[]) => ({ rules: [{ when: conditions }] });
const check = (spec: unknown, apiVersion?: string) => brief(run(InvalidConditionKey, authz(spec, apiVersion)));

describe('InvalidConditionKey', () => {
  test('passes every attribute Istio knows, source.trustDomain included', () => {
    const keys = ['request.headers[X-header]', 'source.ip', 'remote.ip', 'source.namespace', 'source.principal', 'source.serviceAccount',
      'source.trustDomain', 'request.auth.principal', 'request.auth.audiences', 'request.auth.presenter', 'request.auth.claims[iss]',
      'request.auth.claims[nested1][nested2]', 'destination.ip', 'destination.port', 'connection.sni', 'experimental.envoy.filters.a.b[c]'];
    expect(check(when(...keys.map((key) => ({ key, values: ['x'] }))))).toEqual([]);
  });

  test.each([
    ['an unknown attribute', 'source.name', 'condition key \'source.name\' is not an attribute Istio knows'],
    ['destination.namespace', 'destination.namespace', 'condition key \'destination.namespace\' was replaced by the policy\'s metadata.namespace'],
    ['destination.labels', 'destination.labels[app]', 'condition key \'destination.labels[app]\' was replaced by the policy\'s workload selector'],
    ['destination.user', 'destination.user', 'condition key \'destination.user\' is deprecated and only supported in v1alpha1'],
    ['a header without name', 'request.headers', 'condition key \'request.headers\' must have the form name[key], such as request.headers[x-token]'],
    ['a claim with an empty name', 'request.auth.claims[]', 'condition key \'request.auth.claims[]\' must have the form name[key], such as request.headers[x-token]'],
    ['an empty key', '', 'a condition needs a key, the attribute it matches'],
  ])('fails: %s', (_, key, message) => {
    const findings = run(InvalidConditionKey, authz(when({ key, notValues: ['x'] })));
    expect(brief(findings)).toEqual(['error spec.rules[0].when[0].key']);
    expect(findings[0].message).toBe(message);
    expect(findings[0].fix).toMatch(/https:\/\/istio\.io\/latest\/docs\/reference\/config\/security\/conditions\//);
  });

  test('fails on a null condition and a condition without key', () => {
    expect(check(when(null, { values: ['x'] }))).toEqual(['error spec.rules[0].when[0].key', 'error spec.rules[0].when[1].key']);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check(when({ key: 'source.labels', values: ['x'] }), apiVersion)).toEqual(['error spec.rules[0].when[0].key']);
  });
});
