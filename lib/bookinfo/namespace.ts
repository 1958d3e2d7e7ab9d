import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { BookinfoOptions, DEFAULT_BOOKINFO_NAMESPACE } from './options';
import { addOptionsValidation, checkNamespace, checkRevision } from './private/validation';

/**
 * The label that turns on sidecar injection by the default Istio revision.
 */
const INJECTION_LABEL = 'istio-injection';

/**
 * The label that turns on sidecar injection by a given Istio revision (or revision tag).
 */
const REVISION_LABEL = 'istio.io/rev';

/**
 * The namespace of the Bookinfo sample, labelled for Istio sidecar injection.
 *
 * The label is `istio-injection: enabled`, or `istio.io/rev: <revision>` when a revision is
 * given: the injector ignores `istio.io/rev` on a namespace that also has `istio-injection`, so
 * only one of them is set. Apply this chart before the workloads (pods created before the label
 * exists get no sidecar): give it an id that sorts first, or make the workloads chart depend on
 * it with `workloads.addDependency(ns)`.
 *
 * Pod Security admission labels are deliberately not set: the injected `istio-init` container
 * needs NET_ADMIN and NET_RAW, which the `baseline` and `restricted` levels reject unless the
 * Istio CNI plugin is installed.
 *
 * @example
 * const ns = new BookinfoNamespace(app, 'bookinfo-namespace', { revision: 'canary' });
 *
 * @see https://istio.io/latest/docs/examples/bookinfo/
 * @see https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/
 */
export class BookinfoNamespace extends Chart {
  /** The name of the namespace, e.g. `bookinfo`. */
  public readonly namespaceName: string;

  /** The cdk8s-plus Namespace object (cluster-scoped, so it renders no `metadata.namespace`). */
  public readonly namespaceResource: kplus.Namespace;

  /**
   * @param scope the app
   * @param id the chart id; also the manifest file name, which sets the apply order
   * @param options the Bookinfo options; only `namespace` and `revision` are used here
   */
  constructor(scope: Construct, id: string, options: BookinfoOptions = {}) {
    // no chart namespace: a Namespace is cluster-scoped
    super(scope, id);
    this.namespaceName = options.namespace ?? DEFAULT_BOOKINFO_NAMESPACE;
    const labels: Record<string, string> = options.revision === undefined
      ? { [INJECTION_LABEL]: 'enabled' }
      : { [REVISION_LABEL]: options.revision };
    this.namespaceResource = new kplus.Namespace(this, 'Namespace', {
      metadata: { name: this.namespaceName, labels },
    });
    addOptionsValidation(this, (problems) => {
      checkNamespace(problems, this.namespaceName);
      checkRevision(problems, options.revision);
    });
  }
}
