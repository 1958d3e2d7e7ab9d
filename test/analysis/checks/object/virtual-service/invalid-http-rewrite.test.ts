import { InvalidHttpRewrite } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-http-rewrite';
import { describeCheck, findingsOf, withRoute } from './util';

const rewrite = (r: unknown) => withRoute({ rewrite: r });

describeCheck(InvalidHttpRewrite, {
  valid: [
    ['a uri and an authority', rewrite({ uri: '/', authority: 'a' })],
    ['a regex rewrite', rewrite({ uriRegexRewrite: { match: '^/v1(/.*)$', rewrite: '/v2\\1' } })],
  ],
  invalid: [
    ['uri and uriRegexRewrite', rewrite({ uri: '/', uriRegexRewrite: { match: 'a', rewrite: 'b' } }), [['spec.http[0].rewrite.uriRegexRewrite']]],
    ['nothing to rewrite', rewrite({}), [['spec.http[0].rewrite']]],
    ['a regex rewrite without rewrite', rewrite({ uriRegexRewrite: { match: '^/v1' } }), [['spec.http[0].rewrite.uriRegexRewrite.rewrite']]],
    ['a regex rewrite without match', rewrite({ uriRegexRewrite: { rewrite: '/' } }), [['spec.http[0].rewrite.uriRegexRewrite.match']]],
  ],
});

test('CI0122 says both regex fields are needed', () => {
  expect(findingsOf(InvalidHttpRewrite, rewrite({ uriRegexRewrite: { match: '^/v1' } }))[0].message).toBe('uriRegexRewrite needs both match and rewrite');
});
