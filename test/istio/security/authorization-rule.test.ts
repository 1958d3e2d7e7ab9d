import { ProblemCollector } from '../../../lib/analysis/finding';
import { Condition, Operation, Source } from '../../../lib/istio/security/authorization-rule';

describe('value objects without a chart', () => {
  test('Source renders its fields', () => {
    expect(Source.fromNamespaces('a', 'b')._toIstio()).toEqual({ source: { namespaces: ['a', 'b'] } });
    expect(Source.fromIpBlocks('10.0.0.0/8')._toIstio()).toEqual({ source: { ipBlocks: ['10.0.0.0/8'] } });
    expect(Source.of({ notPrincipals: ['x'] })._toIstio()).toEqual({ source: { notPrincipals: ['x'] } });
    expect(Source.of({ trustDomains: ['cluster.local'], notTrustDomains: ['corp-*'] })._toIstio()).toEqual({ source: { trustDomains: ['cluster.local'], notTrustDomains: ['corp-*'] } });
  });

  test('Operation renders ports as strings', () => {
    expect(Operation.ports(80, 443)._toIstio()).toEqual({ operation: { ports: ['80', '443'] } });
    expect(Operation.of({ notPorts: [8080], methods: ['GET'] })._toIstio()).toEqual({ operation: { notPorts: ['8080'], methods: ['GET'] } });
    expect(Operation.ports(80).hasPorts).toBe(true);
    expect(Operation.paths('/a').hasPorts).toBe(false);
  });

  test('Condition renders key, values and notValues', () => {
    const c = Condition.of('request.auth.claims[iss]', { values: ['https://issuer'], notValues: ['https://other'] });
    expect(c.key).toBe('request.auth.claims[iss]');
    expect(c._toIstio()).toEqual({ key: 'request.auth.claims[iss]', values: ['https://issuer'], notValues: ['https://other'] });
    expect(Condition.values('source.ip', '10.0.0.0/8')._toIstio()).toEqual({ key: 'source.ip', values: ['10.0.0.0/8'], notValues: undefined });
  });

  test('leaves values that are not lists out, and says so as construct problems', () => {
    // GIVEN a plain-JavaScript caller
    const operation = Operation.of({ ports: '80' as any, methods: ['GET', null as any] });
    const condition = Condition.of('source.ip', { values: '10.0.0.1' as any });
    // THEN they render without what the imported classes cannot map
    expect(operation._toIstio()).toEqual({ operation: { ports: undefined, methods: ['GET'] } });
    expect(condition._toIstio()).toEqual({ key: 'source.ip', values: undefined, notValues: undefined });
    // AND each says what it left out
    const problems = new ProblemCollector('r');
    operation._validateOptions(problems.at('operation'));
    condition._validateOptions(problems);
    expect(problems.problems.map((p) => `${p.code} ${p.field}: ${p.message}`)).toEqual([
      'CI0019 r.operation.ports: ports must be a list, got string; it is left out of the manifest',
      'CI0019 r.operation.methods: methods has null or undefined entries; they are left out of the manifest',
      'CI0019 r.values: values must be a list, got string; it is left out of the manifest',
    ]);
  });

  test('leaves values that are not service accounts out of the principals, and counts them', () => {
    const source = Source.fromServiceAccounts(undefined as any, 'shop/reviews' as any);
    expect(source._toIstio()).toEqual({ source: { principals: [] } });
    expect(source._invalidServiceAccounts()).toBe(2);
  });
});
