import { InvalidDestination } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-destination';
import { describeCheck, findingsOf, spec, withRoute } from './util';

const dest = (d: unknown) => spec({ http: [{ route: [{ destination: d }] }] });

describeCheck(InvalidDestination, {
  valid: [
    ['a host, a port and a subset', dest({ host: 'reviews.shop.svc.cluster.local', port: { number: 9080 }, subset: 'v1' })],
    ['an uppercase subset (Istio\'s DNS-1123 labels accept it)', dest({ host: 'reviews', subset: 'V1' })],
    ['a wildcard host (a ServiceEntry wildcard)', dest({ host: '*.googleapis.com' })],
    ['mirrors and TCP destinations', { hosts: ['mongo'], tcp: [{ route: [{ destination: { host: 'mongo', port: { number: 27017 } } }] }], http: [{ route: [{ destination: { host: 'a' } }], mirror: { host: 'b' } }] }],
  ],
  invalid: [
    ['host *', dest({ host: '*' }), [['spec.http[0].route[0].destination.host']]],
    ['a URL as host', dest({ host: 'http://ratings' }), [['spec.http[0].route[0].destination.host']]],
    ['no host', dest({ subset: 'v1' }), [['spec.http[0].route[0].destination.host']]],
    ['a subset with an underscore', dest({ host: 'reviews', subset: 'v1_beta' }), [['spec.http[0].route[0].destination.subset']]],
    ['port 90800 and an empty port', spec({ http: [{ route: [{ destination: { host: 'a', port: { number: 90800 } } }, { destination: { host: 'b', port: {} }, weight: 1 }] }] }),
      [['spec.http[0].route[0].destination.port.number'], ['spec.http[0].route[1].destination.port.number']]],
    ['a route entry without destination, and a null entry', spec({ http: [{ route: [{ weight: 1 }, null] }] }), [['spec.http[0].route[0].destination'], ['spec.http[0].route[1]']]],
    ['a bad mirror host and a bad mirrors subset', withRoute({ mirror: { host: 'a b' }, mirrors: [{ destination: { host: 'c', subset: 'x.y' } }] }),
      [['spec.http[0].mirror.host'], ['spec.http[0].mirrors[0].destination.subset']]],
    ['a TLS destination host *', { hosts: ['a.example.com'], tls: [{ match: [{ sniHosts: ['a.example.com'] }], route: [{ destination: { host: '*' } }] }] },
      [['spec.tls[0].route[0].destination.host']]],
  ],
});

test('CI0125 says a destination names one service', () => {
  expect(findingsOf(InvalidDestination, dest({ host: '*' }))[0].message).toBe('destination host \'*\' matches every host; a destination names one service');
});
