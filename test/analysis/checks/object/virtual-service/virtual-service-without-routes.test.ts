import { VirtualServiceWithoutRoutes } from '../../../../../lib/analysis/checks/object/virtual-service/virtual-service-without-routes';
import { describeCheck, findingsOf, spec, to } from './util';

describeCheck(VirtualServiceWithoutRoutes, {
  valid: [
    ['an HTTP route', spec()],
    ['only a TCP route', { hosts: ['mongo'], tcp: [{ route: [{ destination: { host: 'mongo' } }] }] }],
    ['only a TLS route', { hosts: ['a.example.com'], tls: [{ match: [{ sniHosts: ['a.example.com'] }], route: [{ destination: { host: 'a' } }] }] }],
    ['a delegate with routes', { http: [to()] }],
  ],
  invalid: [
    ['no routes', { hosts: ['reviews'] }, [['spec.http']]],
    ['empty route lists', { hosts: ['reviews'], http: [], tcp: [], tls: [] }, [['spec.http']]],
    ['no spec at all', undefined, [['spec.http']]],
  ],
});

test('CI0103 says which lists are empty', () => {
  expect(findingsOf(VirtualServiceWithoutRoutes, { hosts: ['reviews'] })[0].message).toBe('the VirtualService has no routes: spec.http, spec.tcp and spec.tls are all empty');
});
