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
