import { ManifestObject } from '../../manifest-object';
import { PodTemplate } from '../../model/mesh-model';
import { defineCheck } from '../../check';
import { Severity } from '../../finding';
import { isAmbient, isNamespaceDefault } from './private/sidecars';

/**
 * CI1069: two Sidecars with workload selectors select the same workload (error).
 *
 * A workload's proxy takes one Sidecar; with two, which one is undefined (istioctl IST0110, Kiali
 * KIA0003). Every workload kind counts; workloads in ambient mode are CI1070's (no sidecar to
 * configure).
 *
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0110/
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/
 */
export const ConflictingSidecarSelectors = defineCheck({
  code: 'CI1069',
  name: 'ConflictingSidecarSelectors',
  severity: Severity.ERROR,
  counterpart: 'IST0110 ConflictingSidecarWorkloadSelectors / KIA0003',
  catches: 'two Sidecars with workload selectors select the same workload',
  scope: 'mesh',
  evaluate({ model, report }) {
    const byPod = new Map<PodTemplate, ManifestObject[]>();
    for (const s of model.sidecars) {
      if (isNamespaceDefault(s)) continue;
      for (const pod of model.selectedWorkloads(s)) byPod.set(pod, [...byPod.get(pod) ?? [], s]);
    }
    // per Sidecar: the other Sidecars it conflicts with, and on which workloads
    const conflicts = new Map<ManifestObject, { others: Set<string>; pods: Set<string> }>();
    for (const [pod, sidecars] of byPod) {
      if (sidecars.length < 2 || isAmbient(model, pod)) continue;
      for (const s of sidecars) {
        const entry = conflicts.get(s) ?? { others: new Set<string>(), pods: new Set<string>() };
        for (const o of sidecars) if (o !== s) entry.others.add(`'${o.qualifiedName}'`);
        entry.pods.add(`${pod.owner.kind} ${pod.owner.name}`);
        conflicts.set(s, entry);
      }
    }
    for (const [s, { others, pods }] of conflicts) {
      report(s, {
        field: 'spec.workloadSelector.labels',
        value: s.manifest.spec?.workloadSelector?.labels,
        message: `Sidecar '${s.qualifiedName}' and Sidecar ${[...others].join(', ')} select the same workloads (${[...pods].join(', ')}): Istio applies one of them, which one is undefined`,
        fix: 'make the workload selectors disjoint (a label only one of the workloads has), or merge the Sidecars into one',
      });
    }
  },
});
