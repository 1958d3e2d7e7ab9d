import { InvalidTcpRoute } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-tcp-route';
import { describeCheck, findingsOf } from './util';

const tcp = (route: unknown) => ({ hosts: ['mongo'], tcp: [route] });
const to = [{ destination: { host: 'mongo' } }];

describeCheck(InvalidTcpRoute, {
  valid: [
    ['a route with a match', tcp({ match: [{ port: 27017 }], route: to })],
    ['a route without match', tcp({ route: to })],
  ],
  invalid: [
    ['no destination', tcp({ match: [{ port: 999 }] }), [['spec.tcp[0].route']]],
    ['a null match', tcp({ match: [null], route: to }), [['spec.tcp[0].match[0]']]],
  ],
});

test('CI0128 says a TCP route needs a destination', () => {
  expect(findingsOf(InvalidTcpRoute, tcp({ route: [] }))[0].message).toBe('the TCP route has no destination');
});
