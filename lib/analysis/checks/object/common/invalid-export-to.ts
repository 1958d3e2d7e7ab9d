import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asArray } from '../../../manifest/read';

const DNS1123_LABEL_ANY_CASE = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const NAMESPACE_NAME = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;

/**
 * CI0023: the `exportTo` list of a VirtualService, DestinationRule or ServiceEntry, as Istio's
 * webhook checks it (`validateExportTo`): each entry `.` (the object's own namespace), `*` (every
 * namespace), a namespace name (a DNS-1123 label) or, for a ServiceEntry only, `~` (no namespace);
 * no entry twice (`.` counts as the own namespace); `*` and `~` only alone; and a
 * DestinationRule with a `workloadSelector` exported to its own namespace only. An entry with
 * uppercase letters passes Istio's check but names no namespace (Kubernetes namespace names are
 * lowercase): a warning.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#DestinationRule
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry
 */
export const InvalidExportTo = defineCheck({
  code: 'CI0023',
  name: 'InvalidExportTo',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an exportTo entry is not \'.\', \'*\', a namespace name or (ServiceEntry only) \'~\', is listed twice, \'*\' or \'~\' is not alone, or a DestinationRule with a workloadSelector is exported beyond its namespace',
  scope: 'object',
  kinds: ['VirtualService.networking.istio.io', 'DestinationRule.networking.istio.io', 'ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const spec = object.manifest.spec;
    const raw = asArray(spec?.exportTo);
    if (raw.length === 0) return;
    const isServiceEntry = object.kind === 'ServiceEntry';
    const own = object.namespace;
    const allowed = isServiceEntry ? '\'.\', \'*\', \'~\' or a namespace name' : '\'.\', \'*\' or a namespace name';
    // the valid entries, as Istio's set of them ('.' stands for the own namespace)
    const valid = new Set<string>();
    raw.forEach((entry, i) => {
      if (typeof entry !== 'string') return; // the CRD schema reports the type
      const field = `spec.exportTo[${i}]`;
      const key = entry === '.' ? own : entry;
      if (valid.has(key)) {
        report({
          field, value: entry,
          message: key === own ? `exportTo lists the own namespace ${formatValue(own)} twice ('.' stands for it)` : `exportTo lists ${formatValue(entry)} twice`,
          fix: 'list every namespace once in exportTo',
        });
        return;
      }
      if (entry === '~' && !isServiceEntry) {
        report({ field, value: entry, message: `exportTo '~' (no namespace) is allowed only for a ServiceEntry, not a ${object.kind}`, fix: `replace '~' in ${field} with '.' to keep the ${object.kind} in its own namespace, or remove the ${object.kind}` });
        return;
      }
      if (key !== '*' && key !== '~' && !(key.length <= 63 && DNS1123_LABEL_ANY_CASE.test(key))) {
        report({ field, value: entry, message: `exportTo entry ${formatValue(entry)} is not ${allowed}`, fix: `replace ${formatValue(entry)} in ${field} with '.' (this namespace), '*' (every namespace)${isServiceEntry ? ', \'~\' (no namespace)' : ''} or the name of a namespace, a lowercase DNS-1123 label such as ${formatValue(suggestedNamespace(entry))}` });
        return;
      }
      valid.add(key);
      if (key !== '*' && key !== '~' && !NAMESPACE_NAME.test(key)) {
        report({
          field, value: entry, severity: Severity.WARNING,
          message: `stricter than Istio: exportTo entry ${formatValue(entry)} has uppercase letters, so it names no namespace (namespace names are lowercase)`,
          fix: 'write the namespace name in lowercase in exportTo',
        });
      }
    });
    if (object.kind === 'DestinationRule' && spec?.workloadSelector !== undefined && spec?.workloadSelector !== null && valid.size > 0) {
      if (!valid.has(own)) {
        report({
          field: 'spec.exportTo', value: raw, message: `a DestinationRule with a workloadSelector cannot be exported beyond its own namespace ${formatValue(own)}`,
          fix: 'set exportTo to [\'.\'], or remove it',
        });
      } else if (valid.size > 1) {
        report({
          field: 'spec.exportTo', value: raw, message: `a DestinationRule with a workloadSelector can be exported only to its own namespace ${formatValue(own)}, not to several`,
          fix: 'set exportTo to [\'.\'], or remove it',
        });
      }
    }
    if (raw.length > 1 && valid.has('*')) {
      report({ field: 'spec.exportTo', value: raw, message: '\'*\' exports to every namespace and cannot be combined with other exportTo entries', fix: 'use exportTo [\'*\'] alone, or list the namespaces' });
    }
    if (raw.length > 1 && valid.has('~')) {
      report({ field: 'spec.exportTo', value: raw, message: '\'~\' exports to no namespace and cannot be combined with other exportTo entries', fix: 'use exportTo [\'~\'] alone, or list the namespaces' });
    }
  },
});

/** A namespace name close to `entry`: lowercase, other characters turned into '-', trimmed to 63. */
function suggestedNamespace(entry: string): string {
  const name = entry.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return name === '' ? 'frontend' : name;
}
