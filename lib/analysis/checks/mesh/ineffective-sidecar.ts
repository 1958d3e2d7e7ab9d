import { MeshMode } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { isAmbient, isNamespaceDefault } from './private/sidecars';

/**
 * CI1070: a Sidecar applies only to workloads in ambient mode, which have no sidecar to
 * configure (warning).
 *
 * A Sidecar without selector in a namespace in ambient mode, or one whose selector selects only
 * workloads in ambient mode, has no effect (istioctl IST0167 IneffectivePolicy). A namespace
 * labelled `istio.io/dataplane-mode=ambient` and also `istio-injection=enabled` or
 * `istio.io/rev` gets sidecars, so its Sidecars do apply.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0167/
 * @see https://istio.io/latest/docs/ambient/usage/verify-mtls-enabled/
 */
export const IneffectiveSidecar = defineCheck({
  code: 'CI1070',
  name: 'IneffectiveSidecar',
  severity: Severity.WARNING,
  counterpart: 'IST0167 IneffectivePolicy',
  catches: 'a Sidecar applies only to workloads in ambient mode',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const s of model.sidecars) {
      if (isNamespaceDefault(s)) {
        if (model.meshMode(s.namespace) !== MeshMode.AMBIENT) continue;
        report(s, {
          field: 'metadata.namespace',
          value: s.namespace,
          message: `Sidecar '${s.qualifiedName}' configures the sidecars of namespace '${s.namespace}', which is in ambient mode (istio.io/dataplane-mode=ambient): its workloads have no sidecar, so it has no effect`,
          fix: 'remove the Sidecar (ambient workloads are configured through waypoints), or put the namespace in sidecar mode (istio-injection: enabled)',
        });
        continue;
      }
      const pods = model.selectedWorkloads(s);
      if (pods.length === 0 || !pods.every((p) => isAmbient(model, p))) continue;
      report(s, {
        field: 'spec.workloadSelector.labels',
        value: s.manifest.spec?.workloadSelector?.labels,
        message: `Sidecar '${s.qualifiedName}' selects only workloads in ambient mode (${pods.map((p) => `${p.owner.kind} ${p.owner.name}`).join(', ')}), which have no sidecar: it has no effect`,
        fix: 'remove the Sidecar, or run the selected workloads with a sidecar (label the pod template sidecar.istio.io/inject: "true")',
      });
    }
  },
});
