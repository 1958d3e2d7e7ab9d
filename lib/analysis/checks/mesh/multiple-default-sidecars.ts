import { ManifestObject } from '../../manifest-object';
import { MeshMode } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { isNamespaceDefault } from './private/sidecars';

/**
 * CI1068: a namespace has more than one Sidecar without workload selector (error).
 *
 * Each would be the default of every workload of the namespace; Istio uses one of them, and
 * which one is undefined (istioctl IST0111, Kiali KIA0002). Namespaces in ambient mode are
 * CI1070's: their Sidecars have no effect at all.
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0111/
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/
 */
export const MultipleDefaultSidecars = defineCheck({
  code: 'CI1068',
  name: 'MultipleDefaultSidecars',
  severity: Severity.ERROR,
  counterpart: 'IST0111 MultipleSidecarsWithoutWorkloadSelectors / KIA0002',
  catches: 'a namespace has more than one Sidecar without workload selector',
  scope: 'mesh',
  evaluate({ model, report }) {
    const byNamespace = new Map<string, ManifestObject[]>();
    for (const s of model.sidecars) {
      if (!isNamespaceDefault(s)) continue;
      byNamespace.set(s.namespace, [...byNamespace.get(s.namespace) ?? [], s]);
    }
    for (const [namespace, sidecars] of byNamespace) {
      if (sidecars.length < 2 || model.meshMode(namespace) === MeshMode.AMBIENT) continue;
      for (const s of sidecars) {
        const others = sidecars.filter((o) => o !== s).map((o) => `'${o.qualifiedName}'`);
        report(s, {
          field: 'spec.workloadSelector',
          value: undefined,
          message: `Sidecar '${s.qualifiedName}' has no workload selector, nor has Sidecar ${others.join(', ')} in namespace '${namespace}': Istio applies one of them to every workload of the namespace, which one is undefined`,
          fix: 'keep one Sidecar without workloadSelector per namespace (merge their egress and ingress), and give the others a spec.workloadSelector',
        });
      }
    }
  },
});
