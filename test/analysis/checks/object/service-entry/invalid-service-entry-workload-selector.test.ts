import { InvalidServiceEntryWorkloadSelector } from '../../../../../lib/analysis/checks/object/service-entry/invalid-service-entry-workload-selector';
import { findingsOf, linesOf, manifest } from './check-util';

const lines = (spec: unknown) => linesOf(InvalidServiceEntryWorkloadSelector, 'ServiceEntry', { hosts: ['a.example.com'], ...(spec as object) });

describe('InvalidServiceEntryWorkloadSelector (CI0409)', () => {
  test.each<[string, unknown]>([
    ['labels with STATIC', { resolution: 'STATIC', workloadSelector: { labels: { app: 'vm', 'app.kubernetes.io/name': 'vm' } } }],
    ['labels with DNS (Istio does not warn)', { resolution: 'DNS', workloadSelector: { labels: { foo: 'bar' } } }],
    ['no selector', { resolution: 'NONE' }],
  ])('accepts %s', (_name, spec) => {
    expect(lines(spec)).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['a wildcard value', { resolution: 'STATIC', workloadSelector: { labels: { val: '*' } } }, ['error spec.workloadSelector.labels.val']],
    ['a wildcard key', { resolution: 'STATIC', workloadSelector: { labels: { 'app*': 'a' } } }, ['error spec.workloadSelector.labels[\'app*\']']],
    ['an empty key', { resolution: 'STATIC', workloadSelector: { labels: { '': 'a' } } }, ['error spec.workloadSelector.labels[\'\']']],
    ['no labels (warning)', { resolution: 'STATIC', workloadSelector: {} }, ['warning spec.workloadSelector.labels']],
    ['resolution NONE, the default (warning)', { workloadSelector: { labels: { foo: 'bar' } } }, ['warning spec.workloadSelector']],
    ['a value that is not label syntax (warning, stricter than Istio)', { resolution: 'STATIC', workloadSelector: { labels: { version: 'v 1' } } }, ['warning spec.workloadSelector.labels.version']],
  ])('reports %s', (_name, spec, expected) => {
    expect(lines(spec)).toEqual(expected);
  });

  test('leaves a value longer than 63 characters to the CRD schema', () => {
    expect(lines({ resolution: 'STATIC', workloadSelector: { labels: { app: 'a'.repeat(64) } } })).toEqual([]);
  });

  test('says a selector without labels selects everything', () => {
    const [f] = findingsOf(InvalidServiceEntryWorkloadSelector, manifest('ServiceEntry', { hosts: ['a.example.com'], resolution: 'STATIC', workloadSelector: {} }));
    expect(f.message).toBe('workload selector has no labels, so it selects every workload in the namespace (Istio\'s webhook warns)');
    expect(f.fix).toBe('add the labels of the pods or WorkloadEntries to select in spec.workloadSelector.labels, e.g. app: my-vm');
  });
});
