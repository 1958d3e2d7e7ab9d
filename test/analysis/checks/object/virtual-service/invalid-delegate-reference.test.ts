import { InvalidDelegateReference } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-delegate-reference';
import { describeCheck, findingsOf, spec } from './util';

const delegate = (d: unknown) => spec({ http: [{ delegate: d }] });

describeCheck(InvalidDelegateReference, {
  valid: [
    ['a name and a namespace', delegate({ name: 'reviews', namespace: 'shop' })],
    ['a name alone', delegate({ name: 'reviews.v2' })],
  ],
  invalid: [
    ['an uppercase name', delegate({ name: 'Reviews' }), [['spec.http[0].delegate.name']]],
    ['no name, a namespace with a dot', delegate({ namespace: 'a.b' }), [['spec.http[0].delegate.name'], ['spec.http[0].delegate.namespace']]],
  ],
});

test('CI0134 is a warning stricter than Istio', () => {
  const [f] = findingsOf(InvalidDelegateReference, delegate({ name: 'Reviews' }));
  expect(f.severity).toBe('warning');
  expect(f.message).toMatch(/^delegate name 'Reviews' must be lowercase .*stricter than Istio, whose webhook does not check it\)$/);
});
