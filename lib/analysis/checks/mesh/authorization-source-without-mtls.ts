import { ManifestObject } from '../../manifest-object';
import { MeshMode, qualifiedName } from '../../model/mesh-model';
import { effectiveMtls } from '../../model/peer-authentication';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { sourceValues } from './private/authorization';

/**
 * CI1093: an AuthorizationPolicy matches sources by `principals` or `namespaces`, but
 * PeerAuthentication turns mTLS off (`DISABLE`) for every workload it selects, so no request
 * has a peer identity and those sources never match (warning; Kiali KIA0105 "This field
 * requires mTLS to be enabled"; istioctl has no counterpart).
 *
 * The mode is composed as istiod does (mesh-wide, namespace-wide, then workload-level, the
 * oldest of each level); a workload whose `portLevelMtls` enables mTLS on some port may still
 * match, and is not reported. Gateways (pods labelled `istio`) and policies with `targetRef(s)`
 * are not checked. Kiali rates this an error; Istio accepts the policy, so it is a warning here.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
export const AuthorizationSourceWithoutMtls = defineCheck({
  code: 'CI1093',
  name: 'AuthorizationSourceWithoutMtls',
  severity: Severity.WARNING,
  counterpart: 'KIA0105; no istioctl analyzer',
  catches: 'an AuthorizationPolicy matches principals or namespaces of workloads whose PeerAuthentication disables mTLS',
  scope: 'mesh',
  evaluate({ model, report }) {
    for (const policy of model.authorizationPolicies) {
      const lists = new Map<string, string[]>();
      for (const key of ['principals', 'namespaces']) {
        for (const { value, field } of sourceValues(policy, key)) {
          const list = field.replace(/\[\d+\]$/, '');
          lists.set(list, [...lists.get(list) ?? [], value]);
        }
      }
      if (lists.size === 0) continue;
      const pods = model.selectedWorkloads(policy).filter((p) => p.labels.istio === undefined && model.podMeshMode(p) !== MeshMode.NONE);
      if (pods.length === 0) continue;
      let disabledBy: ManifestObject | undefined;
      const allDisabled = pods.every((p) => {
        const mtls = effectiveMtls(model.peerAuthenticationsFor(p));
        const disabled = mtls.mode === 'DISABLE' && Object.values(mtls.ports ?? {}).every((m) => m === 'DISABLE');
        if (disabled && !disabledBy) disabledBy = mtls.policy;
        return disabled;
      });
      if (!allDisabled || !disabledBy) continue;
      for (const [field, values] of lists) {
        report(policy, {
          field,
          value: values,
          message: `source ${field.endsWith('principals') ? 'principals' : 'namespaces'} ${values.map((v) => `'${v}'`).join(', ')} never match: PeerAuthentication ${qualifiedName(disabledBy)} sets mtls mode DISABLE for the workloads this policy selects, so requests to them carry no peer identity`,
          fix: `set the PeerAuthentication's spec.mtls.mode to PERMISSIVE or STRICT for these workloads, or match the callers by source.ipBlocks instead`,
        });
      }
    }
  },
});
