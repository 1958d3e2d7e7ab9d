import { InvalidConditionValues } from '../../../../../lib/analysis/checks/object/security/invalid-condition-values';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const when = (...conditions: unknown[]) => ({ rules: [{ when: conditions }] });
const check = (spec: unknown, apiVersion?: string) => brief(run(InvalidConditionValues, authz(spec, apiVersion)));

describe('InvalidConditionValues', () => {
  test('passes values that fit their attributes (Istio\'s valid CRD example)', () => {
    expect(check(when(
      { key: 'source.ip', values: ['10.10.10.10', '192.168.10.0/24'], notValues: ['90.10.10.10'] },
      { key: 'destination.port', values: ['91', '92'], notValues: ['9001'] },
      { key: 'source.trustDomain', values: ['cluster.local', 'cluster-prefix-*', '*-suffix-cluster', '*'] },
      { key: 'source.serviceAccount', values: ['shop/reviews', 'reviews'] },
      { key: 'request.headers[x-a]', notValues: ['a*b'] },
    ))).toEqual([]);
  });

  test.each([
    ['neither values nor notValues', { key: 'source.ip' }, ['error spec.rules[0].when[0]']],
    ['empty values and notValues', { key: 'source.ip', values: [], notValues: [] }, ['error spec.rules[0].when[0]']],
    ['a bad IP', { key: 'remote.ip', values: ['10.0.0.1', '10.0.0.300'] }, ['error spec.rules[0].when[0].values[1]']],
    ['a bad CIDR in notValues', { key: 'destination.ip', notValues: ['10.0.0.0/99'] }, ['error spec.rules[0].when[0].notValues[0]']],
    ['a port above 65535', { key: 'destination.port', notValues: ['99999'] }, ['error spec.rules[0].when[0].notValues[0]']],
    ['port 0 (a warning)', { key: 'destination.port', values: ['0'] }, ['warning spec.rules[0].when[0].values[0]']],
    ['a wildcard service account', { key: 'source.serviceAccount', values: ['shop/*'] }, ['error spec.rules[0].when[0].values[0]']],
    ['17 service accounts', { key: 'source.serviceAccount', values: Array.from({ length: 17 }, (_, i) => `sa-${i}`) }, ['error spec.rules[0].when[0].values']],
    ['a trust domain with a middle wildcard', { key: 'source.trustDomain', values: ['a*b'] }, ['error spec.rules[0].when[0].values[0]']],
  ])('fails: %s', (_, condition, expected) => {
    expect(check(when(condition))).toEqual(expected);
  });

  test('names the condition and the fix', () => {
    const [f] = run(InvalidConditionValues, authz(when({ key: 'source.ip', values: ['nope'] })));
    expect(f.message).toBe('\'nope\' is not an IPv4 or IPv6 address (condition \'source.ip\')');
    expect(f.fix).toBe('write an IP address such as 10.1.2.3 or a CIDR block such as 10.0.0.0/16 in values');
    const [g] = run(InvalidConditionValues, authz(when({ key: 'request.auth.claims[groups]' })));
    expect(g.message).toBe('condition \'request.auth.claims[groups]\' has neither values nor notValues; Istio rejects it');
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check(when({ key: 'destination.port', values: ['http'] }), apiVersion)).toEqual(['error spec.rules[0].when[0].values[0]']);
  });
});
