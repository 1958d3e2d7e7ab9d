import { Severity } from '../../../../lib/analysis/finding';
import { findingsOf, obj } from '../../fixtures';

const pod = (name: string, spec: Record<string, unknown>, labels: Record<string, string> = {}) => obj('v1', 'Pod', name, 'default', { metadata: { name, namespace: 'default', labels }, spec });
const deploymentWith = (name: string, spec: Record<string, unknown>) =>
  obj('apps/v1', 'Deployment', name, 'default', { spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec } } });

describe('CI1066 ApplicationUsesProxyUid', () => {
  test.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['another user ID', { securityContext: { runAsUser: 1000 }, containers: [{ name: 'app', image: 'a', securityContext: { runAsUser: 1001 } }] }, {}],
    ['the istio-proxy and istio-operator containers', { containers: [{ name: 'istio-proxy', image: 'p', securityContext: { runAsUser: 1337 } }, { name: 'istio-operator', image: 'o', securityContext: { runAsUser: 1337 } }] }, {}],
    ['Istio\'s control plane', { securityContext: { runAsUser: 1337 }, containers: [] }, { istio: 'pilot' }],
  ])('passes for %s', (_name, spec, labels) => {
    expect(findingsOf([pod('p', spec, labels)], 'CI1066')).toEqual([]);
  });

  // as istioctl (testdata/pod-sec-uid.yaml, pod-con-sec-uid.yaml, deployment-*-sec-uid.yaml)
  test.each<[string, ReturnType<typeof obj>, string]>([
    ['a Pod running as 1337', pod('pod-sec-uid', { securityContext: { runAsUser: 1337 }, containers: [{ name: 'app', image: 'a' }] }), 'spec.securityContext.runAsUser'],
    ['a Pod container running as 1337', pod('con-sec-uid', { containers: [{ name: 'app', image: 'a' }, { name: 'side', image: 'b', securityContext: { runAsUser: 1337 } }] }), 'spec.containers[1].securityContext.runAsUser'],
    ['a Deployment running as 1337', deploymentWith('deploy-pod-sec-uid', { securityContext: { runAsUser: 1337 }, containers: [] }), 'spec.template.spec.securityContext.runAsUser'],
    ['a Deployment container running as 1337', deploymentWith('deploy-con-sec-uid', { containers: [{ name: 'app', image: 'a', securityContext: { runAsUser: 1337 } }] }), 'spec.template.spec.containers[0].securityContext.runAsUser'],
  ])('fails (warning) for %s', (_name, object, field) => {
    const findings = findingsOf([object], 'CI1066');
    expect(findings.map((f) => [f.field, f.value, f.severity])).toEqual([[field, 1337, Severity.WARNING]]);
    expect(findings[0].message).toMatch(/runs as user ID 1337, which Istio reserves for the sidecar proxy: its traffic bypasses the sidecar/);
  });
});
