import { UriPrefixWithoutSlash } from '../../../../../lib/analysis/checks/object/virtual-service/uri-prefix-without-slash';
import { describeCheck, findingsOf, spec, to } from './util';

const match = (m: Record<string, unknown>) => spec({ http: [{ match: [m], ...to() }] });

describeCheck(UriPrefixWithoutSlash, {
  valid: [
    ['a prefix starting with /', match({ uri: { prefix: '/reviews' } })],
    ['an empty prefix', match({ uri: { prefix: '' } })],
    ['an exact uri without / (another mistake, not this one)', match({ uri: { exact: 'reviews' } })],
  ],
  invalid: [
    ['a prefix without /', match({ uri: { prefix: 'reviews' } }), [['spec.http[0].match[0].uri.prefix']]],
  ],
});

test('CI0111 is a warning that says it is stricter than Istio', () => {
  const [f] = findingsOf(UriPrefixWithoutSlash, match({ uri: { prefix: 'api' } }));
  expect(f.severity).toBe('warning');
  expect(f.message).toBe('uri prefix \'api\' does not start with \'/\', so it never matches a request path (stricter than Istio, which accepts it)');
  expect(f.fix).toBe('start the prefix with \'/\': \'/api\'');
});
