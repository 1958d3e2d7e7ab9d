import { DenyRuleBlocksTcp } from '../../../../../lib/analysis/checks/object/security/deny-rule-blocks-tcp';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const deny = (...rules: unknown[]) => ({ action: 'DENY', rules });
const check = (spec: unknown, apiVersion?: string) => brief(run(DenyRuleBlocksTcp, authz(spec, apiVersion)));

describe('DenyRuleBlocksTcp', () => {
  test.each([
    ['a DENY rule on HTTP attributes with ports', deny({ to: [{ operation: { methods: ['POST'], ports: ['8080'] } }] })],
    ['a DENY rule on HTTP attributes with notPorts', deny({ to: [{ operation: { paths: ['/admin/*'], notPorts: ['9090'] } }] })],
    ['a DENY rule on namespaces', deny({ from: [{ source: { namespaces: ['test'] } }] })],
    ['a DENY rule on service accounts', deny({ from: [{ source: { serviceAccounts: ['test/sa'] } }] })],
    ['a DENY rule on conditions only', deny({ when: [{ key: 'request.headers[x-block]', values: ['1'] }] })],
    ['an empty DENY rule (deny all, on purpose)', deny({})],
    ['an ALLOW rule on HTTP attributes', { rules: [{ to: [{ operation: { methods: ['GET'] } }] }] }],
  ])('passes: %s', (_, spec) => {
    expect(check(spec)).toEqual([]);
  });

  test.each([
    ['only request principals', deny({ from: [{ source: { notRequestPrincipals: ['*'] } }] }), ['warning spec.rules[0]']],
    ['request principals and paths without ports', deny({ from: [{ source: { notRequestPrincipals: ['*'] } }], to: [{ operation: { paths: ['/api/*'] } }] }), ['warning spec.rules[0]']],
    ['namespaces but operations without ports', deny({ from: [{ source: { namespaces: ['test'] } }], to: [{ operation: { methods: ['DELETE'] } }] }), ['warning spec.rules[0]']],
    ['the second rule', deny({ to: [{ operation: { ports: ['80'] } }] }, { to: [{ operation: { hosts: ['admin.example.com'] } }] }), ['warning spec.rules[1]']],
  ])('warns: %s', (_, spec, expected) => {
    expect(check(spec)).toEqual(expected);
  });

  test('mirrors Istio\'s warning, and its fix does not turn the rule off at a gateway', () => {
    // GIVEN Istio's own example of requiring a JWT for /api/* at the ingress gateway
    const spec = deny({ from: [{ source: { notRequestPrincipals: ['*'] } }], to: [{ operation: { paths: ['/api/*'] } }] });
    // WHEN
    const [f] = run(DenyRuleBlocksTcp, authz(spec));
    // THEN a warning, never an error: Istio accepts the policy
    expect(f.severity).toBe('warning');
    expect(f.message).toBe('this DENY rule matches only HTTP attributes (notRequestPrincipals, paths) and no ports: at TCP (non-HTTP) ports of the selected workloads '
      + 'Istio applies it to every connection, denying all TCP traffic there (Istio\'s webhook warns about this)');
    // and the fix says that nothing is needed for HTTP-only workloads, and which port numbers keep the rule working
    expect(f.fix).toMatch(/^nothing to change if the selected workloads serve only HTTP/);
    expect(f.fix).toMatch(/gateway pod's container port \(such as 8080\), not the Service port 80, or the DENY rule never matches/);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check(deny({ to: [{ operation: { methods: ['GET'] } }] }), apiVersion)).toEqual(['warning spec.rules[0]']);
  });
});
