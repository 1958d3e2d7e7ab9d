import { asArray } from '../../manifest/read';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { workloadsWithServices } from './private/associated-services';

/**
 * CI1065: Services that select the same sidecar workload send one `targetPort` through
 * different service ports (warning).
 *
 * The sidecar's inbound configuration for that container port then depends on which Service it
 * reads first (istioctl IST0137). `targetPort` defaults to the port. istioctl checks
 * Deployments; every workload kind that gets a sidecar is checked here.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0137/
 */
export const WorkloadTargetPortConflict = defineCheck({
  code: 'CI1065',
  name: 'WorkloadTargetPortConflict',
  severity: Severity.WARNING,
  counterpart: 'IST0137 DeploymentConflictingPorts',
  catches: 'Services that select one sidecar workload map one targetPort to different ports',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const { pod, services } of workloadsWithServices(model)) {
      const byTarget = new Map<string, Map<number, string>>();
      for (const svc of services) {
        for (const p of asArray(svc.manifest.spec?.ports)) {
          const port = Number(p?.port);
          if (!Number.isInteger(port)) continue;
          const target = p?.targetPort === undefined || p.targetPort === null || p.targetPort === '' || p.targetPort === 0 ? String(port) : String(p.targetPort);
          if (!byTarget.has(target)) byTarget.set(target, new Map());
          byTarget.get(target)!.set(port, svc.qualifiedName);
        }
      }
      for (const [target, ports] of byTarget) {
        if (ports.size < 2) continue;
        const uses = [...ports].sort((a, b) => a[0] - b[0]).map(([port, name]) => `port ${port} of Service '${name}'`).join(', ');
        report(pod.owner, {
          field: pod.labelsField,
          value: target,
          message: `${pod.owner.kind} '${pod.owner.qualifiedName}' is selected by Services that send targetPort ${target} through different ports: ${uses}`,
          fix: `use the same port for targetPort ${target} in every Service that selects these pods, or point them at different container ports`,
        });
      }
    }
  },
});
