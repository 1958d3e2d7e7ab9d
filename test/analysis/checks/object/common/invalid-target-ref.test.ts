import { InvalidTargetRef } from '../../../../../lib/analysis/checks/object/common/invalid-target-ref';
import { brief, manifest, run } from '../run';

const SERVICE = { group: '', kind: 'Service', name: 'reviews' };
const GATEWAY = { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'waypoint' };
const check = (kind: string, spec: unknown, apiVersion?: string) => brief(run(InvalidTargetRef, manifest(kind, spec, { apiVersion })));

/** The kinds whose targets Istio's webhook checks, with their served versions. */
const POLICY_KINDS: Array<[string, string]> = [
  ['AuthorizationPolicy', 'security.istio.io/v1'], ['AuthorizationPolicy', 'security.istio.io/v1beta1'],
  ['RequestAuthentication', 'security.istio.io/v1'], ['RequestAuthentication', 'security.istio.io/v1beta1'],
  ['Telemetry', 'telemetry.istio.io/v1'], ['Telemetry', 'telemetry.istio.io/v1alpha1'], ['WasmPlugin', 'extensions.istio.io/v1alpha1'],
];

describe('InvalidTargetRef', () => {
  describe.each(POLICY_KINDS)('%s %s', (kind, apiVersion) => {
    test('passes targets Istio supports', () => {
      expect(check(kind, { targetRefs: [SERVICE, { group: 'core', kind: 'Service', name: 'ratings' }, { group: 'networking.istio.io', kind: 'ServiceEntry', name: 'api' }, GATEWAY,
        { group: 'gateway.networking.k8s.io', kind: 'GatewayClass', name: 'istio-waypoint' }] }, apiVersion)).toEqual([]);
      expect(check(kind, { targetRef: GATEWAY }, apiVersion)).toEqual([]);
    });

    test.each([
      ['a selector with targetRefs', { selector: { matchLabels: { app: 'a' } }, targetRefs: [SERVICE] }, ['error spec']],
      ['a targetRef with targetRefs', { targetRef: SERVICE, targetRefs: [GATEWAY] }, ['error spec']],
      ['a selector with an empty targetRefs list (the CRD counts it)', { selector: {}, targetRefs: [] }, ['error spec']],
      ['no name', { targetRef: { group: '', kind: 'Service' } }, ['error spec.targetRef.name']],
      ['a namespace', { targetRefs: [{ ...SERVICE, namespace: 'other' }] }, ['error spec.targetRefs[0].namespace']],
      ['a Deployment', { targetRefs: [{ group: 'apps', kind: 'Deployment', name: 'reviews-v1' }] }, ['error spec.targetRefs[0].kind']],
      ['a Service in the wrong group', { targetRef: { group: 'networking.istio.io', kind: 'Service', name: 'x' } }, ['error spec.targetRef.group']],
      ['a Gateway without group', { targetRefs: [{ kind: 'Gateway', name: 'x' }] }, ['error spec.targetRefs[0].group']],
      ['no kind', { targetRefs: [{ name: 'x' }] }, ['error spec.targetRefs[0].kind']],
    ])('fails: %s', (_, spec, expected) => {
      expect(check(kind, spec, apiVersion)).toEqual(expected);
    });
  });

  test('checks TrafficExtension, which has only targetRefs', () => {
    expect(check('TrafficExtension', { selector: { matchLabels: { app: 'a' } }, targetRefs: [GATEWAY] })).toEqual(['error spec']);
    expect(check('TrafficExtension', { targetRef: { kind: 'Nope' } })).toEqual([]);
  });

  test('checks EnvoyFilter by its CRD rules, and only warns about a target its webhook does not check', () => {
    expect(check('EnvoyFilter', { workloadSelector: { labels: { app: 'a' } }, targetRefs: [GATEWAY] })).toEqual(['error spec']);
    expect(check('EnvoyFilter', { targetRefs: [{ ...GATEWAY, namespace: 'x' }, { group: 'apps', kind: 'Deployment', name: 'd' }] }))
      .toEqual(['error spec.targetRefs[0].namespace', 'warning spec.targetRefs[1].kind']);
  });

  test('says which targets are supported and how to fix a mix', () => {
    const [mix] = run(InvalidTargetRef, manifest('AuthorizationPolicy', { selector: { matchLabels: { app: 'a' } }, targetRef: GATEWAY, targetRefs: [SERVICE] }));
    expect(mix.message).toBe('selector and targetRef and targetRefs are all set; only one of selector, targetRef or targetRefs can be set');
    expect(mix.fix).toMatch(/put the other in a second AuthorizationPolicy$/);
    const [kind] = run(InvalidTargetRef, manifest('RequestAuthentication', { targetRefs: [{ group: 'apps', kind: 'Deployment', name: 'd' }] }));
    expect(kind.message).toBe('a target reference must be to Service (group ""), ServiceEntry (networking.istio.io), Gateway (gateway.networking.k8s.io), '
      + 'GatewayClass (gateway.networking.k8s.io), got kind \'Deployment\' in group \'apps\'');
    const [ns] = run(InvalidTargetRef, manifest('Telemetry', { targetRef: { ...SERVICE, namespace: 'bar' } }));
    expect(ns.message).toBe('target reference to namespace \'bar\': cross-namespace references are not supported');
  });
});
