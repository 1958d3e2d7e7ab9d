import { ServiceEntryWithoutEndpoints } from '../../../../../lib/analysis/checks/object/service-entry/service-entry-without-endpoints';
import { findingsOf, linesOf, manifest } from './check-util';

const lines = (spec: unknown) => linesOf(ServiceEntryWithoutEndpoints, 'ServiceEntry', { hosts: ['a.example.com'], ...(spec as object) });

describe('ServiceEntryWithoutEndpoints (CI0411)', () => {
  test.each<[string, unknown]>([
    ['STATIC with endpoints', { resolution: 'STATIC', endpoints: [{ address: '10.0.0.1' }] }],
    ['STATIC with a workloadSelector', { resolution: 'STATIC', workloadSelector: { labels: { app: 'vm' } } }],
    ['DNS without endpoints (the hosts are resolved)', { resolution: 'DNS' }],
    ['NONE', {}],
  ])('accepts %s', (_name, spec) => {
    expect(lines(spec)).toEqual([]);
  });

  test('warns about STATIC without endpoints or selector, as stricter than Istio', () => {
    expect(lines({ resolution: 'STATIC', addresses: ['172.1.2.16'] })).toEqual(['warning spec.endpoints']);
    const [f] = findingsOf(ServiceEntryWithoutEndpoints, manifest('ServiceEntry', { hosts: ['a.example.com'], resolution: 'STATIC' }));
    expect(f.message).toMatch(/^stricter than Istio: /);
    expect(f.fix).toBe('list the IP addresses in spec.endpoints, or select pods and WorkloadEntries with spec.workloadSelector');
  });
});
