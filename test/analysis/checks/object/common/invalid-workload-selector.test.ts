import { InvalidWorkloadSelector } from '../../../../../lib/analysis/checks/object/common/invalid-workload-selector';
import { brief, manifest, run } from '../run';

/** Every kind with a workload selector, where its labels live, and a served apiVersion of it. */
const KINDS: Array<[kind: string, apiVersion: string, selector: (labels: unknown) => Record<string, unknown>, labelsField: string]> = [
  ['AuthorizationPolicy', 'security.istio.io/v1', (l) => ({ selector: { matchLabels: l } }), 'spec.selector.matchLabels'],
  ['AuthorizationPolicy', 'security.istio.io/v1beta1', (l) => ({ selector: { matchLabels: l } }), 'spec.selector.matchLabels'],
  ['PeerAuthentication', 'security.istio.io/v1', (l) => ({ selector: { matchLabels: l } }), 'spec.selector.matchLabels'],
  ['RequestAuthentication', 'security.istio.io/v1beta1', (l) => ({ selector: { matchLabels: l } }), 'spec.selector.matchLabels'],
  ['Telemetry', 'telemetry.istio.io/v1', (l) => ({ selector: { matchLabels: l } }), 'spec.selector.matchLabels'],
  ['WasmPlugin', 'extensions.istio.io/v1alpha1', (l) => ({ selector: { matchLabels: l } }), 'spec.selector.matchLabels'],
  ['TrafficExtension', 'extensions.istio.io/v1alpha1', (l) => ({ selector: { matchLabels: l } }), 'spec.selector.matchLabels'],
  ['ProxyConfig', 'networking.istio.io/v1beta1', (l) => ({ selector: { matchLabels: l } }), 'spec.selector.matchLabels'],
  ['DestinationRule', 'networking.istio.io/v1alpha3', (l) => ({ host: 'reviews', workloadSelector: { matchLabels: l } }), 'spec.workloadSelector.matchLabels'],
  ['Sidecar', 'networking.istio.io/v1', (l) => ({ workloadSelector: { labels: l } }), 'spec.workloadSelector.labels'],
  ['ServiceEntry', 'networking.istio.io/v1beta1', (l) => ({ hosts: ['a.example.com'], workloadSelector: { labels: l } }), 'spec.workloadSelector.labels'],
  ['EnvoyFilter', 'networking.istio.io/v1alpha3', (l) => ({ workloadSelector: { labels: l } }), 'spec.workloadSelector.labels'],
];

const check = (kind: string, apiVersion: string, spec: unknown) => run(InvalidWorkloadSelector, manifest(kind, spec, { apiVersion }));

describe('InvalidWorkloadSelector', () => {
  describe.each(KINDS)('%s %s', (kind, apiVersion, selector, labels) => {
    test('passes labels that select pods', () => {
      expect(brief(check(kind, apiVersion, selector({ 'app': 'reviews', 'version': 'v1', 'app.kubernetes.io/name': 'reviews' })))).toEqual([]);
    });

    test('fails on wildcards and empty keys, as Istio\'s webhook and CRD rules', () => {
      expect(brief(check(kind, apiVersion, selector({ 'app': 'reviews-*', '': 'x', 'ver*': 'v1' })))).toEqual([
        `error ${labels}.app`, `error ${labels}`, `error ${labels}`,
      ]);
    });

    test('warns about a selector without labels, as Istio\'s webhook', () => {
      const field = labels.slice(0, labels.lastIndexOf('.'));
      expect(brief(check(kind, apiVersion, selector({})))).toEqual([`warning ${field}`]);
    });

    test('warns about labels no pod can carry (stricter than Istio)', () => {
      expect(brief(check(kind, apiVersion, selector({ 'bad key': 'ok', 'app': '-bad-' })))).toEqual([`warning ${labels}`, `warning ${labels}.app`]);
    });
  });

  test('fails on a value longer than the CRD allows, and on more labels than it allows', () => {
    expect(brief(check('AuthorizationPolicy', 'security.istio.io/v1', { selector: { matchLabels: { app: 'a'.repeat(64) } } })))
      .toEqual(['error spec.selector.matchLabels.app']);
    const many = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`l${i}`, 'x']));
    expect(brief(check('Sidecar', 'networking.istio.io/v1', { workloadSelector: { labels: many } }))).toEqual(['error spec.workloadSelector.labels']);
  });

  test('warns on a Gateway selector, which Istio does not check: such a gateway selects no proxy', () => {
    const findings = check('Gateway', 'networking.istio.io/v1', { selector: { istio: 'ingress gateway', 'app*': 'x' }, servers: [] });
    expect(brief(findings)).toEqual(['warning spec.selector.istio', 'warning spec.selector']);
    expect(findings[0].message).toMatch(/^label value 'ingress gateway' of 'istio' is not a Kubernetes label value .*so the selector matches no pod/);
    expect(findings[1].message).toMatch(/stricter than Istio, which does not check a Gateway selector/);
    expect(brief(check('Gateway', 'networking.istio.io/v1alpha3', { selector: {}, servers: [] }))).toEqual([]);
  });

  test('passes a resource without selector, and leaves a selector of the wrong type to the schema check', () => {
    expect(brief(check('AuthorizationPolicy', 'security.istio.io/v1', {}))).toEqual([]);
    expect(brief(check('AuthorizationPolicy', 'security.istio.io/v1', { selector: { matchLabels: 'app=reviews' } }))).toEqual([]);
  });

  test('says what is wrong with each label, in the words of Istio\'s webhook', () => {
    const [value, key] = check('PeerAuthentication', 'security.istio.io/v1', { selector: { matchLabels: { app: 'rev*', '': 'x' } } });
    expect(value.message).toBe('label value \'rev*\' of \'app\' contains the wildcard \'*\', which selectors do not support (they match labels exactly)');
    expect(value.fix).toBe('select workloads by their pod labels, such as app: reviews (in spec.selector.matchLabels)');
    expect(key.message).toBe('workload selector has an empty label key');
    const [empty] = check('Sidecar', 'networking.istio.io/v1', { workloadSelector: {} });
    expect(empty.message).toBe('workload selector has no labels, so it applies to every workload in the namespace (Istio\'s webhook warns about this)');
    expect(empty.fix).toMatch(/remove spec\.workloadSelector to apply the resource to the whole namespace on purpose$/);
  });
});
