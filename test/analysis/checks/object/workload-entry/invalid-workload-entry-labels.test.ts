import { InvalidWorkloadEntryLabels } from '../../../../../lib/analysis/checks/object/workload-entry/invalid-workload-entry-labels';
import { findingsOf, linesOf, manifest } from '../service-entry/check-util';

const lines = (labels: unknown) => linesOf(InvalidWorkloadEntryLabels, 'WorkloadEntry', { address: '1.1.1.1', labels });

describe('InvalidWorkloadEntryLabels (CI0603)', () => {
  test('accepts what Istio accepts: prefixed keys (uppercase too), empty values, long values', () => {
    expect(lines({ app: 'a', 'Example.com/Team_1': 'x', empty: '', long: 'v'.repeat(80) })).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['a value with a space', { version: 'v 1' }, ['error spec.labels.version']],
    ['a key with two slashes', { 'a/b/c': 'x' }, ['error spec.labels[\'a/b/c\']']],
    ['a key name longer than 63 characters', { ['k'.repeat(64)]: 'x' }, [`error spec.labels.${'k'.repeat(64)}`]],
    ['an empty key and a value ending with a dash', { '': 'x', app: 'a-' }, ['error spec.labels[\'\']', 'error spec.labels.app']],
  ])('reports %s', (_name, labels, expected) => {
    expect(lines(labels)).toEqual(expected);
  });

  test('names the label', () => {
    const [f] = findingsOf(InvalidWorkloadEntryLabels, manifest('WorkloadEntry', { address: '1.1.1.1', labels: { version: 'v 1' } }));
    expect(f.message).toBe('label value \'v 1\' of \'version\' is not a valid label value (alphanumerics, \'-\', \'_\' or \'.\', starting and ending with an alphanumeric, or empty)');
  });
});
