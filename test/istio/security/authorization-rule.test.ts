import { ProblemCollector } from '../../../lib/analysis/finding';
import { Condition, Operation, Source } from '../../../lib/istio/security/authorization-rule';

function problems(validate: (c: ProblemCollector) => void): string[] {
  const c = new ProblemCollector('r');
  validate(c);
  return c.problems.map((p) => `${p.code} ${p.field}`);
}

describe('value objects without a chart', () => {
  test('Source renders its fields', () => {
    expect(Source.fromNamespaces('a', 'b')._toIstio()).toEqual({ source: { namespaces: ['a', 'b'] } });
    expect(Source.fromIpBlocks('10.0.0.0/8')._toIstio()).toEqual({ source: { ipBlocks: ['10.0.0.0/8'] } });
    expect(Source.of({ notPrincipals: ['x'] })._toIstio()).toEqual({ source: { notPrincipals: ['x'] } });
    expect(problems((c) => Source.fromPrincipals('cluster.local/ns/a/sa/b')._validate(c, 'ALLOW'))).toEqual([]);
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

  test('every documented condition key is accepted', () => {
    const keys = ['request.headers[User-Agent]', 'source.ip', 'remote.ip', 'source.namespace', 'source.principal', 'request.auth.principal',
      'request.auth.audiences', 'request.auth.presenter', 'request.auth.claims[groups]', 'destination.ip', 'destination.port', 'connection.sni',
      'experimental.envoy.filters.network.mysql_proxy[db.table]'];
    for (const key of keys) {
      const value = key.endsWith('.ip') ? '10.0.0.1' : key === 'destination.port' ? '80' : 'x';
      expect(problems((c) => Condition.values(key, value)._validate(c, 'ALLOW'))).toEqual([]);
    }
  });

  test('fails with problems described relative to the collector', () => {
    expect(problems((c) => Source.of({ ipBlocks: ['x'] })._validate(c, 'ALLOW'))).toEqual(['CI0017 r.source.ipBlocks[0]']);
    expect(problems((c) => Operation.ports(0)._validate(c))).toEqual(['CI0003 r.operation.ports[0]']);
    expect(problems((c) => Condition.values('nope', 'x')._validate(c, 'ALLOW'))).toEqual(['CI0014 r.key']);
  });
});
