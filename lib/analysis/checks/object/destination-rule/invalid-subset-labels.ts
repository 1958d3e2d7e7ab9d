import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, eachEntry, eachItem, isRecord } from '../../../manifest/read';
import { labelKeyProblem, labelValueProblem } from '../../../values/validate';
import { DESTINATION_RULE_KINDS } from './private/kinds';

// Istio's labels.Instance.Validate (pkg/config/labels): a key is an optional DNS prefix and '/',
// then a qualified name of at most 63 characters; a value is a qualified name or empty, of any length
const LABEL_FMT = '[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?';
const QUALIFIED_NAME = '(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const KEY = new RegExp(`^(${LABEL_FMT}(?:\\.${LABEL_FMT})*/)?(${QUALIFIED_NAME})$`);
const VALUE = new RegExp(`^(${QUALIFIED_NAME})?$`);

/**
 * CI0203: a label of a DestinationRule subset is not one Istio's webhook accepts (a key is an
 * optional DNS prefix and `/`, then up to 63 letters, digits, `-`, `_` or `.`, starting and ending
 * with a letter or digit; a value is empty or of the same characters). A label Istio accepts but
 * that no Kubernetes pod can carry (a value over 63 characters, an uppercase key prefix) selects no
 * endpoint, and is a warning. A subset without labels is valid (it selects every endpoint of the
 * host, as in Istio's egress-gateway task) and is not reported.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset
 */
export const InvalidSubsetLabels = defineCheck({
  code: 'CI0203',
  name: 'InvalidSubsetLabels',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a DestinationRule subset label key or value that Istio rejects; a warning for one no pod can carry',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    eachItem(asRecord(object.manifest.spec).subsets, 'spec.subsets', (subset, at) => {
      if (!isRecord(subset)) return;
      eachEntry(subset.labels, `${at}.labels`, (key, value, field) => {
        if (typeof value !== 'string') return; // the CRD schema reports the type
        const fix = `use a Kubernetes label of the pods, such as version: v1, in ${at}.labels`;
        const keyMatch = KEY.exec(key);
        if (!keyMatch || keyMatch[2].length > 63 || (keyMatch[1] && keyMatch[1].length - 1 > 253)) {
          report({ field, value: key, message: `subset label key ${formatValue(key)} is invalid: use an optional DNS prefix and '/', then up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`, fix });
        } else if (labelKeyProblem(key)) {
          report({ field, value: key, severity: Severity.WARNING, message: `subset label key ${formatValue(key)} ${labelKeyProblem(key)} for Kubernetes, so no pod carries it and the subset selects no endpoint (stricter than Istio, which accepts it)`, fix });
        }
        if (!VALUE.test(value)) {
          report({ field, value, message: `subset label value ${formatValue(value)} of ${formatValue(key)} is invalid: use letters, digits, '-', '_' or '.', starting and ending with a letter or digit (or an empty value)`, fix });
        } else if (labelValueProblem(value)) {
          report({ field, value, severity: Severity.WARNING, message: `subset label value of ${formatValue(key)} has ${value.length} characters; a Kubernetes label value has at most 63, so no pod carries it and the subset selects no endpoint (stricter than Istio, which accepts it)`, fix });
        }
      });
    });
  },
});
