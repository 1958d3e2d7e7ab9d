import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, eachItem, isRecord } from '../../../manifest/read';
import { isIstioDns1123Label } from './private/dns';
import { DESTINATION_RULE_KINDS } from './private/kinds';

/**
 * CI0204: `spec.exportTo` of a DestinationRule is not what Istio's webhook accepts
 * (`validateExportTo`): each entry is `.` (the rule's namespace), `*` (every namespace) or a
 * namespace name (`~` is only for ServiceEntries); no namespace twice (`.` counts as the rule's
 * own); `*` only alone; and a rule with a `workloadSelector` only in its own namespace. A namespace
 * name with uppercase letters passes Istio's check but names no Kubernetes namespace: a warning.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#DestinationRule
 */
export const InvalidDestinationRuleExportTo = defineCheck({
  code: 'CI0204',
  name: 'InvalidDestinationRuleExportTo',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a DestinationRule exportTo entry that is not `.`, `*` or a namespace, a namespace listed twice, `*` with others, or a workloadSelector rule exported beyond its namespace',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    const spec = asRecord(object.manifest.spec);
    const exportTo = spec.exportTo;
    if (!Array.isArray(exportTo) || exportTo.length === 0) return;
    const own = object.namespace || 'default';
    const visible = new Set<string>();
    eachItem(exportTo, 'spec.exportTo', (entry, field) => {
      if (typeof entry !== 'string') return; // the CRD schema reports the type
      const key = entry === '.' ? own : entry;
      if (visible.has(key)) {
        report({
          field, value: entry,
          message: key !== entry ? `exportTo lists '.' and the rule's own namespace ${formatValue(own)}, which are the same` : `exportTo lists ${formatValue(entry)} twice`,
          fix: `remove ${field}: list each namespace once`,
        });
        return;
      }
      if (key === '~') {
        report({ field, value: entry, message: 'exportTo \'~\' (no namespace) is only allowed on ServiceEntries', fix: `replace ${field} with '.' to keep the rule in its namespace` });
        return;
      }
      if (key !== '*' && !isIstioDns1123Label(key)) {
        report({ field, value: entry, message: `exportTo entry ${formatValue(entry)} is not '.', '*' or a namespace name`, fix: `set ${field} to '.', '*' or a namespace name such as 'prod'` });
        return;
      }
      if (key !== '*' && key !== key.toLowerCase()) {
        report({
          field, value: entry, severity: Severity.WARNING,
          message: `exportTo entry ${formatValue(entry)} has uppercase letters, so it names no Kubernetes namespace (stricter than Istio, which accepts it)`,
          fix: `write the namespace in ${field} in lowercase`,
        });
      }
      visible.add(key);
    });
    if (isRecord(spec.workloadSelector) && visible.size > 0) {
      if (!visible.has(own)) {
        report({
          field: 'spec.exportTo', value: exportTo,
          message: `a DestinationRule with a workloadSelector cannot be exported beyond its own namespace ${formatValue(own)}`,
          fix: 'set spec.exportTo to [\'.\'], or remove it (the selected workloads are in the rule\'s namespace)',
        });
      } else if (visible.size > 1) {
        report({
          field: 'spec.exportTo', value: exportTo,
          message: 'a DestinationRule with a workloadSelector cannot have several exportTo entries',
          fix: 'set spec.exportTo to [\'.\'], or remove it',
        });
      }
    }
    if (visible.has('*') && exportTo.length > 1) {
      report({
        field: 'spec.exportTo', value: exportTo,
        message: '\'*\' exports the rule to every namespace and cannot be combined with other exportTo entries',
        fix: 'set spec.exportTo to [\'*\'] alone, or list the namespaces without \'*\'',
      });
    }
  },
});
