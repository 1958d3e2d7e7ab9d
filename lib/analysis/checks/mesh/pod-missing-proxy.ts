import { IGNORED_NAMESPACES, podInjectSetting, proxyImageOf } from '../../model/injection';
import { MeshMode, ROOT_NAMESPACE } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1061: a Pod in a namespace that injects sidecars has no `istio-proxy` container (warning).
 *
 * istioctl reads Pods as they run (IST0103): a running pod without proxy in an injected
 * namespace was created before injection was turned on, or without the injector (its webhook
 * down, or bypassed), and is outside the mesh until it restarts. Only `Pod` objects are judged,
 * as istioctl does: a workload's pod template gets its proxy when its pods are created. A Pod
 * with `sidecar.istio.io/inject: "false"` (label, else annotation) or `hostNetwork: true` is
 * skipped, as the injector skips it. Note that a Pod manifest not applied yet also gets its
 * proxy at admission: for such a file, suppress this code with that reason.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0103/
 */
export const PodMissingProxy = defineCheck({
  code: 'CI1061',
  name: 'PodMissingProxy',
  severity: Severity.WARNING,
  counterpart: 'IST0103 PodMissingProxy',
  catches: 'a Pod in a namespace that injects sidecars has no istio-proxy container',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const pod of model.podTemplates) {
      if (pod.owner.kind !== 'Pod' || pod.owner.group !== '') continue;
      if (IGNORED_NAMESPACES.has(pod.namespace) || pod.namespace === ROOT_NAMESPACE) continue;
      if (model.meshMode(pod.namespace) !== MeshMode.SIDECAR) continue;
      if ((podInjectSetting(pod) ?? '').toLowerCase() === 'false' || pod.spec.hostNetwork === true) continue;
      if (proxyImageOf(pod)) continue;
      report(pod.owner, {
        field: 'spec.containers',
        value: undefined,
        message: `Pod '${pod.owner.qualifiedName}' has no istio-proxy container although namespace '${pod.namespace}' injects sidecars: a running pod like this was created before injection was enabled or without the injector, and is outside the mesh`,
        fix: 'restart the pod (or roll out the workload that owns it) so that the injector adds the proxy; to keep it out of the mesh, set the label sidecar.istio.io/inject: "false"',
      });
    }
  },
});
