import { InvalidMatchPort } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-match-port';
import { describeCheck, findingsOf, spec, to } from './util';

const tcp = (match: unknown) => ({ hosts: ['mongo'], tcp: [{ match: [match], route: [{ destination: { host: 'mongo' } }] }] });

describeCheck(InvalidMatchPort, {
  valid: [
    ['ports 1 and 65535', spec({ http: [{ match: [{ port: 1 }, { port: 65535 }], ...to() }] })],
    ['port 0 (no port condition)', tcp({ port: 0 })],
  ],
  invalid: [
    ['an HTTP match port above 65535', spec({ http: [{ match: [{ port: 70000 }], ...to() }] }), [['spec.http[0].match[0].port']]],
    ['a negative TCP match port', tcp({ port: -1 }), [['spec.tcp[0].match[0].port']]],
    ['a TLS match port above 65535', { hosts: ['a.example.com'], tls: [{ match: [{ sniHosts: ['a.example.com'], port: 99999 }], route: [{ destination: { host: 'a' } }] }] }, [['spec.tls[0].match[0].port']]],
  ],
});

test('CI0113 names the port', () => {
  expect(findingsOf(InvalidMatchPort, tcp({ port: 70000 }))[0].message).toBe('match port 70000 is not in 1-65535');
});
