import { asArray } from '../../manifest/read';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { workloadsWithServices } from './private/associated-services';

/**
 * CI1064: Services that select the same sidecar workload use one port number with different
 * protocols (`spec.ports[].protocol`, TCP when unset) (warning).
 *
 * The workload's sidecar builds one inbound listener per port; two protocols on one port cannot
 * both be served (istioctl IST0116). istioctl checks Deployments; every workload kind is checked
 * here (Pod, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob too), and only workloads that get a
 * sidecar.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0116/
 */
export const WorkloadPortProtocolConflict = defineCheck({
  code: 'CI1064',
  name: 'WorkloadPortProtocolConflict',
  severity: Severity.WARNING,
  counterpart: 'IST0116 DeploymentAssociatedToMultipleServices',
  catches: 'Services that select one sidecar workload use a port number with different protocols',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const { pod, services } of workloadsWithServices(model)) {
      const byPort = new Map<number, Map<string, string[]>>();
      for (const svc of services) {
        for (const p of asArray(svc.manifest.spec?.ports)) {
          const number = Number(p?.port);
          if (!Number.isInteger(number)) continue;
          const protocol = typeof p?.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP';
          if (!byPort.has(number)) byPort.set(number, new Map());
          const protocols = byPort.get(number)!;
          protocols.set(protocol, [...protocols.get(protocol) ?? [], svc.qualifiedName]);
        }
      }
      for (const [port, protocols] of byPort) {
        if (protocols.size < 2) continue;
        const uses = [...protocols].map(([protocol, names]) => `${protocol} (${[...new Set(names)].sort().join(', ')})`).join(', ');
        report(pod.owner, {
          field: pod.labelsField,
          value: port,
          message: `${pod.owner.kind} '${pod.owner.qualifiedName}' is selected by Services that use port ${port} with different protocols: ${uses}; its sidecar serves one protocol per port`,
          fix: `use one protocol for port ${port} in every Service that selects these pods (spec.ports[].protocol), or narrow the selectors so that one Service selects them`,
        });
      }
    }
  },
});
