import { MissingWorkloadGroupTemplate } from '../../../../../lib/analysis/checks/object/workload-entry/missing-workload-group-template';
import { findingsOf, linesOf, manifest } from '../service-entry/check-util';

const lines = (spec: unknown) => linesOf(MissingWorkloadGroupTemplate, 'WorkloadGroup', spec);

describe('MissingWorkloadGroupTemplate (CI0604)', () => {
  test('accepts an empty template', () => {
    expect(lines({ template: {} })).toEqual([]);
  });

  test.each<[string, unknown]>([['no spec', undefined], ['no template', { metadata: { labels: { app: 'a' } } }], ['a null template', { template: null }]])('reports %s', (_name, spec) => {
    expect(lines(spec)).toEqual(['error spec.template']);
  });

  test('suggests what the template holds', () => {
    const [f] = findingsOf(MissingWorkloadGroupTemplate, manifest('WorkloadGroup', {}));
    expect(f.message).toBe('workload group has no template');
    expect(f.fix).toBe('set spec.template to the WorkloadEntry fields its VMs share (serviceAccount, labels, ports, network), or to {}');
  });
});
