import { InvalidMatchHeaderName } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-match-header-name';
import { describeCheck, findingsOf, spec, to } from './util';

const headers = (h: Record<string, unknown>, place = 'headers') => spec({ http: [{ match: [{ [place]: h }], ...to() }] });
const exact = { exact: 'x' };

describeCheck(InvalidMatchHeaderName, {
  valid: [
    ['lowercase and uppercase names (Envoy matches names in any case)', headers({ 'end-user': exact, 'End-User': exact, 'X_Custom.Header': exact })],
    ['pseudo-headers', headers({ ':method': exact, ':authority': exact, ':path': exact })],
    ['JWT claims (CI0106 says where they work)', headers({ '@request.auth.claims.group': exact })],
  ],
  invalid: [
    ['a space', headers({ 'x user': exact }), [["spec.http[0].match[0].headers['x user']"]]],
    ['an empty name in withoutHeaders', headers({ '': exact }, 'withoutHeaders'), [["spec.http[0].match[0].withoutHeaders['']"]]],
    ['an uppercase pseudo-header', headers({ ':Method': exact }), [["spec.http[0].match[0].headers[':Method']"]]],
    ['the bare claim prefix', headers({ '@request.auth.claims': exact }), [["spec.http[0].match[0].headers['@request.auth.claims']"]]],
  ],
});

test('CI0112 names the header and the allowed characters', () => {
  expect(findingsOf(InvalidMatchHeaderName, headers({ 'x user': exact }))[0].message).toBe('header name \'x user\' is not an HTTP token (letters, digits and !#$%&\'*+-.^_`|~)');
});
