import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI0020: an API object could not be rendered: a JSON patch that does not apply (an `add` under a
 * parent that does not exist), or a value of the wrong type passed from JavaScript or through a
 * cast. The finding is on the construct that failed; every other object is still checked, and the
 * failed one is checked as it renders without its patches when that works.
 *
 * @see https://cdk8s.io/docs/latest/basics/escape-hatches/
 */
export const RenderFailed = defineCheck({
  code: 'CI0020',
  name: 'RenderFailed',
  severity: Severity.ERROR,
  counterpart: 'cdk8s',
  catches: 'an object cannot be rendered: a JSON patch that does not apply, or a value of the wrong type',
  scope: 'input',
});
