import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** Labels Istio accepts as the canonical service name and revision, in order of preference. */
const APP_LABELS = ['app', 'app.kubernetes.io/name', 'service.istio.io/canonical-name'];
const VERSION_LABELS = ['version', 'app.kubernetes.io/version', 'service.istio.io/canonical-revision'];

/**
 * CI1012: a workload in a meshed namespace has no `app` or `version` pod label (warning).
 *
 * A namespace is meshed when its Namespace object in the app has `istio-injection=enabled` or an
 * `istio.io/rev` label, or, without a Namespace object, when it is declared external and meshed.
 * Istio derives the canonical service and revision of telemetry from these labels
 * (`app.kubernetes.io/name`/`version` and `service.istio.io/canonical-*` are accepted too).
 * Pods with `sidecar.istio.io/inject: "false"` are skipped.
 *
 * @see https://istio.io/latest/docs/ops/deployment/application-requirements/
 */
export const MissingAppVersionLabels = defineCheck({
  code: 'CI1012',
  name: 'MissingAppVersionLabels',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'a Deployment, StatefulSet or DaemonSet in a meshed namespace lacks the `app` or `version` pod label (no istioctl/Kiali counterpart)',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const pod of model.podTemplates) {
      if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(pod.owner.kind)) continue;
      if (model.isInjected(pod.owner.namespace) !== true) continue;
      if (pod.labels['sidecar.istio.io/inject'] === 'false' || pod.annotations['sidecar.istio.io/inject'] === 'false') continue;
      const missing: string[] = [];
      if (!APP_LABELS.some((l) => pod.labels[l])) missing.push('app');
      if (!VERSION_LABELS.some((l) => pod.labels[l])) missing.push('version');
      if (missing.length === 0) continue;
      report(pod.owner, { field: pod.labelsField, value: undefined, message: `${pod.owner.kind} '${pod.owner.name}' in meshed namespace '${pod.owner.namespace}' has no ${missing.map((m) => `'${m}'`).join(' or ')} pod label`, fix: `add ${missing.map((m) => (m === 'app' ? `app: ${pod.owner.name}` : 'version: v1')).join(' and ')} to the pod template labels (podMetadata)` });
    }
  },
});
