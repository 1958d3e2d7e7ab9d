import { formatValue, ProblemCollector } from '../../analysis/finding';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../../analysis/values/validate';

/**
 * The VirtualService an HTTP route delegates to: a `VirtualService` construct of this library
 * fits, or `{ name, namespace }` for one defined elsewhere.
 *
 * The delegate VirtualService has no hosts and no gateways; its HTTP routes are merged under the
 * delegating route's matches. Only one level of delegation is supported.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Delegate
 */
export interface HttpDelegate {
  /** The name of the delegate VirtualService. */
  readonly name: string;

  /**
   * The namespace of the delegate VirtualService.
   *
   * @default - the namespace of the delegating VirtualService
   */
  readonly namespace?: string;
}

/**
 * The Istio form of a delegate.
 * @internal
 */
export function _renderDelegate(d: HttpDelegate): any {
  const namespace = d.namespace;
  return { name: d.name, ...(namespace ? { namespace } : {}) };
}

/**
 * Records the problems of a delegate (relative to the `delegate` field).
 * @internal
 */
export function _validateDelegate(d: HttpDelegate, problems: ProblemCollector): void {
  const np = dns1123SubdomainProblem(d.name);
  if (np) problems.add('CI0001', 'name', d.name, `delegate name ${formatValue(d.name)} ${np}`, 'use the metadata.name of the delegate VirtualService');
  if (d.namespace !== undefined) {
    const p = dns1123LabelProblem(d.namespace);
    if (p) problems.add('CI0001', 'namespace', d.namespace, `delegate namespace ${formatValue(d.namespace)} ${p}`, 'use a DNS-1123 namespace name');
  }
}
