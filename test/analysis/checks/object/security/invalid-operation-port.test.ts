import { InvalidOperationPort } from '../../../../../lib/analysis/checks/object/security/invalid-operation-port';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const operation = (o: unknown) => ({ rules: [{ to: [{ operation: o }] }] });
const check = (spec: unknown, apiVersion?: string) => brief(run(InvalidOperationPort, authz(spec, apiVersion)));

describe('InvalidOperationPort', () => {
  test('passes port numbers up to 65535', () => {
    expect(check(operation({ ports: ['80', '9080', '65535'], notPorts: ['8000', '080'] }))).toEqual([]);
  });

  test.each([
    ['above 65535', '65536'],
    ['not a number', 'http'],
    ['negative', '-1'],
    ['a range', '8000-8080'],
  ])('fails: %s', (_, value) => {
    expect(check(operation({ notPorts: [value] }))).toEqual(['error spec.rules[0].to[0].operation.notPorts[0]']);
  });

  test('warns about port 0, which Istio accepts but which never matches', () => {
    const findings = run(InvalidOperationPort, authz(operation({ ports: ['0'] })));
    expect(brief(findings)).toEqual(['warning spec.rules[0].to[0].operation.ports[0]']);
    expect(findings[0].message).toBe('port \'0\' never matches a connection (stricter than Istio, which accepts it)');
  });

  test('names the value and the fix', () => {
    const [f] = run(InvalidOperationPort, authz(operation({ ports: ['70000'] })));
    expect(f.message).toBe('port \'70000\' is above 65535; Istio rejects it');
    expect(f.fix).toBe('write ports entries as the workload\'s port numbers (1-65535), as strings such as \'8080\'');
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check(operation({ ports: ['x'] }), apiVersion)).toEqual(['error spec.rules[0].to[0].operation.ports[0]']);
  });
});
