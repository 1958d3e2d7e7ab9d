import { ManifestObject } from '../../manifest-object';
import { oldestPolicy } from '../../model/peer-authentication';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1096: two or more PeerAuthentications with a selector select the same workload (warning;
 * Kiali KIA0003; istioctl has no counterpart).
 *
 * istiod applies one workload-level policy per workload: the oldest (the earliest creation time,
 * then the first by name); the mode and `portLevelMtls` of the others are ignored for it. Each
 * policy is reported once, naming the others and a workload they share. Selectors in
 * `istio-system` are ignored by Istio (CI1067 reports them). Kiali rates this an error; Istio
 * accepts the policies, so it is a warning here.
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
export const ConflictingPeerAuthentications = defineCheck({
  code: 'CI1096',
  name: 'ConflictingPeerAuthentications',
  severity: Severity.WARNING,
  counterpart: 'KIA0003; no istioctl analyzer',
  catches: 'two PeerAuthentications with a selector select the same workload',
  scope: 'mesh',
  evaluate({ model, report }) {
    const conflicts = new Map<ManifestObject, { others: Set<ManifestObject>; workload: string; used: ManifestObject }>();
    for (const pod of model.podTemplates) {
      const { workload } = model.peerAuthenticationsFor(pod);
      if (workload.length < 2) continue;
      const used = oldestPolicy(workload)!;
      for (const pa of workload) {
        const entry = conflicts.get(pa) ?? { others: new Set<ManifestObject>(), workload: `${pod.owner.kind} ${pod.owner.qualifiedName}`, used };
        for (const o of workload) if (o !== pa) entry.others.add(o);
        conflicts.set(pa, entry);
      }
    }
    for (const [pa, { others, workload, used }] of conflicts) {
      report(pa, {
        field: 'spec.selector.matchLabels',
        value: pa.manifest.spec?.selector?.matchLabels,
        message: `PeerAuthentication '${pa.qualifiedName}' and ${[...others].map((o) => `'${o.qualifiedName}'`).join(', ')} select the same workload (${workload}); Istio applies only the oldest (${used === pa ? 'this one' : `'${used.qualifiedName}'`} when created in the same second) and ignores the others for it`,
        fix: 'merge the policies into one PeerAuthentication per workload (spec.mtls and spec.portLevelMtls together), or narrow their spec.selector.matchLabels so that they select different workloads',
      });
    }
  },
});
