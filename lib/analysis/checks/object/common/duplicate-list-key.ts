import { defineCheck } from '../../../check';
import { duplicateListItems } from '../../../crd/list-types';
import { formatValue, Severity } from '../../../finding';

/**
 * CI0022: two items of a list the Istio 1.30.3 CRD declares `x-kubernetes-list-type: map` share
 * their key fields (`x-kubernetes-list-map-keys`: ServiceEntry `ports` by `name`, WasmPlugin
 * `vmConfig.env` by `name` and `match[].ports` by `number`), or a `set` list repeats an item. The
 * Kubernetes API server rejects the object ("Duplicate value").
 *
 * Its findings give way to a webhook check's on the same field (`defers`).
 *
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy
 */
export const DuplicateListKey = defineCheck({
  code: 'CI0022',
  name: 'DuplicateListKey',
  severity: Severity.ERROR,
  counterpart: 'CRD schema',
  catches: 'two items of a list-type map list of an Istio CRD share their key fields, or a set list repeats an item',
  scope: 'object',
  kinds: ['istio'],
  defers: true,
  evaluate({ object, report }) {
    for (const d of duplicateListItems(object.manifest)) {
      const first = `${d.list}[${d.firstIndex}]`;
      if (d.listType === 'set') {
        report({ field: d.field, value: d.value, message: `${formatValue(d.value)} repeats ${first}: ${d.list} is a set`, fix: `remove ${d.field}` });
        continue;
      }
      const key = d.value as Record<string, unknown>;
      const set = d.keys.filter((k) => Object.prototype.hasOwnProperty.call(key, k));
      const keys = d.keys.join(' and ');
      const what = set.length === 0 ? `has no ${keys}, like ${first}` : `repeats the ${set.map((k) => `${k} ${formatValue(key[k])}`).join(', ')} of ${first}`;
      report({
        field: d.field, value: set.length === 1 ? key[set[0]] : d.value,
        message: `${what}: ${d.list} is a map keyed by ${keys}`,
        fix: `give each item of ${d.list} a distinct ${keys}, or merge ${d.field} into ${first}`,
      });
    }
  },
});
