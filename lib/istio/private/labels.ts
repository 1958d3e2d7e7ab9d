import { formatValue, ProblemCollector } from '../../analysis/finding';
import { labelKeyProblem, labelValueProblem } from '../../analysis/values/validate';

/**
 * Records CI0018 for every invalid key or value of a label map (a selector, a subset's labels,
 * source labels, endpoint labels), at `field['key']` relative to `problems`.
 *
 * `noWildcards` rejects `*` in keys and values: Istio's selectors match labels exactly, and a
 * `*` there is a common mistake carried over from host patterns.
 */
export function validateLabelMap(problems: ProblemCollector, field: string, labels: Readonly<Record<string, string>>,
  options: { readonly what?: string; readonly noWildcards?: boolean } = {}): void {
  const what = options.what ?? 'label';
  for (const [key, value] of Object.entries(labels)) {
    const at = `${field}['${key}']`;
    const keyProblem = key === '' ? 'must not be empty'
      : options.noWildcards && key.includes('*') ? 'must not contain the wildcard \'*\' (selectors match labels exactly)'
        : labelKeyProblem(key);
    if (keyProblem) problems.add('CI0018', at, key, `${what} key ${formatValue(key)} ${keyProblem}`, 'use a Kubernetes label key such as \'app\' or \'app.kubernetes.io/name\'');
    const valueProblem = options.noWildcards && typeof value === 'string' && value.includes('*') ? 'must not contain the wildcard \'*\' (selectors match labels exactly)'
      : labelValueProblem(value);
    if (valueProblem) problems.add('CI0018', at, value, `${what} value ${formatValue(value)} of ${formatValue(key)} ${valueProblem}`, 'use a Kubernetes label value such as \'v1\'');
  }
}
