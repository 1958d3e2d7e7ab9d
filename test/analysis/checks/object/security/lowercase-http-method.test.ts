import { LowercaseHttpMethod } from '../../../../../lib/analysis/checks/object/security/lowercase-http-method';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const operation = (o: unknown) => ({ rules: [{ to: [{ operation: o }] }] });
const check = (spec: unknown, apiVersion?: string) => brief(run(LowercaseHttpMethod, authz(spec, apiVersion)));

describe('LowercaseHttpMethod', () => {
  test('passes uppercase methods and wildcards', () => {
    expect(check(operation({ methods: ['GET', 'POST', '*', 'PATCH*'], notMethods: ['DELETE'] }))).toEqual([]);
  });

  test('warns about lowercase methods, with the uppercase fix', () => {
    const findings = run(LowercaseHttpMethod, authz(operation({ methods: ['GET', 'post'], notMethods: ['Delete'] })));
    expect(brief(findings)).toEqual(['warning spec.rules[0].to[0].operation.methods[1]', 'warning spec.rules[0].to[0].operation.notMethods[0]']);
    expect(findings[0].message).toMatch(/^method 'post' has lowercase letters: .*\(stricter than Istio, which accepts it\)$/);
    expect(findings[1].fix).toBe('write \'DELETE\' in notMethods');
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check(operation({ methods: ['get'] }), apiVersion)).toEqual(['warning spec.rules[0].to[0].operation.methods[0]']);
  });
});
