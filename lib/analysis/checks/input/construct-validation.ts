import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI0019: a construct's own validation failed: a cdk8s or cdk8s-plus validation
 * (`node.addValidation`), or an L2 construct's hint about a value that cannot be turned into a
 * manifest (a workload without pod labels given to `Subset.fromWorkload`, for example).
 *
 * @see https://cdk8s.io/docs/latest/basics/constructs/
 */
export const ConstructValidation = defineCheck({
  code: 'CI0019',
  name: 'ConstructValidation',
  severity: Severity.ERROR,
  counterpart: 'cdk8s',
  catches: 'a cdk8s, cdk8s-plus or cdk8s-istio construct validation failed (the message says which)',
  scope: 'input',
});
