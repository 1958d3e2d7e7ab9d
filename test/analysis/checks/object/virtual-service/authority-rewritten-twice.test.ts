import { AuthorityRewrittenTwice } from '../../../../../lib/analysis/checks/object/virtual-service/authority-rewritten-twice';
import { describeCheck, findingsOf, withRoute } from './util';

describeCheck(AuthorityRewrittenTwice, {
  valid: [
    ['rewrite.authority alone', withRoute({ rewrite: { authority: 'a' } })],
    ['a :authority header alone', withRoute({ headers: { request: { set: { ':authority': 'a' } } } })],
    ['rewrite.authority and other headers', withRoute({ rewrite: { authority: 'a' }, headers: { request: { set: { 'x-a': 'b' } } } })],
  ],
  invalid: [
    ['rewrite.authority and request set host', withRoute({ rewrite: { authority: 'x' }, headers: { request: { set: { host: 'y' } } } }), [['spec.http[0].headers.request.set.host']]],
    [':authority set and host added', withRoute({ headers: { request: { set: { ':authority': 'x' }, add: { Host: 'y' } } } }), [['spec.http[0].headers.request.add.Host']]],
  ],
});

test('CI0117 names both places', () => {
  expect(findingsOf(AuthorityRewrittenTwice, withRoute({ rewrite: { authority: 'x' }, headers: { request: { set: { host: 'y' } } } }))[0].message)
    .toBe('the authority is set twice: to \'x\' by spec.http[0].rewrite.authority and to \'y\' by header \'host\'');
});
