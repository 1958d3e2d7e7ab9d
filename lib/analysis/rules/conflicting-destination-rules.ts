import { ModelObject, qualifiedName } from '../mesh-model';
import { MeshRule } from './rule';

/**
 * CI1010: two DestinationRules in one namespace cover the same host (for the same workloads).
 *
 * Istio merges them only partly (the first one's traffic policy wins and duplicate subsets are
 * dropped), so the result depends on creation order (Kiali KIA0201). Rules with different
 * `workloadSelector`s apply to different clients and do not clash.
 *
 * @see https://istio.io/latest/docs/ops/best-practices/traffic-management/#split-virtual-services
 */
export const ConflictingDestinationRules: MeshRule = {
  code: 'CI1010',
  evaluate({ model, report }) {
    const groups = new Map<string, ModelObject[]>();
    for (const dr of model.destinationRules) {
      const host = dr.manifest.spec?.host;
      if (typeof host !== 'string') continue;
      const key = JSON.stringify([dr.namespace, model.resolveHost(host, dr.namespace).fqdn, dr.manifest.spec?.workloadSelector?.matchLabels ?? null]);
      groups.set(key, [...(groups.get(key) ?? []), dr]);
    }
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      for (const dr of list) {
        const others = list.filter((o) => o !== dr).map(qualifiedName);
        report(dr, 'spec.host', dr.manifest.spec.host,
          `host '${dr.manifest.spec.host}' is also covered by DestinationRule ${others.join(', ')} in namespace '${dr.namespace}'`,
          'merge the subsets and traffic policies into one DestinationRule per host and namespace');
      }
    }
  },
};
