import { InvalidHeaderValue } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-header-value';
import { describeCheck, findingsOf, spec, withRoute } from './util';

const set = (value: string) => withRoute({ headers: { request: { set: { 'x-a': value } } } });

describeCheck(InvalidHeaderValue, {
  valid: [
    ['literals, %% and variables', withRoute({ headers: { request: { set: { a: 'plain', b: '100%%', c: '%HOSTNAME%', d: 'x %DOWNSTREAM_REMOTE_ADDRESS% y' } } } })],
    ['variables with arguments', withRoute({ headers: { response: { add: { a: '%START_TIME(%s)%', b: '%REQ(x-request-id)%', c: '%FILTER_STATE(["a", "b"])%' } } } })],
    ['a lowercase variable name (Envoy\'s parser does not restrict names)', set('%foo%')],
    ['a tab', set('a\tb')],
  ],
  invalid: [
    ['a lone % at the end', set('50%'), [['spec.http[0].headers.request.set.x-a']]],
    ['a % followed by digits', set('abc%123'), [['spec.http[0].headers.request.set.x-a']]],
    ['an unterminated variable', set('%START_TIME%%'), [['spec.http[0].headers.request.set.x-a']]],
    ['a newline, on a destination', spec({ http: [{ route: [{ destination: { host: 'reviews' }, headers: { response: { set: { 'x-b': 'a\nb' } } } }] }] }),
      [['spec.http[0].route[0].headers.response.set.x-b']]],
    ['a bad argument list', set('%VAR(["a" x])%'), [['spec.http[0].headers.request.set.x-a']]],
  ],
});

test('CI0116 explains how to write a literal %', () => {
  const [f] = findingsOf(InvalidHeaderValue, set('50%'));
  expect(f.message).toBe('the value of header \'x-a\' ends with an unescaped \'%\'');
  expect(f.fix).toMatch(/%%/);
});
