import { EmptyMatchValue } from '../../../../../lib/analysis/checks/object/security/empty-match-value';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const check = (spec: unknown, apiVersion?: string) => brief(run(EmptyMatchValue, authz(spec, apiVersion)));

describe('EmptyMatchValue', () => {
  test('passes non-empty values', () => {
    expect(check({ rules: [{ from: [{ source: { principals: ['*'] } }], to: [{ operation: { paths: ['/'] } }], when: [{ key: 'source.ip', values: ['10.0.0.1'] }] }] })).toEqual([]);
  });

  test('fails on an empty string in any source, operation or condition list', () => {
    expect(check({
      rules: [{
        from: [{ source: { principals: ['a', ''], notIpBlocks: [''], serviceAccounts: [''], notTrustDomains: [''] } }],
        to: [{ operation: { hosts: [''], notPorts: [''] } }],
        when: [{ key: 'request.headers[x-a]', values: [''], notValues: ['b', ''] }],
      }],
    })).toEqual([
      'error spec.rules[0].from[0].source.principals[1]',
      'error spec.rules[0].from[0].source.notIpBlocks[0]',
      'error spec.rules[0].from[0].source.serviceAccounts[0]',
      'error spec.rules[0].from[0].source.notTrustDomains[0]',
      'error spec.rules[0].to[0].operation.hosts[0]',
      'error spec.rules[0].to[0].operation.notPorts[0]',
      'error spec.rules[0].when[0].values[0]',
      'error spec.rules[0].when[0].notValues[1]',
    ]);
  });

  test('suggests what fits the field instead', () => {
    const findings = run(EmptyMatchValue, authz({ rules: [{ from: [{ source: { ipBlocks: [''], namespaces: [''] } }], to: [{ operation: { ports: [''] } }] }] }));
    const at = (field: string) => findings.find((f) => f.field.endsWith(field))!;
    expect(at('ipBlocks[0]').message).toBe('empty value in ipBlocks; Istio rejects empty strings in match lists');
    expect(at('ipBlocks[0]').fix).toBe('remove the empty string; write an IP or a CIDR block such as 10.0.0.0/8 instead');
    expect(at('namespaces[0]').fix).toBe('remove the empty string; to match any non-empty value write \'*\', or remove the field to match anything');
    expect(at('ports[0]').fix).toMatch(/write a port number/);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check({ rules: [{ to: [{ operation: { methods: [''] } }] }] }, apiVersion)).toEqual(['error spec.rules[0].to[0].operation.methods[0]']);
  });
});
