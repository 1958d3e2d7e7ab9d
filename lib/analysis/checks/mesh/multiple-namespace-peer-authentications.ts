import { ManifestObject } from '../../manifest-object';
import { ROOT_NAMESPACE } from '../../model/mesh-model';
import { oldestPolicy } from '../../model/peer-authentication';
import { workloadSelectorOf } from '../../model/selectors';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';

/**
 * CI1095: a namespace has more than one PeerAuthentication without selector (warning; Kiali
 * KIA0002; istioctl has no counterpart).
 *
 * Each would set the mTLS mode of the whole namespace (of the whole mesh in `istio-system`);
 * istiod uses the oldest (the earliest creation time, then the first by name) and ignores the
 * others, so which mode is in force depends on the order they were applied in. Kiali rates this
 * an error; Istio accepts both, so it is a warning here.
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
export const MultipleNamespacePeerAuthentications = defineCheck({
  code: 'CI1095',
  name: 'MultipleNamespacePeerAuthentications',
  severity: Severity.WARNING,
  counterpart: 'KIA0002; no istioctl analyzer',
  catches: 'a namespace has more than one PeerAuthentication without selector',
  scope: 'mesh',
  evaluate({ model, report }) {
    const byNamespace = new Map<string, ManifestObject[]>();
    for (const pa of model.peerAuthentications) {
      if (Object.keys(workloadSelectorOf(pa)?.labels ?? {}).length > 0) continue;
      byNamespace.set(pa.namespace, [...byNamespace.get(pa.namespace) ?? [], pa]);
    }
    for (const [namespace, policies] of byNamespace) {
      if (policies.length < 2) continue;
      const used = oldestPolicy(policies)!;
      const scope = namespace === ROOT_NAMESPACE ? 'the mesh-wide policy' : `the policy of every workload of namespace '${namespace}'`;
      for (const pa of policies) {
        const others = policies.filter((o) => o !== pa).map((o) => `'${o.qualifiedName}'`);
        report(pa, {
          field: 'spec.selector',
          value: undefined,
          message: `PeerAuthentication '${pa.qualifiedName}' has no selector, nor has PeerAuthentication ${others.join(', ')}: each would be ${scope}; Istio uses only the oldest (${used === pa ? 'this one' : `'${used.qualifiedName}'`} when created in the same second) and ignores the others`,
          fix: `keep one PeerAuthentication without spec.selector in namespace '${namespace}', and give the others a spec.selector.matchLabels or remove them`,
        });
      }
    }
  },
});
