import { isIstioControlPlane, proxyImageOf } from '../../model/injection';
import { MeshMode } from '../../model/mesh-model';
import { isOwned } from '../../model/workloads';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** Labels Istio accepts as the canonical service name and revision, in order of preference. */
const APP_LABELS = ['app', 'app.kubernetes.io/name', 'service.istio.io/canonical-name'];
const VERSION_LABELS = ['version', 'app.kubernetes.io/version', 'service.istio.io/canonical-revision'];

/**
 * CI1012: a workload in the mesh has no `app` or `version` pod label (warning).
 *
 * Every workload kind counts (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod;
 * not objects owned by another, such as the Pods of a ReplicaSet read from a cluster). A workload
 * is in the mesh when its pods get a sidecar or run in ambient mode: its namespace's labels
 * (`istio-injection=enabled`, `istio.io/rev`, `istio.io/dataplane-mode=ambient`, or a namespace
 * declared external and meshed), overridden by the pod's `sidecar.istio.io/inject` label or
 * annotation or an `istio-proxy` container. Istio derives the canonical service and revision of
 * telemetry from these labels (`app.kubernetes.io/name`/`version` and
 * `service.istio.io/canonical-*` are accepted too). Istio's own workloads are skipped: its
 * control plane (an `istio` label or `release: istio`), gateways injected from `image: auto`,
 * and waypoints (`gateway.istio.io/managed`).
 *
 * @see https://istio.io/latest/docs/ops/deployment/application-requirements/
 */
export const MissingAppVersionLabels = defineCheck({
  code: 'CI1012',
  name: 'MissingAppVersionLabels',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'a workload in the mesh lacks the `app` or `version` pod label (no istioctl/Kiali counterpart)',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const pod of model.podTemplates) {
      // Istio's own workloads: the control plane, gateways (injected from `image: auto`), waypoints
      if (isOwned(pod) || isIstioControlPlane(pod.owner) || 'istio' in pod.labels || proxyImageOf(pod) === 'auto' || pod.owner.manifest.metadata?.labels?.['gateway.istio.io/managed']) continue;
      const mode = model.podMeshMode(pod);
      if (mode === undefined || mode === MeshMode.NONE) continue;
      const missing: string[] = [];
      if (!APP_LABELS.some((l) => pod.labels[l])) missing.push('app');
      if (!VERSION_LABELS.some((l) => pod.labels[l])) missing.push('version');
      if (missing.length === 0) continue;
      report(pod.owner, { field: pod.labelsField, value: undefined, message: `${pod.owner.kind} '${pod.owner.name}' in the mesh (namespace '${pod.owner.namespace}') has no ${missing.map((m) => `'${m}'`).join(' or ')} pod label`, fix: `add ${missing.map((m) => (m === 'app' ? `app: ${pod.owner.name}` : 'version: v1')).join(' and ')} to the pod template labels (podMetadata)` });
    }
  },
});
