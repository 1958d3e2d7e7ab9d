import { formatValue, ProblemCollector, Severity } from '../../analysis/finding';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../../analysis/values/validate';
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

  private constructor(private readonly render: (ctx: _RouteContext) => string, private readonly literal?: string) {}

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

  /**
   * Records problems of a gateway given by name (objects validate their own names).
   * @internal
   */
  public _validate(problems: ProblemCollector): void {
    const name = this.literal;
    if (name === undefined || name === MESH) return;
    if (typeof name !== 'string' || name === '') {
      problems.add('CI0001', '', name, 'gateway name is empty', 'pass \'namespace/name\', a bare gateway name, or use GatewayBinding.MESH');
      return;
    }
    const parts = name.split('/');
    if (parts.length === 2) {
      const [ns, gw] = parts;
      const nsProblem = dns1123LabelProblem(ns);
      const gwProblem = dns1123LabelProblem(gw);
      if (nsProblem) problems.add('CI0001', '', name, `gateway ${formatValue(name)}: namespace ${formatValue(ns)} ${nsProblem}`, 'write the gateway as \'<namespace>/<name>\' with DNS-1123 labels');
      if (gwProblem) problems.add('CI0001', '', name, `gateway ${formatValue(name)}: name ${formatValue(gw)} ${gwProblem}`, 'write the gateway as \'<namespace>/<name>\' with DNS-1123 labels');
      return;
    }
    if (parts.length > 2) {
      problems.add('CI0001', '', name, `gateway ${formatValue(name)} has more than one '/'`, 'write the gateway as \'<namespace>/<name>\'');
      return;
    }
    const p = dns1123SubdomainProblem(name);
    if (p) {
      problems.add('CI0001', '', name, `gateway ${formatValue(name)} ${p}`, 'write the gateway as \'<namespace>/<name>\' or a bare DNS-1123 name');
    } else if (name.includes('.')) {
      const [gw, ns] = name.split('.');
      problems.add('CI0001', '', name, `gateway ${formatValue(name)} uses the legacy '<name>.<namespace>' form`,
        `write '${ns}/${gw}' (or use GatewayBinding.fromGateway)`, Severity.WARNING);
    }
  }
}
