import { Severity } from '../../../../../lib/analysis/finding';
import { InvalidHeaderOperation } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-header-operation';
import { describeCheck, findingsOf, spec, withRoute } from './util';

describeCheck(InvalidHeaderOperation, {
  valid: [
    ['ordinary names on every side (any case)', withRoute({ headers: { request: { set: { 'X-Via': 'mesh' }, add: { 'x-b': '1' }, remove: ['x-debug'] }, response: { set: { 'x-c': '1' }, remove: ['server'] } } })],
    ['the authority set on the request, as :authority or host', withRoute({ headers: { request: { set: { ':authority': 'a.example.com' } } } })],
    ['host added on the request of a destination', spec({ http: [{ route: [{ destination: { host: 'reviews' }, headers: { request: { add: { Host: 'b' } } } }] }] })],
  ],
  invalid: [
    ['a pseudo-header set on the request', withRoute({ headers: { request: { set: { ':path': '/x' } } } }), [["spec.http[0].headers.request.set[':path']"]]],
    ['host removed from the request', withRoute({ headers: { request: { remove: ['host'] } } }), [['spec.http[0].headers.request.remove[0]']]],
    ['host set on the response, :authority added to it', withRoute({ headers: { response: { set: { Host: 'x' }, add: { ':authority': 'y' } } } }),
      [['spec.http[0].headers.response.set.Host'], ["spec.http[0].headers.response.add[':authority']"]]],
    ['an empty name in a destination\'s headers', spec({ http: [{ route: [{ destination: { host: 'reviews' }, headers: { response: { remove: [''] } } }] }] }),
      [['spec.http[0].route[0].headers.response.remove[0]']]],
    ['a name with a space (Istio accepts it)', withRoute({ headers: { request: { set: { 'x via': 'mesh' } } } }), [["spec.http[0].headers.request.set['x via']", Severity.WARNING]]],
  ],
});

test('CI0115 points to rewrite for the path', () => {
  const [f] = findingsOf(InvalidHeaderOperation, withRoute({ headers: { request: { set: { ':path': '/x' } } } }));
  expect(f.message).toBe('header \':path\' in request.set is a pseudo-header, which header operations cannot change');
  expect(f.fix).toMatch(/rewrite\.uri/);
});
