import { Problem } from '../../analysis/finding';
import { _RouteContext } from './context';

/**
 * Anything with a name and an optional namespace that stands for an Istio Gateway, such as the
 * `Gateway` construct of this library.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Gateway
 */
export interface IGatewayReference {
  /** The Gateway's `metadata.name`. */
  readonly name: string;
  /**
   * The Gateway's namespace.
   *
   * @default - the namespace `kubectl` targets (`default`)
   */
  readonly namespace?: string;
}

const MESH = 'mesh';

/**
 * The gateways and sidecars a VirtualService (or one of its matches) applies to.
 *
 * A VirtualService without gateways applies to every sidecar in the mesh. Once gateways are
 * listed, add `GatewayBinding.MESH` explicitly to keep applying to sidecars too.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export class GatewayBinding {
  /** The reserved `mesh` gateway: every sidecar in the mesh. */
  public static readonly MESH: GatewayBinding = new GatewayBinding(() => MESH, MESH);

  /**
   * Binds to a Gateway object (for example the `Gateway` construct). Rendered as `name` when the
   * Gateway shares the VirtualService's namespace, else as `namespace/name`.
   *
   * @example GatewayBinding.fromGateway(bookinfoGateway)
   */
  public static fromGateway(gateway: IGatewayReference): GatewayBinding {
    // a plain-JavaScript caller may pass no gateway: render an empty name and say why (CI0019)
    if (!gateway || typeof gateway.name !== 'string') return new GatewayBinding(() => '', undefined, true);
    return new GatewayBinding((ctx) => {
      const gwNs = gateway.namespace ?? 'default';
      const fromNs = ctx.namespace ?? 'default';
      // Istio resolves a bare gateway name in the namespace of the VirtualService
      return gwNs === fromNs ? gateway.name : `${gwNs}/${gateway.name}`;
    });
  }

  /**
   * Binds to a gateway by name: `'namespace/name'`, a bare `'name'` (resolved in the
   * VirtualService's namespace), or `'mesh'`.
   *
   * @example GatewayBinding.fromName('istio-system/ingressgateway')
   */
  public static fromName(name: string): GatewayBinding {
    return new GatewayBinding(() => name, name);
  }

  private constructor(
    private readonly render: (ctx: _RouteContext) => string,
    private readonly literal?: string,
    /** Whether `fromGateway` was given no gateway. */
    private readonly noGateway = false,
  ) {}

  /**
   * What the manifest cannot show about this binding: `fromGateway` was given no gateway.
   * @internal
   */
  public _constructProblems(field: string): Problem[] {
    if (!this.noGateway) return [];
    return [{
      code: 'CI0019', field, value: '',
      message: 'GatewayBinding.fromGateway was given no gateway, so the gateway name is empty',
      fix: 'pass a Gateway construct (or { name, namespace }) to GatewayBinding.fromGateway, or use GatewayBinding.fromName(\'istio-system/ingressgateway\')',
    }];
  }

  /**
   * Whether this is the reserved `mesh` gateway.
   * @internal
   */
  public get _isMesh(): boolean {
    return this.literal === MESH;
  }

  /**
   * The gateway name as the VirtualService in `ctx.namespace` refers to it.
   * @internal
   */
  public _toIstio(ctx: _RouteContext): string {
    return this.render(ctx);
  }
}
