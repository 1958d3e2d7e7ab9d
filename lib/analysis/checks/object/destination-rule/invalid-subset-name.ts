import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, eachItem, isRecord } from '../../../manifest/read';
import { isIstioDnsLabel } from '../../../values/istio-names';
import { DESTINATION_RULE_KINDS } from './private/kinds';

/**
 * CI0202: a subset of a DestinationRule is null, has no name, a name that is not a DNS-1123 label
 * (letters, digits and `-`, at most 63 characters; Istio accepts uppercase letters), or the name of
 * an earlier subset of the same rule.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset
 */
export const InvalidSubsetName = defineCheck({
  code: 'CI0202',
  name: 'InvalidSubsetName',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a DestinationRule subset that is null, unnamed, named with something other than a DNS-1123 label, or named like an earlier subset',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    const seen = new Map<string, number>();
    eachItem(asRecord(object.manifest.spec).subsets, 'spec.subsets', (subset, at, i) => {
      if (!isRecord(subset)) {
        if (subset === null) {
          report({ field: at, value: null, message: 'subset may not be null', fix: `remove ${at} or give it a name and labels` });
        }
        return; // other types: the CRD schema
      }
      const name = subset.name;
      const field = `${at}.name`;
      if (name === undefined || name === null || name === '') {
        report({ field, value: name, message: 'subset name is required', fix: `set ${field} to a name such as 'v1' that routes refer to` });
        return;
      }
      if (typeof name !== 'string') return;
      if (!isIstioDnsLabel(name)) {
        report({
          field, value: name,
          message: `subset name ${formatValue(name)} is not a DNS-1123 label (letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)`,
          fix: `rename ${field} to a label such as 'v1' or 'canary', and the subset of the routes that use it`,
        });
      }
      const first = seen.get(name);
      if (first !== undefined) {
        report({ field, value: name, message: `subset name ${formatValue(name)} is already used by spec.subsets[${first}]`, fix: `give ${field} a name of its own, or merge the two subsets` });
      } else {
        seen.set(name, i);
      }
    });
  },
});
