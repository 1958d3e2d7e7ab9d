import { IneffectiveRouteMatch } from '../../../../../lib/analysis/checks/object/virtual-service/ineffective-route-match';
import { describeCheck, findingsOf, to } from './util';

const http = (...routes: unknown[]) => ({ hosts: ['sample'], http: routes });
const prefix = (p: string, extra: Record<string, unknown> = {}) => ({ uri: { prefix: p }, ...extra });
const tcp = (...matches: unknown[][]) => ({ hosts: ['db'], tcp: matches.map((m) => ({ ...(m.length ? { match: m } : {}), route: [{ destination: { host: 'db' } }] })) });

describeCheck(IneffectiveRouteMatch, {
  valid: [
    ['distinct matches', http({ match: [prefix('/a')], ...to() }, { match: [prefix('/b')], ...to() })],
    ['an exact uri after prefix / with another method', http({ match: [prefix('/'), { uri: { exact: '/' }, method: { exact: 'GET' } }], ...to() })],
    ['a longer prefix first', http({ match: [prefix('/api/v1/products')], ...to() }, { match: [prefix('/api/v1/product')], ...to() })],
    ['a covered prefix with another method', http({ match: [prefix('/api/v1/product')], ...to() }, { match: [prefix('/api/v1/products', { method: { exact: 'POST' } })], ...to() })],
    ['HTTP routes after one without matches (CI1008 reports them)', http(to(), { match: [prefix('/a')], ...to() }, to())],
    ['HTTP matches after a prefix / route (CI1008 reports them)', http({ match: [prefix('/')], ...to() }, { match: [prefix('/a')], ...to() }, { match: [prefix('/a')], ...to() })],
    ['a TCP route without match last', tcp([{ port: 1 }], [])],
  ],
  invalid: [
    ['the same match twice (names aside): the match and the route are unused', http({ match: [{ name: 'a', ...prefix('/p') }], ...to() }, { name: 'second', match: [prefix('/p')], ...to() }),
      [['spec.http[1].match[0]'], ['spec.http[1]']]],
    ['one duplicate among two matches', http({ match: [prefix('/p')], ...to() }, { match: [prefix('/p'), prefix('/q')], ...to() }), [['spec.http[1].match[0]']]],
    ['a prefix covered by an earlier one (a match without method is read as GET)', http({ match: [prefix('/api/v1/product'), prefix('/api/v1/products', { method: { exact: 'GET' } })], ...to() }),
      [['spec.http[0].match[1]']]],
    ['a prefix covered across routes', http({ match: [prefix('/api/v1/prod')], ...to() }, { match: [prefix('/api/v1/product')], ...to() }), [['spec.http[1].match[0]']]],
    ['duplicate TCP matches', tcp([{ port: 1 }], [{ port: 1 }]), [['spec.tcp[1].match[0]'], ['spec.tcp[1]']]],
    ['two TCP routes without matches', tcp([], []), [['spec.tcp[1]']]],
    ['a TCP route after one without matches', tcp([], [{ port: 1 }]), [['spec.tcp[1]']]],
  ],
});

test('CI0132 names the routes as Istio does', () => {
  const [f] = findingsOf(IneffectiveRouteMatch, http({ name: 'first', match: [prefix('/p')], ...to() }, { match: [prefix('/p')], ...to() }));
  expect(f.message).toBe('match #0 of http route #1 is not used: route "first" has the same match');
  expect(f.severity).toBe('warning');
});
