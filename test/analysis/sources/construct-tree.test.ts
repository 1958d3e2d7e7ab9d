import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import { renderApiObject } from '../../../lib/analysis/sources/construct-tree';
import { ClientTls, DestinationRule, TrafficPolicy } from '../../../lib';

/** The `JsonPatch.add(...)` a CI0020 fix names, as code: the fix is meant to be pasted. */
function patchOf(fix: string): JsonPatch {
  const m = /JsonPatch\.add\('([^']*)', (.*)\)$/.exec(fix);
  if (!m) throw new Error(`the fix names no JsonPatch.add: ${fix}`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return JsonPatch.add(m[1], new Function(`return (${m[2]});`)());
}

describe('a JSON patch under a parent the rendered object does not have (CI0020)', () => {
  test.each([
    {
      name: 'one missing level: add the traffic policy with the tunnel in it',
      policy: undefined,
      path: '/spec/trafficPolicy/tunnel', value: { protocol: 'CONNECT', targetHost: 'proxy', targetPort: 8080 },
      fix: "JsonPatch.add('/spec/trafficPolicy', { tunnel: {\"protocol\":\"CONNECT\",\"targetHost\":\"proxy\",\"targetPort\":8080} })",
      rendered: { tunnel: { protocol: 'CONNECT', targetHost: 'proxy', targetPort: 8080 } },
    },
    {
      name: 'two missing levels: the nearest missing parent is the traffic policy, not the load balancer',
      policy: undefined,
      path: '/spec/trafficPolicy/loadBalancer/simple', value: 'RANDOM',
      fix: "JsonPatch.add('/spec/trafficPolicy', { loadBalancer: { simple: 'RANDOM' } })",
      rendered: { loadBalancer: { simple: 'RANDOM' } },
    },
    {
      name: 'a policy that exists: the missing level under it, the policy kept',
      policy: TrafficPolicy.of({ tls: ClientTls.istioMutual() }),
      path: '/spec/trafficPolicy/connectionPool/http/http1MaxPendingRequests', value: 1,
      fix: "JsonPatch.add('/spec/trafficPolicy/connectionPool', { http: { http1MaxPendingRequests: 1 } })",
      rendered: { tls: { mode: 'ISTIO_MUTUAL' }, connectionPool: { http: { http1MaxPendingRequests: 1 } } },
    },
  ])('$name', ({ policy, path, value, fix, rendered }) => {
    // GIVEN a DestinationRule and a patch that 'add' cannot apply
    const chart = Testing.chart();
    const rule = new DestinationRule(chart, 'rule', { host: 'reviews', trafficPolicy: policy });
    ApiObject.of(rule).addJsonPatch(JsonPatch.add(path, value));
    // WHEN
    const broken = renderApiObject(ApiObject.of(rule));
    // THEN one CI0020 on the rule, whose fix names the patch that works, and the rule is still there to check (without the patch)
    expect(broken.findings.map((f) => [f.finding.code, f.finding.path, f.finding.fix])).toEqual([['CI0020', `${chart.node.path}/rule`, expect.stringMatching(/^add the nearest missing parent instead/)]]);
    expect(broken.findings[0].finding.fix).toContain(fix);
    expect(broken.object?.manifest.spec.host).toBe('reviews');

    // WHEN the fix is applied as written, instead of the broken patch
    const fixedChart = Testing.chart();
    const fixed = new DestinationRule(fixedChart, 'rule', { host: 'reviews', trafficPolicy: policy });
    ApiObject.of(fixed).addJsonPatch(patchOf(broken.findings[0].finding.fix));
    const result = renderApiObject(ApiObject.of(fixed));
    // THEN it renders, with the value where the broken patch meant it
    expect(result.findings).toEqual([]);
    expect(result.object?.manifest.spec.trafficPolicy).toEqual(rendered);
  });

  test('a missing list entry cannot be nested as a member: the fix says to add the parents first', () => {
    // GIVEN a patch under the third subset of a rule that has one
    const chart = Testing.chart();
    const rule = new DestinationRule(chart, 'rule', { host: 'reviews' });
    ApiObject.of(rule).addJsonPatch(JsonPatch.add('/spec/subsets', [{ name: 'v1' }]), JsonPatch.add('/spec/subsets/2/labels', { version: 'v3' }));
    // WHEN
    const { findings } = renderApiObject(ApiObject.of(rule));
    // THEN
    expect(findings.map((f) => [f.finding.code, f.finding.field, f.finding.fix])).toEqual([
      ['CI0020', 'spec.subsets[2].labels', "add the missing parents of /spec/subsets/2/labels first (an 'add' of each, outermost first), or patch a path that exists in the rendered object"],
    ]);
  });
});
