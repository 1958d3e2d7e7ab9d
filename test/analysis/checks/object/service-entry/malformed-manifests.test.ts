import { InvalidExportTo } from '../../../../../lib/analysis/checks/object/common/invalid-export-to';
import { SERVICE_ENTRY_CHECKS } from '../../../../../lib/analysis/checks/object/service-entry';
import { WORKLOAD_ENTRY_CHECKS } from '../../../../../lib/analysis/checks/object/workload-entry';
import { manifest } from './check-util';

const CHECKS = [...SERVICE_ENTRY_CHECKS, ...WORKLOAD_ENTRY_CHECKS, InvalidExportTo];

// what a plain-JavaScript user, a cast or a hand-written YAML file can put in a spec
const SPECS: unknown[] = [
  null, 'spec', 7, [], {},
  { hosts: 'a.example.com', ports: 'http', endpoints: 'x', addresses: 'x', exportTo: '.', workloadSelector: 'x', resolution: 7, location: {} },
  { hosts: [null, 1, {}], ports: [1, 'x', [], { number: {}, name: [], protocol: {}, targetPort: 'x' }], addresses: [null, 3], exportTo: [null, 1, {}] },
  { resolution: 'STATIC', endpoints: [1, 'x', [], { address: 7, ports: 'x', labels: [] }, { address: 'unix://', ports: { a: 'x' }, labels: { a: 1 } }] },
  { resolution: 'DNS', hosts: ['a.com', 'b.com'], endpoints: [{ address: {} }], addresses: ['1.1.1.1'], ports: [{ number: 1, name: 'a', protocol: 'TCP' }] },
  { resolution: 'DYNAMIC_DNS', hosts: [''], ports: [{}], workloadSelector: { labels: 'x' } },
  { workloadSelector: { labels: { a: 1, b: null } }, endpoints: [{}] },
  { address: 7, network: {}, ports: [], labels: 'x' },
  { template: 'x', metadata: 'x', probe: 'x' },
  { template: {}, metadata: { labels: [] }, probe: { httpGet: 'x', periodSeconds: 'x' } },
  { template: {}, probe: { httpGet: { port: 'x', scheme: 1, httpHeaders: 'x' } } },
  { template: {}, probe: { httpGet: { port: 80, httpHeaders: [null, 1, { name: 2 }] } } },
  { template: {}, probe: { exec: 'x' } },
  { template: {}, probe: { tcpSocket: null, exec: { command: 'x' } } },
];

test.each(['ServiceEntry', 'WorkloadEntry', 'WorkloadGroup', 'VirtualService', 'DestinationRule'])('no check throws on a malformed %s', (kind) => {
  for (const spec of SPECS) {
    for (const check of CHECKS) {
      const m = manifest(kind, spec, spec === null ? { labels: 'x' } : {});
      expect(() => check.evaluate({ object: { manifest: m, kind, namespace: 'shop' } as any, report: () => undefined })).not.toThrow();
    }
  }
});
