import { asArray } from '../../manifest/read';
import { toFqdn } from '../../model/hosts';
import { gatewaysOf } from '../../model/mesh-model';
import { exportScope, isVisible } from '../../model/visibility';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { egressHostsOf, egressImports } from './private/egress';
import { isNamespaceDefault } from './private/sidecars';

/**
 * CI1072: a Sidecar's egress imports none of the hosts of a VirtualService that its own
 * namespace writes for the sidecars, so the workloads it configures bypass those routes
 * (warning).
 *
 * A workload's proxy only knows the services and VirtualServices its Sidecar's egress hosts
 * import (a VirtualService's destinations come along with it). A VirtualService of the
 * Sidecar's namespace, bound to the sidecars (`mesh`, or no gateways) and visible there, routes
 * that namespace's calls; when no egress host matches any of its hosts, calls from the workloads
 * under the Sidecar skip its routes (subsets, retries, faults), or fail under `REGISTRY_ONLY`.
 * Sidecars without `egress` import everything and are not checked.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
 */
export const SidecarEgressHidesRoutes = defineCheck({
  code: 'CI1072',
  name: 'SidecarEgressHidesRoutes',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'a Sidecar\'s egress hosts import no host of a VirtualService of its namespace, so its workloads bypass those routes (no istioctl/Kiali counterpart)',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const sidecar of model.sidecars) {
      const egress = egressHostsOf(sidecar);
      if (asArray(sidecar.manifest.spec?.egress).length === 0 || egress.length === 0) continue;
      for (const vs of model.policiesIn('VirtualService.networking.istio.io', sidecar.namespace)) {
        if (!gatewaysOf(vs).some((g) => g.key === 'mesh') || !isVisible(exportScope(vs), sidecar.namespace)) continue;
        const hosts = asArray(vs.manifest.spec?.hosts).filter((h): h is string => typeof h === 'string' && h !== '');
        if (hosts.length === 0) continue;
        if (hosts.some((h) => egress.some((e) => egressImports(e, vs.namespace, toFqdn(h, vs.namespace))))) continue;
        const workloads = isNamespaceDefault(sidecar) ? `the workloads of namespace '${sidecar.namespace}'`
          : `the workloads it selects (${model.selectedWorkloads(sidecar).map((p) => `${p.owner.kind} ${p.owner.name}`).join(', ') || 'none in the input'})`;
        report(sidecar, {
          field: 'spec.egress',
          value: hosts,
          message: `egress of Sidecar '${sidecar.qualifiedName}' (${egress.map((e) => e.written).join(', ')}) imports no host of VirtualService '${vs.qualifiedName}' (${hosts.join(', ')}): calls from ${workloads} to it bypass its routes`,
          fix: `add the host to spec.egress[].hosts, e.g. ./${toFqdn(hosts[0], vs.namespace)} (or ./* for the whole namespace)`,
        });
      }
    }
  },
});
