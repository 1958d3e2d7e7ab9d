import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { dns1123SubdomainProblem } from '../../../values/validate';

/**
 * CI0001: the object's `metadata.name` is not a DNS-1123 subdomain, which the Kubernetes API
 * server requires of every Istio resource name (lowercase alphanumerics, `-` and `.`, at most 253
 * characters).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names
 */
export const InvalidName = defineCheck({
  code: 'CI0001',
  name: 'InvalidName',
  severity: Severity.ERROR,
  counterpart: 'Kubernetes API server',
  catches: 'metadata.name of an Istio resource is missing or not a lowercase DNS-1123 subdomain',
  scope: 'object',
  kinds: ['istio'],
  evaluate({ object, report }) {
    const name = object.manifest.metadata?.name;
    if (name === undefined && object.manifest.metadata?.generateName !== undefined) return;
    const problem = typeof name === 'string' ? dns1123SubdomainProblem(name) : 'must be set';
    if (problem) {
      report({
        field: 'metadata.name', value: name, message: `name ${problem}`,
        fix: 'use a lowercase name of letters, digits, \'-\' and \'.\' (for a construct: metadata.name, or the construct id)',
      });
    }
  },
});
