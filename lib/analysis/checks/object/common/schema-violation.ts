import { defineCheck } from '../../../check';
import { schemaProblems } from '../../../crd/schema';
import { Severity } from '../../../finding';

/**
 * CI0016: the object does not validate against the OpenAPI schema of the Istio 1.30.3 CRD of its
 * kind and version, as the Kubernetes API server checks it (with strict field validation) before
 * Istio's webhook sees it: unknown fields, wrong types, values outside an enum, a kind or version
 * the CRDs do not serve.
 *
 * @see https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation
 */
export const SchemaViolation = defineCheck({
  code: 'CI0016',
  name: 'SchemaViolation',
  severity: Severity.ERROR,
  counterpart: 'CRD schema',
  catches: 'the object does not validate against the Istio 1.30.3 CRD OpenAPI schema (unknown fields, types, enums, unserved versions)',
  scope: 'object',
  kinds: ['istio'],
  defers: true,
  evaluate({ object, report }) {
    for (const p of schemaProblems(object.manifest)) report(p);
  },
});
