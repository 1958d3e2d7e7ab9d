import { InvalidCorsPolicy } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-cors-policy';
import { describeCheck, findingsOf, withRoute } from './util';

const cors = (corsPolicy: Record<string, unknown>) => withRoute({ corsPolicy });

describeCheck(InvalidCorsPolicy, {
  valid: [
    ['a full policy', cors({ allowOrigins: [{ exact: 'https://a.example.com' }, { prefix: 'https://' }, { regex: '.*' }], allowMethods: ['GET', 'POST', '*'], allowHeaders: ['content-type', '*'], exposeHeaders: ['X-Request-Id'], maxAge: '24h', allowCredentials: true })],
  ],
  invalid: [
    ['an empty origin and an origin without a match type', cors({ allowOrigins: [{ exact: '' }, {}] }), [['spec.http[0].corsPolicy.allowOrigins[0].exact'], ['spec.http[0].corsPolicy.allowOrigins[1]']]],
    ['a lowercase method', cors({ allowMethods: ['get'] }), [['spec.http[0].corsPolicy.allowMethods[0]']]],
    ['header names with a space or empty', cors({ allowHeaders: ['content type'], exposeHeaders: [''] }), [['spec.http[0].corsPolicy.allowHeaders[0]'], ['spec.http[0].corsPolicy.exposeHeaders[0]']]],
    ['a maxAge in milliseconds', cors({ maxAge: '1500ms' }), [['spec.http[0].corsPolicy.maxAge']]],
    ['a maxAge of 0s', cors({ maxAge: '0s' }), [['spec.http[0].corsPolicy.maxAge']]],
  ],
});

test('CI0118 lists the methods', () => {
  const [f] = findingsOf(InvalidCorsPolicy, cors({ allowMethods: ['get'] }));
  expect(f.message).toBe('allowMethods entry \'get\' is not a supported HTTP method');
  expect(f.fix).toBe('use one of GET, HEAD, POST, PUT, PATCH, DELETE, CONNECT, OPTIONS, TRACE, * (uppercase)');
});
