import { ManifestObject } from '../../../manifest-object';
import { MeshMode, MeshModel, PodTemplate } from '../../../model/mesh-model';
import { workloadSelectorOf } from '../../../model/selectors';

/** Whether a Sidecar has no workload selector (it is its namespace's default). */
export function isNamespaceDefault(sidecar: ManifestObject): boolean {
  return Object.keys(workloadSelectorOf(sidecar)?.labels ?? {}).length === 0;
}

/** Whether a workload runs in ambient mode (no sidecar to configure). */
export function isAmbient(model: MeshModel, pod: PodTemplate): boolean {
  return model.podMeshMode(pod) === MeshMode.AMBIENT;
}
