import { ProblemCollector, Severity } from '../analysis/finding';
import { IServiceLike, IWorkloadLike } from './kube-objects';
import { namespaceOf } from './private/host';
import { CDK8S_ADDR_LABEL, isService, isWorkload, podTemplateLabels, serviceSelector, withoutAddrLabel } from './private/workload';

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
   * This pins the resource to that one workload, usually one version of a service: a security
   * policy meant for the whole service should use {@link WorkloadSelector.fromService} instead,
   * so that the next version is covered the day it ships.
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
  public static fromWorkload(workload: IWorkloadLike): WorkloadSelector {
    return new WorkloadSelector(undefined, workload);
  }

  /**
   * Selects every workload behind a Service: the pods its selector (`spec.selector`) matches,
   * whatever their version.
   *
   * Use it for policies that protect a service rather than one release of it: a policy built
   * with `fromWorkload(paymentsV1)` stops selecting anything when `payments-v2` ships, while one
   * built with `fromService(payments)` selects v1, v2 and every later version that the Service
   * sends traffic to. The labels are the Service's selector without the
   * `cdk8s.io/metadata.addr` label cdk8s-plus adds for itself, read when the resource is
   * synthesized. A Service that selects one Deployment by that label alone (cdk8s-plus's
   * `service.select(deployment)` of a Deployment created with the default `select: true`) has
   * no labels left to select by, which is reported (select by a label instead:
   * `service.selectLabel('app', 'payments')`).
   *
   * @example
   * const payments = new kplus.Service(chart, 'payments', { ports: [{ port: 8080, name: 'http' }] });
   * payments.selectLabel('app', 'payments');
   * new AuthorizationPolicy(chart, 'payments-callers', {
   *   selector: WorkloadSelector.fromService(payments),   // { app: payments }: v1, v2, ...
   *   rules: [{ from: [Source.fromServiceAccounts(checkoutSa)] }],
   * });
   */
  public static fromService(service: IServiceLike): WorkloadSelector {
    return new WorkloadSelector(undefined, undefined, service);
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
    private readonly workload: IWorkloadLike | undefined,
    private readonly service?: IServiceLike,
  ) {}

  /** The labels this selector renders (a copy). */
  public get labels(): { [key: string]: string } {
    if (this.explicitLabels) return { ...this.explicitLabels };
    // a plain-JavaScript caller may pass no workload or Service: render no labels, reported by _validate
    if (this.service !== undefined) return isService(this.service) ? withoutAddrLabel(serviceSelector(this.service)) : {};
    return isWorkload(this.workload) ? workloadLabels(this.workload) : {};
  }

  /**
   * The workload the labels come from, if the selector was built with `fromWorkload`.
   */
  public get sourceWorkload(): IWorkloadLike | undefined {
    return this.workload;
  }

  /**
   * The Service whose workloads are selected, if the selector was built with `fromService`.
   */
  public get sourceService(): IServiceLike | undefined {
    return this.service;
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
    if (this.service !== undefined) {
      this.validateService(problems, ownerNamespace);
      return;
    }
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

  private validateService(problems: ProblemCollector, ownerNamespace: string | undefined): void {
    const service = this.service;
    if (!isService(service)) {
      problems.add('CI0019', '', undefined, 'the workload selector (WorkloadSelector.fromService) was given something that is not a Service, so the selector renders without labels',
        'pass the cdk8s-plus Service whose workloads the resource applies to, or use WorkloadSelector.fromLabels');
      return;
    }
    const selector = serviceSelector(service);
    if (Object.keys(this.labels).length === 0) {
      const why = Object.keys(selector).length === 0
        ? 'has no pod selector'
        : `selects its pods by ${CDK8S_ADDR_LABEL} only (one workload, chosen by cdk8s-plus)`;
      problems.add('CI0019', '', {},
        `Service '${service.name}' ${why}, so the selector would match every workload in the namespace`,
        `select the Service's pods by label (spec.selector, e.g. app: ${service.name}; in code service.selectLabel('app', '${service.name}')), or use WorkloadSelector.fromLabels`);
    }
    const serviceNs = namespaceOf(service) ?? 'default';
    const ns = ownerNamespace ?? 'default';
    if (serviceNs !== ns) {
      problems.add('CI0019', '', this.labels,
        `Service '${service.name}' is in namespace '${serviceNs}' but this resource is in '${ns}'; a workload selector only matches pods in its own namespace`,
        `create the resource in namespace '${serviceNs}' (metadata.namespace), or select workloads of namespace '${ns}'`, Severity.WARNING);
    }
  }
}


/** The labels that identify a workload's pods; see {@link WorkloadSelector.fromWorkload}. */
function workloadLabels(workload: IWorkloadLike): { [key: string]: string } {
  // a Pod has no selector of its own; a Deployment, StatefulSet, DaemonSet or Job has matchLabels
  const matchLabels = workload.matchLabels;
  if (matchLabels !== null && typeof matchLabels === 'object') {
    const own = withoutAddrLabel(matchLabels);
    if (Object.keys(own).length > 0) return own;
  }
  return podTemplateLabels(workload);
}
