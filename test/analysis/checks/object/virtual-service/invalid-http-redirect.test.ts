import { InvalidHttpRedirect } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-http-redirect';
import { describeCheck, findingsOf, spec } from './util';

const redirect = (r: unknown) => spec({ http: [{ redirect: r }] });

describeCheck(InvalidHttpRedirect, {
  valid: [
    ['a uri with a 3xx code', redirect({ uri: '/new', redirectCode: 308 })],
    ['a scheme and an authority', redirect({ scheme: 'https', authority: 'a.example.com' })],
    ['a port alone', redirect({ port: 8443 })],
    ['derivePort alone', redirect({ derivePort: 'FROM_REQUEST_PORT' })],
  ],
  invalid: [
    ['nothing to change', redirect({ redirectCode: 301 }), [['spec.http[0].redirect']]],
    ['a 200 code', redirect({ uri: '/x', redirectCode: 200 }), [['spec.http[0].redirect.redirectCode']]],
    ['an ftp scheme', redirect({ scheme: 'ftp', authority: 'files.example.com' }), [['spec.http[0].redirect.scheme']]],
    ['a port above 65535', redirect({ port: 70000 }), [['spec.http[0].redirect.port']]],
    ['port and derivePort', redirect({ port: 80, derivePort: 'FROM_REQUEST_PORT' }), [['spec.http[0].redirect']]],
  ],
});

test('CI0121 says a redirect must change something', () => {
  expect(findingsOf(InvalidHttpRedirect, redirect({}))[0].message).toBe('the redirect changes nothing: it has no uri, authority, scheme, port or derivePort');
});
