/**
 * What a routing value object needs to know about the resource that renders it.
 *
 * Istio resolves short host names and gateway names in the namespace of the rule, so value
 * objects that point at other objects (services, gateways, delegates) render relative to it.
 * @internal
 */
export interface _RouteContext {
  /** The namespace the rule is applied to (its own, else its chart's); `undefined` means `default`. */
  readonly namespace?: string;
}
