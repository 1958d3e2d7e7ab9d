import { InvalidWorkloadEntryPort } from '../../../../../lib/analysis/checks/object/workload-entry/invalid-workload-entry-port';
import { findingsOf, linesOf, manifest } from '../service-entry/check-util';

const lines = (ports: unknown) => linesOf(InvalidWorkloadEntryPort, 'WorkloadEntry', { address: '1.1.1.1', ports });

describe('InvalidWorkloadEntryPort (CI0602)', () => {
  test('accepts DNS-label names (uppercase too) with ports in range', () => {
    expect(lines({ http: 1, 'HTTP-Admin': 65535 })).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['port 99999', { http: 99999 }, ['error spec.ports.http']],
    ['port 0', { http: 0 }, ['error spec.ports.http']],
    ['name @', { '@': 80 }, ['error spec.ports[\'@\']']],
    ['a name with a dot', { 'http.alt': 80 }, ['error spec.ports[\'http.alt\']']],
  ])('reports %s', (_name, ports, expected) => {
    expect(lines(ports)).toEqual(expected);
  });

  test('names the port', () => {
    const [f] = findingsOf(InvalidWorkloadEntryPort, manifest('WorkloadEntry', { address: '1.1.1.1', ports: { http: 99999 } }));
    expect(f.message).toBe('port 99999 of \'http\' is not from 1 to 65535');
    expect(f.fix).toBe('set spec.ports.http to the port the workload listens on for \'http\', e.g. 8080');
  });
});
