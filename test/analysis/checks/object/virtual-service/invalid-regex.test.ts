import { InvalidRegex } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-regex';
import { describeCheck, findingsOf, spec, to, withRoute } from './util';

const match = (m: Record<string, unknown>) => spec({ http: [{ match: [m], ...to() }] });

describeCheck(InvalidRegex, {
  valid: [
    ['RE2 in every string match', match({ uri: { regex: '^/reviews/[0-9]+$' }, method: { regex: 'GET|HEAD' }, headers: { 'x-tenant': { regex: '[a-z]+' } }, queryParams: { v: { regex: 'v[12]' } } })],
    ['withoutHeaders * (the presence match, not a regex)', match({ withoutHeaders: { 'x-debug': { regex: '*' } } })],
    ['a CORS origin and a uri rewrite', withRoute({ corsPolicy: { allowOrigins: [{ regex: 'https://.*\\.example\\.com' }] }, rewrite: { uriRegexRewrite: { match: '^/v1(/.*)$', rewrite: '/v2\\1' } } })],
    ['an empty CORS origin or rewrite regex (CI0118 and CI0122 report those)', withRoute({ corsPolicy: { allowOrigins: [{ regex: '' }] }, rewrite: { uriRegexRewrite: { match: '', rewrite: '/' } } })],
  ],
  invalid: [
    ['a lookahead in a uri', match({ uri: { regex: '^/api/(?!internal).*' } }), [['spec.http[0].match[0].uri.regex']]],
    ['a backreference in a header', match({ headers: { 'x-tenant': { regex: '^(\\w+)-\\1$' } } }), [['spec.http[0].match[0].headers.x-tenant.regex']]],
    ['an empty regex in a query parameter', match({ queryParams: { v: { regex: '' } } }), [['spec.http[0].match[0].queryParams.v.regex']]],
    ['a regex longer than 1024 characters', match({ authority: { regex: 'a'.repeat(1025) } }), [['spec.http[0].match[0].authority.regex']]],
    ['a lookbehind in a uri rewrite', withRoute({ rewrite: { uriRegexRewrite: { match: '(?<=/api)/v1(/.*)', rewrite: '/v2\\1' } } }), [['spec.http[0].rewrite.uriRegexRewrite.match']]],
    ['a lookahead in a CORS origin', withRoute({ corsPolicy: { allowOrigins: [{ regex: '(?=https)' }] } }), [['spec.http[0].corsPolicy.allowOrigins[0].regex']]],
    ['an invalid withoutHeaders regex', match({ withoutHeaders: { 'x-debug': { regex: '(' } } }), [['spec.http[0].match[0].withoutHeaders.x-debug.regex']]],
  ],
});

test('CI0109 says RE2 has no lookahead', () => {
  const [f] = findingsOf(InvalidRegex, match({ uri: { regex: '^/api/(?!internal).*' } }));
  expect(f.message).toMatch(/^uri regex '\^\/api\/\(\?!internal\)\.\*' is not valid RE2 \(.*\); Istio and Envoy use RE2, which has no lookahead, lookbehind or backreferences$/);
  expect(f.fix).toMatch(/RE2 syntax/);
});
