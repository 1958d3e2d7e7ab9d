import { asArray, ModelObject, qualifiedName } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1010: DestinationRules for the same host (and workloads) in one namespace that conflict.
 *
 * Istio merges such rules, which is a fine way to split a large rule: subsets are collected from
 * all of them, but a subset name defined twice keeps only one definition, and only one rule's
 * top-level traffic policy applies; which one depends on creation order (Kiali KIA0201 flags the
 * same host+subset pairs). Rules with different `workloadSelector`s apply to different clients and
 * do not clash.
 *
 * @see https://istio.io/latest/docs/ops/best-practices/traffic-management/#split-virtual-services
 */
export const ConflictingDestinationRules = defineCheck({
  code: 'CI1010',
  name: 'ConflictingDestinationRules',
  severity: Severity.ERROR,
  counterpart: 'KIA0201',
  catches: 'DestinationRules for one host (and workload selector) in a namespace define the same subset or each a traffic policy',
  scope: 'mesh',
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
      const withPolicy = list.filter((dr) => dr.manifest.spec?.trafficPolicy !== undefined);
      if (withPolicy.length > 1) {
        for (const dr of withPolicy) {
          const others = withPolicy.filter((o) => o !== dr).map(qualifiedName);
          report(dr, { field: 'spec.trafficPolicy', value: undefined, message: `host '${dr.manifest.spec.host}' also gets a traffic policy from DestinationRule ${others.join(', ')} in namespace '${dr.namespace}'; Istio merges the rules and applies only one of the policies (by creation order)`, fix: 'keep the traffic policy in one DestinationRule per host (subsets may be split across rules)' });
        }
      }
      for (const dr of list) {
        asArray(dr.manifest.spec?.subsets).forEach((subset: any, i: number) => {
          const others = list.filter((o) => o !== dr && asArray(o.manifest.spec?.subsets).some((s: any) => s?.name === subset?.name)).map(qualifiedName);
          if (others.length === 0) return;
          report(dr, { field: `spec.subsets[${i}].name`, value: subset.name, message: `subset '${subset.name}' of host '${dr.manifest.spec.host}' is also defined by DestinationRule ${others.join(', ')} in namespace '${dr.namespace}'; Istio keeps only one definition (by creation order)`, fix: 'define each subset in one DestinationRule' });
        });
      }
    }
  },
});
