import { InvalidWorkloadGroupLabels } from '../../../../../lib/analysis/checks/object/workload-entry/invalid-workload-group-labels';
import { linesOf } from '../service-entry/check-util';

const lines = (metadata: unknown) => linesOf(InvalidWorkloadGroupLabels, 'WorkloadGroup', { template: {}, metadata });

describe('InvalidWorkloadGroupLabels (CI0605)', () => {
  test('accepts valid labels and any annotations', () => {
    expect(lines({ labels: { foo: 'bar' }, annotations: { 'a b': 'anything at all' } })).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['Istio\'s own invalid case', { labels: { '.': '~' } }, ['error spec.metadata.labels[\'.\']', 'error spec.metadata.labels[\'.\']']],
    ['a value with a slash', { labels: { app: 'a/b' } }, ['error spec.metadata.labels.app']],
  ])('reports %s', (_name, metadata, expected) => {
    expect(lines(metadata)).toEqual(expected);
  });
});
