import { Severity } from '../../../../../lib/analysis/finding';
import { InvalidMatchSource } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-match-source';
import { describeCheck, findingsOf, spec, to } from './util';

const http = (m: unknown) => spec({ http: [{ match: [m], ...to() }] });
const tcp = (m: unknown) => ({ hosts: ['mongo'], tcp: [{ match: [m], route: [{ destination: { host: 'mongo' } }] }] });

describeCheck(InvalidMatchSource, {
  valid: [
    ['labels and a namespace', http({ sourceLabels: { 'app.kubernetes.io/name': 'reviews', version: 'v2', empty: '' }, sourceNamespace: 'shop' })],
    ['an uppercase namespace (Istio\'s DNS-1123 label accepts it)', http({ sourceNamespace: 'Shop' })],
    ['a label value longer than 63 characters (Istio does not limit it)', http({ sourceLabels: { app: 'a'.repeat(70) } })],
  ],
  invalid: [
    ['a label value with a space and a key with two slashes', http({ sourceLabels: { app: 'reviews v2', 'a/b/c': 'x' } }),
      [["spec.http[0].match[0].sourceLabels.app"], ["spec.http[0].match[0].sourceLabels['a/b/c']"]]],
    ['a wildcard label value', tcp({ sourceLabels: { app: 'reviews-*' } }), [['spec.tcp[0].match[0].sourceLabels.app']]],
    ['an HTTP sourceNamespace that is not a DNS label', http({ sourceNamespace: 'shop_prod' }), [['spec.http[0].match[0].sourceNamespace']]],
    ['a TCP sourceNamespace that is not a DNS label (Istio does not check it)', tcp({ sourceNamespace: 'shop.prod' }), [['spec.tcp[0].match[0].sourceNamespace', Severity.WARNING]]],
  ],
});

test('CI0114 names the label value', () => {
  expect(findingsOf(InvalidMatchSource, http({ sourceLabels: { app: 'a b' } }))[0].message)
    .toBe('source label value \'a b\' is not a label value (letters, digits, \'-\', \'_\' or \'.\', starting and ending with a letter or digit)');
});
