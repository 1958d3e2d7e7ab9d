import { DuplicateHttpRouteName } from '../../../../../lib/analysis/checks/object/virtual-service/duplicate-http-route-name';
import { describeCheck, findingsOf, spec, to } from './util';

describeCheck(DuplicateHttpRouteName, {
  valid: [
    ['distinct names', spec({ http: [{ name: 'a', ...to() }, { name: 'b', ...to() }] })],
    ['unnamed routes', spec({ http: [to(), to()] })],
  ],
  invalid: [
    ['a name used twice', spec({ http: [{ name: 'primary', ...to() }, { name: 'primary', ...to() }, { name: 'primary', ...to() }] }), [['spec.http[1].name'], ['spec.http[2].name']]],
  ],
});

test('CI0133 is a warning: Istio accepts two routes with one name', () => {
  const [f] = findingsOf(DuplicateHttpRouteName, spec({ http: [{ name: 'r', ...to() }, { name: 'r', ...to() }] }));
  expect(f.severity).toBe('warning');
  expect(f.message).toBe('HTTP route name \'r\' is already used by spec.http[0], so access logs and metrics cannot tell the two routes apart (stricter than Istio, which accepts it)');
});
