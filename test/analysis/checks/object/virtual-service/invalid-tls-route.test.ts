import { InvalidTlsRoute } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-tls-route';
import { describeCheck, findingsOf } from './util';

const tls = (route: unknown) => ({ hosts: ['a.example.com'], tls: [route] });
const to = [{ destination: { host: 'a' } }];

describeCheck(InvalidTlsRoute, {
  valid: [
    ['a route with an SNI match', tls({ match: [{ sniHosts: ['a.example.com'] }], route: to })],
  ],
  invalid: [
    ['no match', tls({ route: to }), [['spec.tls[0].match']]],
    ['a match without sniHosts, and a null match', tls({ match: [{ port: 443 }, null], route: to }), [['spec.tls[0].match[0].sniHosts'], ['spec.tls[0].match[1]']]],
    ['no destination', tls({ match: [{ sniHosts: ['a.example.com'] }] }), [['spec.tls[0].route']]],
  ],
});

test('CI0129 says TLS routes match on SNI', () => {
  expect(findingsOf(InvalidTlsRoute, tls({ route: to }))[0].message).toBe('the TLS route has no match; TLS routes need at least one match with sniHosts');
});
