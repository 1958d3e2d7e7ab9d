import { InvalidStringMatch } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-string-match';
import { describeCheck, findingsOf, spec, to } from './util';

const match = (m: Record<string, unknown>) => spec({ http: [{ match: [m], ...to() }] });

describeCheck(InvalidStringMatch, {
  valid: [
    ['an empty uri prefix (matches every path)', match({ uri: { prefix: '' } })],
    ['an empty exact match', match({ headers: { 'x-a': { exact: '' } } })],
    ['an empty match object', match({ headers: { 'x-a': {} } })],
    ['a null withoutHeaders entry', match({ withoutHeaders: { 'x-a': null } })],
  ],
  invalid: [
    ['an empty method prefix', match({ method: { prefix: '' } }), [['spec.http[0].match[0].method.prefix']]],
    ['an empty header and query prefix', match({ headers: { 'x-a': { prefix: '' } }, queryParams: { q: { prefix: '' } } }),
      [['spec.http[0].match[0].headers.x-a.prefix'], ['spec.http[0].match[0].queryParams.q.prefix']]],
    ['a null header match', match({ headers: { 'x-a': null } }), [['spec.http[0].match[0].headers.x-a']]],
  ],
});

test('CI0110 names the place of the empty prefix', () => {
  expect(findingsOf(InvalidStringMatch, match({ scheme: { prefix: '' } }))[0].message).toBe('the prefix match of scheme is empty, which Istio rejects outside uri');
});
