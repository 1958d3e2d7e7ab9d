import { IConstruct } from 'constructs';

/**
 * What the Istio constructs read from a Kubernetes Service of the app: its name, namespace and
 * ports. Any cdk8s-plus `Service` fits (cdk8s-plus-27 through cdk8s-plus-33, or whichever copy
 * the app installs), so this library never asks for one particular cdk8s-plus version.
 *
 * The Service's pod selector is read from the Service when the manifest is rendered
 * (`DestinationRule` subsets and `WorkloadSelector.fromService`).
 *
 * @example
 * const reviews = new kplus.Service(chart, 'reviews', { ports: [{ port: 9080, name: 'http' }] });
 * Destination.fromService(reviews, { subset: 'v2' });   // an IServiceLike
 * @see https://cdk8s.io/docs/latest/plus/cdk8s-plus-33/services/
 * @see https://kubernetes.io/docs/concepts/services-networking/service/
 */
export interface IServiceLike extends IConstruct {
  /** The Service's `metadata.name`. */
  readonly name: string;
  /** Its metadata: the namespace is read from it, else from its chart. */
  readonly metadata: IKubeMetadata;
  /** Its ports (`spec.ports`); a destination of a Service with one port renders that port. */
  readonly ports: ReadonlyArray<{ readonly port: number }>;
}

/**
 * What the Istio constructs read from a workload of the app (Deployment, StatefulSet,
 * DaemonSet, Job or Pod): its name, namespace, pod-template labels and selector. Any cdk8s-plus
 * workload fits (cdk8s-plus-27 through cdk8s-plus-33).
 *
 * @example
 * const reviewsV2 = new kplus.Deployment(chart, 'reviews-v2', { podMetadata: { labels: { app: 'reviews', version: 'v2' } }, ... });
 * Subset.fromWorkload('v2', reviewsV2);   // an IWorkloadLike
 * @see https://cdk8s.io/docs/latest/plus/cdk8s-plus-33/deployment/
 * @see https://kubernetes.io/docs/concepts/workloads/
 */
export interface IWorkloadLike extends IConstruct {
  /** The workload's `metadata.name`. */
  readonly name: string;
  /** Its metadata: the namespace is read from it, else from its chart. */
  readonly metadata: IKubeMetadata;
  /** The metadata of its pod template, whose labels the pods carry. */
  readonly podMetadata: { toJson(): any };
  /**
   * The labels its own selector matches (`spec.selector.matchLabels`); a Pod has none.
   *
   * @default - the pod-template labels identify the pods
   */
  readonly matchLabels?: { readonly [key: string]: string };
}

/**
 * What the Istio constructs read from a Kubernetes ServiceAccount: its name and namespace, for
 * the principal `cluster.local/ns/<namespace>/sa/<name>`. Any cdk8s-plus `ServiceAccount` (or
 * `ServiceAccount.fromServiceAccountName`) fits, cdk8s-plus-27 through cdk8s-plus-33.
 *
 * @example
 * Source.fromServiceAccounts(new kplus.ServiceAccount(chart, 'reviews-sa', { metadata: { name: 'bookinfo-reviews' } }));
 * @see https://cdk8s.io/docs/latest/plus/cdk8s-plus-33/service-account/
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 */
export interface IServiceAccountLike extends IConstruct {
  /** The ServiceAccount's `metadata.name`. */
  readonly name: string;
  /** Its subject as RBAC names it; the namespace is read from it, else from its chart. */
  toSubjectConfiguration(): { readonly namespace?: string };
}

/**
 * The part of a Kubernetes object's metadata the Istio constructs read.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/
 */
export interface IKubeMetadata {
  /**
   * `metadata.namespace`.
   *
   * @default - the namespace of the object's chart, else `default`
   */
  readonly namespace?: string;
}
