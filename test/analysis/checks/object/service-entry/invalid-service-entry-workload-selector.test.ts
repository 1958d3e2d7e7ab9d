import { ServiceEntrySelectorIgnored } from '../../../../../lib/analysis/checks/object/service-entry/invalid-service-entry-workload-selector';
import { findingsOf, linesOf, manifest } from './check-util';

const lines = (spec: unknown) => linesOf(ServiceEntrySelectorIgnored, 'ServiceEntry', { hosts: ['a.example.com'], ...(spec as object) });

describe('ServiceEntrySelectorIgnored (CI0409)', () => {
  test.each<[string, unknown]>([
    ['labels with STATIC', { resolution: 'STATIC', workloadSelector: { labels: { app: 'vm' } } }],
    ['labels with DNS (Istio does not warn)', { resolution: 'DNS', workloadSelector: { labels: { foo: 'bar' } } }],
    ['no selector', { resolution: 'NONE' }],
  ])('accepts %s', (_name, spec) => {
    expect(lines(spec)).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['resolution NONE, the default', { workloadSelector: { labels: { foo: 'bar' } } }, ['warning spec.workloadSelector']],
    ['resolution NONE, explicit', { resolution: 'NONE', workloadSelector: { labels: { foo: 'bar' } } }, ['warning spec.workloadSelector']],
  ])('reports %s', (_name, spec, expected) => {
    expect(lines(spec)).toEqual(expected);
  });

  test('says why and how to fix', () => {
    const [f] = findingsOf(ServiceEntrySelectorIgnored, manifest('ServiceEntry', { hosts: ['a.example.com'], workloadSelector: { labels: { app: 'vm' } } }));
    expect(f.message).toBe("workloadSelector should not be set with resolution NONE (the default) (Istio's webhook warns): NONE forwards to the address the client connected to");
    expect(f.fix).toBe('set resolution to STATIC to send traffic to the selected workloads, or remove spec.workloadSelector');
  });
});
