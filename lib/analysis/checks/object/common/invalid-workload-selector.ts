import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { isRecord, keyField, valueAt } from '../../../manifest/read';
import { labelKeyProblem, labelValueProblem } from '../../../values/validate';
import { SELECTOR_LAYOUTS } from './private/selectors';

/**
 * CI0024: a workload selector Istio rejects or warns about, in every kind that has one
 * (AuthorizationPolicy, PeerAuthentication, RequestAuthentication, Telemetry, WasmPlugin,
 * TrafficExtension and ProxyConfig `selector.matchLabels`; DestinationRule
 * `workloadSelector.matchLabels`; Sidecar, ServiceEntry and EnvoyFilter `workloadSelector.labels`;
 * Gateway `selector`).
 *
 * Errors, as Istio's webhook (`validateWorkloadSelector`, `ValidateAlphaWorkloadSelector`) and the
 * CRD rules: an empty label key, a `*` in a key or value (selectors match labels exactly), a value
 * longer than 63 characters, more labels than the CRD allows. A warning, as Istio's webhook gives:
 * a selector without labels, which applies to every workload in the namespace. Warnings, stricter
 * than Istio: a key or value no Kubernetes label can have, so the selector matches no pod; and on
 * a Gateway, whose selector Istio does not check at all, every problem above.
 *
 * @see https://istio.io/latest/docs/reference/config/type/workload-selector/
 */
export const InvalidWorkloadSelector = defineCheck({
  code: 'CI0024',
  name: 'InvalidWorkloadSelector',
  severity: Severity.ERROR,
  counterpart: 'webhook / CRD rule',
  catches: 'a workload selector with an empty or wildcard label key or value, or too many labels; no labels, or labels no pod can carry (warnings)',
  scope: 'object',
  kinds: [...SELECTOR_LAYOUTS.keys()],
  evaluate({ object, report }) {
    const layout = SELECTOR_LAYOUTS.get(object.groupKind);
    if (!layout) return;
    const selector = valueAt(object.manifest, layout.field);
    if (!isRecord(selector)) return;
    const mapField = layout.labels ? `${layout.field}.${layout.labels}` : layout.field;
    const labels = layout.labels ? selector[layout.labels] : selector;
    if (labels !== undefined && labels !== null && !isRecord(labels)) return;
    const entries = Object.entries(isRecord(labels) ? labels : {});
    // Istio rejects these; on a Gateway it accepts them, and they only make the selector match no pod
    const rejected = layout.checked ? Severity.ERROR : Severity.WARNING;
    const rejectedNote = layout.checked ? '' : ' (stricter than Istio, which does not check a Gateway selector: no pod can carry such a label)';
    const noPod = 'so the selector matches no pod (stricter than Istio, which accepts it)';

    if (entries.length === 0 && layout.checked) {
      report({
        field: layout.field, value: selector, severity: Severity.WARNING,
        message: 'workload selector has no labels, so it applies to every workload in the namespace (Istio\'s webhook warns about this)',
        fix: `add the labels of the workloads to select under ${mapField}, or remove ${layout.field} to apply the resource to the whole namespace on purpose`,
      });
    }
    if (layout.maxLabels !== undefined && entries.length > layout.maxLabels) {
      report({
        field: mapField, value: entries.length,
        message: `workload selector has ${entries.length} labels; the CRD allows at most ${layout.maxLabels}`,
        fix: 'select the workloads by fewer, identifying labels (such as app and version)',
      });
    }
    for (const [key, value] of entries) {
      const fix = `select workloads by their pod labels, such as app: reviews (in ${mapField})`;
      // key problems are reported on the map, where the CRD's rules on keys are
      if (key === '') {
        report({ field: mapField, value: key, message: `workload selector has an empty label key${rejectedNote}`, fix, severity: rejected });
      } else if (key.includes('*')) {
        report({ field: mapField, value: key, message: `label key '${key}' contains the wildcard '*', which selectors do not support (they match labels exactly)${rejectedNote}`, fix, severity: rejected });
      } else {
        const problem = labelKeyProblem(key);
        if (problem) report({ field: mapField, value: key, message: `label key '${key}' is not a Kubernetes label key (${problem}), ${noPod}`, fix, severity: Severity.WARNING });
      }
      if (typeof value !== 'string') continue;
      const field = keyField(mapField, key);
      if (value.includes('*')) {
        report({ field, value, message: `label value '${value}' of '${key}' contains the wildcard '*', which selectors do not support (they match labels exactly)${rejectedNote}`, fix, severity: rejected });
      } else if (value.length > 63 && layout.checked) {
        report({ field, value, message: `label value of '${key}' has ${value.length} characters; the CRD allows at most 63`, fix });
      } else {
        const problem = labelValueProblem(value);
        if (problem) report({ field, value, message: `label value '${value}' of '${key}' is not a Kubernetes label value (it ${problem}), ${noPod}`, fix, severity: Severity.WARNING });
      }
    }
  },
});
