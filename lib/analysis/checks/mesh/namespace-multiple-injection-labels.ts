import { IGNORED_NAMESPACES, injectionLabelsOf } from '../../model/injection';
import { ROOT_NAMESPACE } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1062: a Namespace has more than one injection label: `istio-injection`, `istio.io/rev` and
 * `istio.io/dataplane-mode` (warning).
 *
 * Which control plane injects the pods, or whether they run in ambient mode instead, then
 * depends on the webhooks' order and is undefined (istioctl IST0123). As istioctl,
 * `istio-injection` set to anything but `enabled` (such as `disabled`) makes the other labels
 * moot and is not a conflict; `istio-system` and Kubernetes' system namespaces are not checked.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0123/
 */
export const NamespaceMultipleInjectionLabels = defineCheck({
  code: 'CI1062',
  name: 'NamespaceMultipleInjectionLabels',
  severity: Severity.WARNING,
  counterpart: 'IST0123 NamespaceMultipleInjectionLabels',
  catches: 'a Namespace has more than one of istio-injection=enabled, istio.io/rev and istio.io/dataplane-mode',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const ns of model.namespaces) {
      if (IGNORED_NAMESPACES.has(ns.name) || ns.name === ROOT_NAMESPACE) continue;
      const labels = injectionLabelsOf(ns);
      if (labels.length < 2) continue;
      report(ns, {
        field: 'metadata.labels',
        value: labels,
        message: `namespace '${ns.name}' has more than one injection label (${labels.join(', ')}); which one takes effect is undefined`,
        fix: 'keep one of them: istio-injection: enabled for the default revision, istio.io/rev: <revision> for a revision, or istio.io/dataplane-mode: ambient for ambient mode',
      });
    }
  },
});
