import { DuplicateServiceEntryPort } from '../../../../../lib/analysis/checks/object/service-entry/duplicate-service-entry-port';
import { findingsOf, linesOf, manifest } from './check-util';

const lines = (ports: unknown) => linesOf(DuplicateServiceEntryPort, 'ServiceEntry', { hosts: ['a.example.com'], ports });

describe('DuplicateServiceEntryPort (CI0404)', () => {
  test('accepts distinct names and numbers, and one targetPort for two ports', () => {
    expect(lines([{ number: 80, name: 'a', targetPort: 80 }, { number: 81, name: 'b', targetPort: 80 }])).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['a name twice', [{ name: 'a', number: 1 }, { name: 'a', number: 12 }], ['error spec.ports[1].name']],
    ['a number twice', [{ name: 'a', number: 1 }, { name: 'b', number: 1 }], ['error spec.ports[1].number']],
    ['both, past a null port', [{ name: 'https', number: 443 }, null, { name: 'https', number: 443 }], ['error spec.ports[2].name', 'error spec.ports[2].number']],
  ])('reports %s', (_name, ports, expected) => {
    expect(lines(ports)).toEqual(expected);
  });

  test('names the first port with the name', () => {
    const [f] = findingsOf(DuplicateServiceEntryPort, manifest('ServiceEntry', { hosts: ['a.example.com'], ports: [{ name: 'a', number: 1 }, { name: 'a', number: 2 }] }));
    expect(f.message).toBe('port name \'a\' is already used by spec.ports[0]');
    expect(f.fix).toBe('give every port of the service entry its own name');
  });
});
