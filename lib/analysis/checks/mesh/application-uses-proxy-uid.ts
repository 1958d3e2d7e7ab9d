import { asArray, isRecord } from '../../manifest/read';
import { isIstioControlPlane, PROXY_CONTAINER } from '../../model/injection';
import { isOwned } from '../../model/workloads';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** The user ID the sidecar proxy runs as; iptables lets its traffic bypass the proxy. */
const PROXY_UID = 1337;

/**
 * CI1066: a pod or application container runs as user ID 1337, the sidecar proxy's (warning).
 *
 * Istio's traffic redirection exempts that UID so that the proxy's own traffic is not captured:
 * an application running as 1337 bypasses the sidecar (no mTLS, no routing, no policy) (istioctl
 * IST0144). The pod's `securityContext.runAsUser` and each container's are checked, except the
 * `istio-proxy` and `istio-operator` containers, and Istio's control plane (an `istio` label or
 * `release: istio`). Every workload kind is checked (istioctl: Pods and Deployments).
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0144/
 * @see https://istio.io/latest/docs/ops/deployment/application-requirements/
 */
export const ApplicationUsesProxyUid = defineCheck({
  code: 'CI1066',
  name: 'ApplicationUsesProxyUid',
  severity: Severity.WARNING,
  counterpart: 'IST0144 InvalidApplicationUID',
  catches: 'a pod or application container runs as user ID 1337, which the sidecar reserves',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const pod of model.podTemplates) {
      if (isOwned(pod)) continue;
      if (isIstioControlPlane(pod.owner)) continue;
      const found: string[] = [];
      if (Number(pod.spec.securityContext?.runAsUser) === PROXY_UID) found.push(`${pod.specField}.securityContext.runAsUser`);
      asArray(pod.spec.containers).forEach((c: any, i: number) => {
        if (!isRecord(c) || c.name === PROXY_CONTAINER || c.name === 'istio-operator') return;
        if (Number(c.securityContext?.runAsUser) === PROXY_UID) found.push(`${pod.specField}.containers[${i}].securityContext.runAsUser`);
      });
      for (const field of found) {
        report(pod.owner, {
          field,
          value: PROXY_UID,
          message: `${pod.owner.kind} '${pod.owner.qualifiedName}' runs as user ID ${PROXY_UID}, which Istio reserves for the sidecar proxy: its traffic bypasses the sidecar (no mTLS, routing or policy)`,
          fix: `run the application as another user ID (securityContext.runAsUser), not ${PROXY_UID}`,
        });
      }
    }
  },
});
