import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI0026: a manifest file that cannot be read, or a YAML document that does not parse (kubectl
 * would refuse the whole file). Documents that parse but are not Kubernetes objects are skipped
 * with a note instead.
 *
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/
 */
export const UnreadableManifest = defineCheck({
  code: 'CI0026',
  name: 'UnreadableManifest',
  severity: Severity.ERROR,
  counterpart: 'kubectl',
  catches: 'a manifest file that cannot be read, or a YAML document that does not parse',
  scope: 'input',
});
