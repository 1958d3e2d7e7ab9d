import { ManifestObject } from '../../manifest-object';
import { MeshMode, MeshModel, PodTemplate, ROOT_NAMESPACE } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { parsePrincipal, sourceValues } from './private/authorization';

/**
 * CI1091: an AuthorizationPolicy source names a principal or namespace whose workloads are not
 * in the mesh, so their requests carry no mTLS identity and the source never matches (warning;
 * Kiali KIA0105 reports identity sources that need mTLS; istioctl has no counterpart).
 *
 * `source.principals` and `source.namespaces` match the peer identity of mutual TLS only. A
 * namespace counts as outside the mesh when the app says so (its Namespace object without
 * `istio-injection=enabled`, `istio.io/rev` or `istio.io/dataplane-mode=ambient`, or an
 * external namespace declared unmeshed) and none of the app's workloads there runs with a
 * sidecar or in ambient mode (a pod can opt in on its own); for a principal, none of those that
 * run as its service account. Namespaces the app knows nothing about, and `istio-system` (where
 * gateways run with their own proxy), are not reported. In an ALLOW policy such a source allows
 * nothing; in a DENY policy it denies nothing, which is worse.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 * @see https://istio.io/latest/docs/concepts/security/#peer-authentication
 */
export const AuthorizationSourceOutsideMesh = defineCheck({
  code: 'CI1091',
  name: 'AuthorizationSourceOutsideMesh',
  severity: Severity.WARNING,
  counterpart: 'KIA0105 (identity sources need mTLS); no istioctl analyzer',
  catches: 'an AuthorizationPolicy source names a principal or namespace whose workloads are outside the mesh and carry no mTLS identity',
  scope: 'mesh',
  evaluate({ model, report }) {
    const meshedPods = new Map<string, PodTemplate[] | undefined>();
    // the app's meshed workloads of a namespace outside the mesh; undefined when the namespace is in the mesh or unknown
    const outside = (ns: string): PodTemplate[] | undefined => {
      if (!meshedPods.has(ns)) {
        const mode = ns === ROOT_NAMESPACE ? undefined : model.meshMode(ns);
        meshedPods.set(ns, mode === MeshMode.NONE ? model.pods.inNamespace(ns).filter((p) => inMesh(model, p)) : undefined);
      }
      return meshedPods.get(ns);
    };
    // a namespace's pods by service account, built once per namespace (never a scan per principal)
    const byAccount = new Map<string, { all: Map<string, PodTemplate[]>; meshed: Set<string> }>();
    const accounts = (ns: string, meshed: PodTemplate[]) => {
      let entry = byAccount.get(ns);
      if (!entry) {
        const all = new Map<string, PodTemplate[]>();
        for (const p of model.pods.inNamespace(ns)) {
          const sa = p.serviceAccountName;
          const list = all.get(sa);
          if (list) list.push(p);
          else all.set(sa, [p]);
        }
        entry = { all, meshed: new Set(meshed.map((p) => p.serviceAccountName)) };
        byAccount.set(ns, entry);
      }
      return entry;
    };
    for (const policy of model.authorizationPolicies) {
      for (const { value, field } of sourceValues(policy, 'principals')) {
        const principal = parsePrincipal(value);
        const meshed = principal && outside(principal.namespace);
        if (!principal || !meshed) continue;
        const { namespace, serviceAccount } = principal;
        const index = accounts(namespace, meshed);
        if (index.meshed.has(serviceAccount)) continue;
        const runAs = index.all.get(serviceAccount) ?? [];
        // some workloads of the namespace are meshed, and the app runs none as this account: it cannot tell
        if (meshed.length > 0 && runAs.length === 0) continue;
        const why = meshed.length === 0
          ? `namespace '${namespace}' is not in the mesh and none of its workloads runs with a proxy`
          : `no workload of namespace '${namespace}' that runs as service account '${serviceAccount}' (${runAs.map((p) => `${p.owner.kind} ${p.owner.name}`).join(', ')}) runs with a proxy`;
        report(policy, {
          field,
          value,
          message: `source principal '${value}' never matches: ${why}, so its requests carry no mTLS identity; ${effect(policy)}`,
          fix: fixFor(namespace),
        });
      }
      for (const { value, field } of sourceValues(policy, 'namespaces')) {
        const meshed = value.includes('*') ? undefined : outside(value);
        if (!meshed || meshed.length > 0) continue;
        report(policy, {
          field,
          value,
          message: `source namespace '${value}' never matches: the namespace is not in the mesh and none of its workloads runs with a proxy, so its requests carry no mTLS identity; ${effect(policy)}`,
          fix: fixFor(value),
        });
      }
    }
  },
});

/** What a source that never matches means for the policy's action. */
function effect(policy: ManifestObject): string {
  const action = typeof policy.manifest.spec?.action === 'string' ? policy.manifest.spec.action : 'ALLOW';
  if (action === 'DENY') return 'this DENY policy does not deny its requests';
  if (action === 'ALLOW') return 'this source allows nothing';
  return `this ${action} source never applies`;
}

function fixFor(namespace: string): string {
  return `bring namespace '${namespace}' into the mesh (Namespace label istio-injection=enabled, or istio.io/dataplane-mode=ambient) so that its workloads get an identity, or match these callers by source.ipBlocks instead`;
}

/** Whether a workload runs with a proxy (sidecar or ambient). */
function inMesh(model: MeshModel, pod: PodTemplate): boolean {
  const mode = model.podMeshMode(pod);
  return mode !== undefined && mode !== MeshMode.NONE;
}
