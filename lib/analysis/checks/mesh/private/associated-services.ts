import { ManifestObject } from '../../../manifest-object';
import { MeshMode, MeshModel, PodTemplate } from '../../../model/mesh-model';
import { isOwned } from '../../../model/workloads';

/** The label of the waypoint Deployments Istio's mesh controller creates. */
const GATEWAY_MANAGED = 'gateway.istio.io/managed';

/**
 * The workloads with a sidecar whose pods several Services of the input select, with those
 * Services, as istioctl's ServiceAssociationAnalyzer considers them (every workload kind here,
 * not only Deployments; waypoints and objects owned by another are left out).
 */
export function workloadsWithServices(model: MeshModel): Array<{ pod: PodTemplate; services: readonly ManifestObject[] }> {
  const out: Array<{ pod: PodTemplate; services: readonly ManifestObject[] }> = [];
  for (const pod of model.podTemplates) {
    if (isOwned(pod) || pod.owner.manifest.metadata?.labels?.[GATEWAY_MANAGED] === 'istio.io-mesh-controller') continue;
    const services = model.servicesOf(pod);
    if (services.length < 2 || model.podMeshMode(pod) !== MeshMode.SIDECAR) continue;
    out.push({ pod, services });
  }
  return out;
}
