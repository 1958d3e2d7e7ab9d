import { ManifestObject } from '../../../lib/analysis/manifest-object';
import { hasTargetRefs, labelSelectorMatches, selectorText, workloadSelectorOf } from '../../../lib/analysis/model/selectors';

const object = (apiVersion: string, kind: string, spec: unknown) => ManifestObject.of({ apiVersion, kind, metadata: { name: 'x', namespace: 'shop' }, spec })!;

describe('workload selectors', () => {
  test.each<[string, string, unknown, Record<string, string>, string]>([
    ['networking.istio.io/v1', 'Sidecar', { workloadSelector: { labels: { app: 'a' } } }, { app: 'a' }, 'spec.workloadSelector.labels'],
    ['networking.istio.io/v1', 'DestinationRule', { workloadSelector: { matchLabels: { app: 'a' } } }, { app: 'a' }, 'spec.workloadSelector.matchLabels'],
    ['networking.istio.io/v1', 'Gateway', { selector: { istio: 'ingressgateway' } }, { istio: 'ingressgateway' }, 'spec.selector'],
    ['networking.istio.io/v1', 'ServiceEntry', { workloadSelector: { labels: { app: 'vm' } } }, { app: 'vm' }, 'spec.workloadSelector.labels'],
    ['security.istio.io/v1', 'AuthorizationPolicy', { selector: { matchLabels: { version: 1 } } }, { version: '1' }, 'spec.selector.matchLabels'],
    ['security.istio.io/v1', 'PeerAuthentication', {}, {}, 'spec.selector.matchLabels'],
    ['security.istio.io/v1', 'RequestAuthentication', { selector: 'junk' }, {}, 'spec.selector.matchLabels'],
  ])('%s %s: its selector is read where the kind writes it', (apiVersion, kind, spec, labels, field) => {
    expect(workloadSelectorOf(object(apiVersion, kind, spec))).toEqual({ labels, field });
  });

  test('other kinds have no workload selector; targetRef(s) are found', () => {
    expect(workloadSelectorOf(object('networking.istio.io/v1', 'VirtualService', {}))).toBeUndefined();
    expect(hasTargetRefs(object('security.istio.io/v1', 'AuthorizationPolicy', { targetRefs: [{ kind: 'Gateway', name: 'gw' }] }))).toBe(true);
    expect(hasTargetRefs(object('security.istio.io/v1', 'AuthorizationPolicy', { targetRef: { kind: 'Service', name: 'web' } }))).toBe(true);
    expect(hasTargetRefs(object('security.istio.io/v1', 'AuthorizationPolicy', { selector: { matchLabels: { app: 'a' } } }))).toBe(false);
  });

  test.each<[string, unknown, boolean]>([
    ['no selector', undefined, true],
    ['matchLabels present', { matchLabels: { app: 'a' } }, true],
    ['matchLabels absent', { matchLabels: { app: 'b' } }, false],
    ['In', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['back', 'front'] }] }, true],
    ['NotIn', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['back'] }] }, false],
    ['NotIn of an absent key', { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, true],
    ['Exists', { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'sidecar.istio.io/inject', operator: 'DoesNotExist' }] }, true],
    ['an unknown operator', { matchExpressions: [{ key: 'app', operator: 'Like' }] }, false],
    ['not an object', 'app=a', false],
  ])('a label selector with %s', (_name, selector, expected) => {
    expect(labelSelectorMatches(selector, { app: 'a', tier: 'back' })).toBe(expected);
  });

  test('selectorText prints labels as Kubernetes does, sorted', () => {
    expect(selectorText({ version: 'v1', app: 'a' })).toBe('app=a,version=v1');
  });
});
