import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachItem } from '../../../manifest/read';
import { isDns1123Label } from './private/names';
import { VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0107: `spec.exportTo` of a VirtualService that Istio's webhook rejects: an entry that is not
 * `.` (its own namespace), `*` (every namespace) or a namespace name (a DNS-1123 label), `~`
 * (only ServiceEntries may be exported to no namespace), an entry listed twice (`.` counts as the
 * own namespace), or `*` together with other entries.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export const InvalidVirtualServiceExportTo = defineCheck({
  code: 'CI0107',
  name: 'InvalidVirtualServiceExportTo',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a VirtualService exportTo entry is not ., * or a namespace name, is ~, is listed twice, or * is not alone',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const { spec } = vsContext(object.manifest);
    const seen = new Set<string>();
    const own = object.namespace;
    const fix = 'list \'.\' (this namespace), \'*\' (every namespace, alone) or namespace names in spec.exportTo, each once';
    eachItem(spec.exportTo, 'spec.exportTo', (entry, field) => {
      if (typeof entry !== 'string') return;
      const key = entry === '.' ? own : entry;
      if (seen.has(key)) {
        report({
          field, value: entry, fix,
          message: key !== entry ? `exportTo lists '.' and the own namespace ${formatValue(own)} twice` : `exportTo lists ${formatValue(entry)} twice`,
        });
        return;
      }
      if (key === '~') {
        report({ field, value: entry, fix, message: 'exportTo \'~\' (no namespace) is not allowed for a VirtualService; only ServiceEntries can be hidden this way' });
        return;
      }
      if (key !== '.' && key !== '*' && !isDns1123Label(key)) {
        report({ field, value: entry, fix, message: `exportTo entry ${formatValue(entry)} is not '.', '*' or a namespace name (a DNS-1123 label)` });
        return;
      }
      seen.add(key);
    });
    if (seen.has('*') && Array.isArray(spec.exportTo) && spec.exportTo.length > 1) {
      report({ field: 'spec.exportTo', value: spec.exportTo, fix, message: 'exportTo \'*\' (every namespace) cannot be combined with other entries' });
    }
  },
});
