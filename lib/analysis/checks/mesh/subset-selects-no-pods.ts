import { asArray, formatLabels, listOrNone, selects } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1009: a DestinationRule subset's labels select no pod of the host's Service.
 *
 * A subset selects the pods of the Service (same namespace, matched by the Service selector) that
 * also carry the subset labels; with none, routes to the subset get no endpoints and return 503s
 * (istioctl IST0173, Kiali KIA0203). Checked only when the host is a Service in the app that
 * selects at least one pod template in the app: otherwise the workloads are deployed elsewhere.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset
 */
export const SubsetSelectsNoPods = defineCheck({
  code: 'CI1009',
  name: 'SubsetSelectsNoPods',
  severity: Severity.ERROR,
  counterpart: 'IST0173 DestinationRuleSubsetNotSelectPods / KIA0203',
  catches: 'a DestinationRule subset selects no pod template in the app',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const dr of model.destinationRules) {
      const host = dr.manifest.spec?.host;
      if (typeof host !== 'string') continue;
      const { service } = model.resolveHost(host, dr.namespace);
      if (!service) continue;
      const pods = model.podsOf(service);
      if (pods.length === 0) continue;
      asArray(dr.manifest.spec?.subsets).forEach((subset: any, i: number) => {
        const labels: Record<string, string> = subset?.labels ?? {};
        if (Object.keys(labels).length === 0) return;
        if (pods.some((p) => selects(labels, p.labels))) return;
        report(dr, { field: `spec.subsets[${i}].labels`, value: labels, message: `subset '${subset?.name}' labels ${formatLabels(labels)} select no pod of Service '${service.namespace}/${service.name}'; its pods: ${listOrNone(pods.map((p) => `${p.owner.kind} ${p.owner.name} ${formatLabels(p.labels)}`))}`, fix: 'use labels that a workload behind the Service has in its pod template (e.g. Subset.fromWorkload), or add that workload' });
      });
    }
  },
});
