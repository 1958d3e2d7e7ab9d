import { LiteralWildcardInMatch } from '../../../../../lib/analysis/checks/object/security/literal-wildcard-in-match';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const check = (spec: unknown, apiVersion?: string) => brief(run(LiteralWildcardInMatch, authz(spec, apiVersion)));

describe('LiteralWildcardInMatch', () => {
  test('passes leading, trailing and lone wildcards, namespaces and path templates', () => {
    expect(check({
      rules: [{
        from: [{ source: { principals: ['cluster.local/ns/shop/*', '*/sa/reviews', '*'], requestPrincipals: ['https://idp.example.com/*'], namespaces: ['team-*-prod'] } }],
        to: [{ operation: { hosts: ['*.example.com', 'api.*'], paths: ['/api/*', '*.js', '/api/{*}/items'], methods: ['GET'] } }],
        when: [{ key: 'source.namespace', values: ['a*b'] }, { key: 'request.headers[x-user]', values: ['admin-*'] }],
      }],
    })).toEqual([]);
  });

  test.each([
    ['a principal with a wildcard namespace', { from: [{ source: { principals: ['cluster.local/ns/*/sa/reviews'] } }] }, 'spec.rules[0].from[0].source.principals[0]'],
    ['a path with a wildcard segment', { to: [{ operation: { notPaths: ['/api/*/items'] } }] }, 'spec.rules[0].to[0].operation.notPaths[0]'],
    ['a host with two wildcards', { to: [{ operation: { hosts: ['*.example.*'] } }] }, 'spec.rules[0].to[0].operation.hosts[0]'],
    ['a header condition', { when: [{ key: 'request.headers[x-user]', notValues: ['a*b'] }] }, 'spec.rules[0].when[0].notValues[0]'],
  ])('warns: %s', (_, rule, field) => {
    expect(check({ rules: [rule] })).toEqual([`warning ${field}`]);
  });

  test('says how Istio reads the value and how to write it', () => {
    const [f] = run(LiteralWildcardInMatch, authz({ rules: [{ to: [{ operation: { paths: ['/api/*/items'] } }] }] }));
    expect(f.message).toBe('\'/api/*/items\' in paths has a \'*\' that Istio matches literally (only a leading or trailing \'*\' is a wildcard), '
      + 'so it matches no real request (stricter than Istio, which accepts it)');
    expect(f.fix).toMatch(/use a template such as '\/api\/\{\*\}\/items'$/);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check({ rules: [{ from: [{ source: { notPrincipals: ['a*b'] } }] }] }, apiVersion)).toEqual(['warning spec.rules[0].from[0].source.notPrincipals[0]']);
  });
});
