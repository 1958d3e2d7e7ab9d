import { InvalidServiceEntryPort } from '../../../../../lib/analysis/checks/object/service-entry/invalid-service-entry-port';
import { findingsOf, linesOf, manifest } from './check-util';

const lines = (ports: unknown) => linesOf(InvalidServiceEntryPort, 'ServiceEntry', { hosts: ['a.example.com'], ports });

describe('InvalidServiceEntryPort (CI0403)', () => {
  test.each<[string, unknown]>([
    ['known protocols in any case', [{ number: 80, name: 'http', protocol: 'http' }, { number: 81, name: 'a', protocol: 'GRPC-Web' }, { number: 82, name: 'b', protocol: 'mysql' }, { number: 83, name: 'c', protocol: 'HTTP_PROXY' }]],
    ['an uppercase port name (Istio\'s DNS-1123 label allows it)', [{ number: 443, name: 'HTTPS', protocol: 'HTTPS' }]],
    ['no protocol (sniffed)', [{ number: 8080, name: 'web' }]],
    ['a targetPort', [{ number: 80, name: 'http', targetPort: 8080 }]],
    ['targetPort 0 (unset for the webhook)', [{ number: 80, name: 'http', targetPort: 0 }]],
  ])('accepts %s', (_name, ports) => {
    expect(lines(ports)).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['a null port', [null], ['error spec.ports[0]']],
    ['port 0', [{ number: 0, name: 'a' }], ['error spec.ports[0].number']],
    ['port 99999', [{ number: 99999, name: 'a' }], ['error spec.ports[0].number']],
    ['targetPort 99999', [{ number: 1, name: 'a', targetPort: 99999 }], ['error spec.ports[0].targetPort']],
    ['a name with an underscore', [{ number: 80, name: 'http_web' }], ['error spec.ports[0].name']],
    ['an empty name', [{ number: 80, name: '' }], ['error spec.ports[0].name']],
    ['a name of 64 characters', [{ number: 80, name: 'a'.repeat(64) }], ['error spec.ports[0].name']],
    ['an unknown protocol', [{ number: 80, name: 'http', protocol: 'SPDY' }], ['error spec.ports[0].protocol']],
  ])('reports %s', (_name, ports, expected) => {
    expect(lines(ports)).toEqual(expected);
  });

  test('lists the protocols Istio knows', () => {
    const [f] = findingsOf(InvalidServiceEntryPort, manifest('ServiceEntry', { hosts: ['a.example.com'], ports: [{ number: 80, name: 'http', protocol: 'SPDY' }] }));
    expect(f.message).toBe('protocol \'SPDY\' is not one Istio knows; known: HTTP, HTTPS, HTTP2, GRPC, GRPC-Web, HTTP_PROXY, TCP, TLS, UDP, Mongo, Redis, MySQL');
    expect(f.fix).toBe('set protocol to one of the known protocols, or remove it to let Istio detect the protocol');
  });

  test('says which port number is out of range, and the fix names the field instead of repeating the range', () => {
    const [f] = findingsOf(InvalidServiceEntryPort, manifest('ServiceEntry', { hosts: ['a.example.com'], ports: [{ number: 70000, name: 'http' }] }));
    expect(f.message).toBe('port number 70000 is not from 1 to 65535');
    expect(f.fix).toBe('set spec.ports[0].number to the port the service listens on, e.g. 443 or 5432');
  });

  test('leaves values of the wrong type to the CRD schema', () => {
    expect(lines([{ number: '80', name: 7, protocol: 1 }, 'http'])).toEqual([]);
  });
});
