/**
 * Every Istio object any test renders with `Testing.synth` must validate against the Istio 1.30.3
 * CRD schema: this wraps `Testing.synth` so that a test rendering an invalid object fails, with
 * the object and its problems, even when the test itself only looks at one field.
 *
 * A test that renders an invalid object on purpose (to test the schema check itself) calls
 * `Testing.synth` inside `withoutSchemaGuard(() => ...)`.
 */
import { Testing } from 'cdk8s';
import { formatValue } from '../../lib/analysis/finding';
import { schemaProblems } from '../../lib/analysis/crd/schema';

const original = Testing.synth.bind(Testing);
let enabled = true;

Testing.synth = (chart) => {
  const objects = original(chart);
  if (enabled) {
    for (const o of objects) {
      const problems = schemaProblems(o);
      if (problems.length > 0) {
        throw new Error(`rendered ${o.kind}/${o.metadata?.name} does not validate against the Istio 1.30.3 CRD schema:\n${problems
          .map((p) => `  ${p.field} = ${formatValue(p.value)}: ${p.message}`).join('\n')}`);
      }
    }
  }
  return objects;
};

/** Runs `fn` with the schema guard off (for tests of invalid output on purpose). */
export function withoutSchemaGuard<T>(fn: () => T): T {
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = true;
  }
}
