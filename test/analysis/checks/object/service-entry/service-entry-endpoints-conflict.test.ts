import { ServiceEntryEndpointsConflict } from '../../../../../lib/analysis/checks/object/service-entry/service-entry-endpoints-conflict';
import { findingsOf, linesOf, manifest } from './check-util';

const lines = (spec: unknown) => linesOf(ServiceEntryEndpointsConflict, 'ServiceEntry', { hosts: ['a.example.com'], ...(spec as object) });

describe('ServiceEntryEndpointsConflict (CI0407)', () => {
  test.each<[string, unknown]>([
    ['STATIC endpoints', { resolution: 'STATIC', endpoints: [{ address: '1.1.1.1' }, { address: '2.2.2.2' }] }],
    ['one DNS_ROUND_ROBIN endpoint', { resolution: 'DNS_ROUND_ROBIN', endpoints: [{ address: 'a.example.com' }] }],
    ['a workloadSelector without endpoints', { resolution: 'STATIC', workloadSelector: { labels: { app: 'a' } } }],
  ])('accepts %s', (_name, spec) => {
    expect(lines(spec)).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['endpoints and a workloadSelector', { resolution: 'STATIC', workloadSelector: {}, endpoints: [{ address: '1.2.3.4' }] }, ['error spec.workloadSelector']],
    ['endpoints without resolution', { endpoints: [{ address: '1.2.3.4' }] }, ['error spec.endpoints']],
    ['endpoints with NONE', { resolution: 'NONE', endpoints: [{ address: '1.2.3.4' }] }, ['error spec.endpoints']],
    ['two DNS_ROUND_ROBIN endpoints', { resolution: 'DNS_ROUND_ROBIN', endpoints: [{ address: 'sub1.example.com' }, { address: 'sub2.example.com' }] }, ['error spec.endpoints']],
  ])('reports %s', (_name, spec, expected) => {
    expect(lines(spec)).toEqual(expected);
  });

  test('says that NONE is the default', () => {
    const [f] = findingsOf(ServiceEntryEndpointsConflict, manifest('ServiceEntry', { hosts: ['a.example.com'], endpoints: [{ address: '1.2.3.4' }] }));
    expect(f.message).toBe('resolution NONE (the default) cannot have endpoints');
    expect(f.fix).toBe('set resolution to STATIC (IP endpoints) or DNS (DNS-name endpoints), or remove spec.endpoints');
  });
});
