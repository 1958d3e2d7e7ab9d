import * as kplus from 'cdk8s-plus-27';
import { ProblemCollector, Severity } from '../analysis/finding';
import { namespaceOf } from './private/host';
import { isWorkload, podTemplateLabels } from './private/workload';

const CDK8S_ADDR_LABEL = 'cdk8s.io/metadata.addr';

/**
 * Selects the pods (or VMs) an Istio resource applies to, by label.
 *
 * Used by `Sidecar`, `ServiceEntry` (rendered as `workloadSelector: { labels }`) and by
 * `PeerAuthentication`, `AuthorizationPolicy` and `RequestAuthentication` (rendered as
 * `selector: { matchLabels }`). A selector only ever matches workloads in the namespace of the
 * resource that holds it; without a selector those resources apply to the whole namespace.
 *
 * @see https://istio.io/latest/docs/reference/config/type/workload-selector/
 */
export class WorkloadSelector {
  /**
   * Selects the pods of a cdk8s-plus workload (Deployment, StatefulSet, DaemonSet, Job or Pod).
   *
   * The labels are the workload's own selector (`matchLabels`) when it has any besides the
   * `cdk8s.io/metadata.addr` label cdk8s-plus adds for itself; otherwise its pod-template labels
   * (again without that label). They are read when the resource is synthesized, so labels added
   * to the workload later are taken into account.
   *
   * @example
   * const reviewsV2 = new kplus.Deployment(chart, 'reviews-v2', { select: false, podMetadata: { labels: { app: 'reviews', version: 'v2' } }, ... });
   * reviewsV2.select(kplus.LabelSelector.of({ labels: { app: 'reviews', version: 'v2' } }));
   * WorkloadSelector.fromWorkload(reviewsV2); // { app: 'reviews', version: 'v2' }
   */
  public static fromWorkload(workload: kplus.AbstractPod): WorkloadSelector {
    return new WorkloadSelector(undefined, workload);
  }

  /**
   * Selects workloads by explicit labels.
   *
   * @example
   * WorkloadSelector.fromLabels({ app: 'productpage' })
   */
  public static fromLabels(labels: { [key: string]: string }): WorkloadSelector {
    return new WorkloadSelector({ ...labels }, undefined);
  }

  private constructor(
    private readonly explicitLabels: { [key: string]: string } | undefined,
    private readonly workload: kplus.AbstractPod | undefined,
  ) {}

  /** The labels this selector renders (a copy). */
  public get labels(): { [key: string]: string } {
    if (this.explicitLabels) return { ...this.explicitLabels };
    // a plain-JavaScript caller may pass no workload: render no labels, reported by _validate
    return isWorkload(this.workload) ? workloadLabels(this.workload) : {};
  }

  /**
   * The workload the labels come from, if the selector was built with `fromWorkload`.
   */
  public get sourceWorkload(): kplus.AbstractPod | undefined {
    return this.workload;
  }

  /**
   * Renders `{ matchLabels }` (security kinds).
   * @internal
   */
  public _toMatchLabels(): { matchLabels: { [key: string]: string } } {
    return { matchLabels: this.labels };
  }

  /**
   * Renders `{ labels }` (Sidecar and ServiceEntry `workloadSelector`).
   * @internal
   */
  public _toLabels(): { labels: { [key: string]: string } } {
    return { labels: this.labels };
  }

  /**
   * Describes what the rendered labels cannot show, as CI0019 construct problems: no workload
   * given to `fromWorkload`, a workload without labels of its own (the selector would render
   * empty and select every workload of the namespace), a workload in another namespace than the
   * resource (a selector only matches pods of its own namespace). The labels themselves are
   * checked on the manifest (CI0024). `problems` is positioned at the labels map (for example
   * `spec.selector.matchLabels`); `ownerNamespace` is the namespace of the resource holding it.
   * @internal
   */
  public _validate(problems: ProblemCollector, ownerNamespace: string | undefined): void {
    if (this.explicitLabels) return;
    if (!isWorkload(this.workload)) {
      problems.add('CI0019', '', undefined, `the workload selector (WorkloadSelector.fromWorkload) was given ${this.workload === undefined ? 'no workload' : 'something that is not a cdk8s-plus workload'}, so the selector renders without labels`,
        'pass the Deployment (or other workload) whose pods the resource applies to, or use WorkloadSelector.fromLabels');
      return;
    }
    if (Object.keys(this.labels).length === 0) {
      problems.add('CI0019', '', {},
        `workload '${this.workload.name}' has no selector or pod-template labels besides ${CDK8S_ADDR_LABEL}, so the selector would match every workload in the namespace`,
        'add identifying pod labels (e.g. app, version) to the workload, or use WorkloadSelector.fromLabels');
    }
    const workloadNs = namespaceOf(this.workload) ?? 'default';
    const ns = ownerNamespace ?? 'default';
    if (workloadNs !== ns) {
      problems.add('CI0019', '', this.labels,
        `workload '${this.workload.name}' is in namespace '${workloadNs}' but this resource is in '${ns}'; a workload selector only matches pods in its own namespace`,
        `create the resource in namespace '${workloadNs}' (metadata.namespace), or select workloads of namespace '${ns}'`, Severity.WARNING);
    }
  }
}


/** The labels that identify a workload's pods; see {@link WorkloadSelector.fromWorkload}. */
function workloadLabels(workload: kplus.AbstractPod): { [key: string]: string } {
  if (workload instanceof kplus.Workload) {
    const own: { [key: string]: string } = {};
    const matchLabels = workload.matchLabels;
    for (const key of Object.keys(matchLabels).sort()) {
      if (key !== CDK8S_ADDR_LABEL) own[key] = matchLabels[key];
    }
    if (Object.keys(own).length > 0) return own;
  }
  return podTemplateLabels(workload);
}
