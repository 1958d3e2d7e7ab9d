import { asArray, MeshModel, ModelObject, qualifiedName, ROOT_NAMESPACE, selects } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/** The PeerAuthentication mode in force for pods with `labels` in `namespace`, and the policy that sets it. */
function effectiveMode(model: MeshModel, namespace: string, labels: Record<string, string>): { mode: string; policy?: ModelObject } {
  const modeOf = (pa: ModelObject) => pa.manifest.spec?.mtls?.mode;
  const set = (pa: ModelObject) => modeOf(pa) !== undefined && modeOf(pa) !== 'UNSET';
  const sorted = [...model.peerAuthentications].sort((a, b) => qualifiedName(a).localeCompare(qualifiedName(b)));
  const hasSelector = (pa: ModelObject) => Object.keys(pa.manifest.spec?.selector?.matchLabels ?? {}).length > 0;
  // the most specific policy wins: workload selector, then namespace-wide, then mesh-wide in the root namespace
  const candidates = [
    sorted.filter((pa) => pa.namespace === namespace && hasSelector(pa) && selects(pa.manifest.spec.selector.matchLabels, labels)),
    sorted.filter((pa) => pa.namespace === namespace && !hasSelector(pa)),
    sorted.filter((pa) => pa.namespace === ROOT_NAMESPACE && !hasSelector(pa)),
  ];
  for (const level of candidates) {
    const pa = level.find(set);
    if (pa) return { mode: modeOf(pa), policy: pa };
  }
  return { mode: 'PERMISSIVE' };
}

/**
 * CI1014: a DestinationRule's client TLS mode conflicts with the PeerAuthentication of its
 * destination workloads.
 *
 * `DISABLE` (plain text) toward workloads whose PeerAuthentication is `STRICT` is refused by the
 * server; `ISTIO_MUTUAL` toward `DISABLE` sends mTLS to a server that does not accept it
 * (istioctl IST0113, Kiali KIA0207/KIA0208). The PeerAuthentication in force is the workload's
 * (selector), else its namespace's, else the mesh-wide one in `istio-system`.
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
export const MtlsConflict = defineCheck({
  code: 'CI1014',
  name: 'MtlsConflict',
  severity: Severity.ERROR,
  counterpart: 'IST0113 MTLSPolicyConflict / KIA0207 / KIA0208',
  catches: 'a DestinationRule client TLS mode conflicts with the PeerAuthentication of its destination',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const dr of model.destinationRules) {
      const host = dr.manifest.spec?.host;
      if (typeof host !== 'string') continue;
      const { service } = model.resolveHost(host, dr.namespace);
      if (!service) continue;
      const pods = model.podsOf(service);
      const settings: { field: string; mode: unknown; subsetLabels: Record<string, string> }[] = [
        { field: 'spec.trafficPolicy.tls.mode', mode: dr.manifest.spec?.trafficPolicy?.tls?.mode, subsetLabels: {} },
        ...asArray(dr.manifest.spec?.subsets).map((s: any, i: number) => ({
          field: `spec.subsets[${i}].trafficPolicy.tls.mode`, mode: s?.trafficPolicy?.tls?.mode, subsetLabels: s?.labels ?? {},
        })),
      ];
      for (const { field, mode, subsetLabels } of settings) {
        if (mode !== 'DISABLE' && mode !== 'ISTIO_MUTUAL') continue;
        const targets = pods.filter((p) => selects(subsetLabels, p.labels)).map((p) => p.labels);
        const modes = (targets.length > 0 ? targets : [{}]).map((labels) => effectiveMode(model, service.namespace, labels));
        const clash = modes.find((m) => (mode === 'DISABLE' ? m.mode === 'STRICT' : m.mode === 'DISABLE'));
        if (!clash) continue;
        const policy = clash.policy ? `PeerAuthentication ${qualifiedName(clash.policy)}` : 'the mesh default';
        report(dr, { field, value: mode, message: `client tls mode ${mode} toward Service '${service.namespace}/${service.name}' conflicts with ${policy}, which sets mtls mode ${clash.mode}`, fix: mode === 'DISABLE'
            ? `use ISTIO_MUTUAL (or remove the tls setting), or make ${policy} PERMISSIVE`
            : `use DISABLE toward this host, or make ${policy} PERMISSIVE or STRICT` });
      }
    }
  },
});
