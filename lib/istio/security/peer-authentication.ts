import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ProblemCollector } from '../../analysis/finding';
import { IstioResource, IstioResourceProps } from '../base';
import { security } from '../private/l1';
import { WorkloadSelector } from '../workload-selector';

/**
 * Whether workloads accept plaintext, mutual TLS, or both.
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/#PeerAuthentication-MutualTLS-Mode
 */
export enum MtlsMode {
  /** Inherit from the parent policy (namespace, then mesh); PERMISSIVE when there is none. */
  UNSET = 'UNSET',
  /** Plaintext only: mTLS connections are not terminated. */
  DISABLE = 'DISABLE',
  /** Accept both plaintext and mTLS. */
  PERMISSIVE = 'PERMISSIVE',
  /** Accept mTLS only. */
  STRICT = 'STRICT',
}

/**
 * Properties of a {@link PeerAuthentication}.
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/#PeerAuthentication
 */
export interface PeerAuthenticationProps extends IstioResourceProps {
  /**
   * The workloads the policy applies to.
   *
   * @default - every workload in the namespace; in the root namespace (`istio-system`) the policy
   * is mesh-wide
   */
  readonly selector?: WorkloadSelector;
  /**
   * The mTLS mode for every port.
   *
   * @default - not rendered; same as MtlsMode.UNSET (inherit)
   */
  readonly mtlsMode?: MtlsMode;
  /**
   * Per-port mTLS modes, keyed by the workload's (container) port number. Requires a `selector`.
   *
   * @default - no port-level settings
   */
  readonly portLevelMtls?: { [port: number]: MtlsMode };
}

/**
 * Options of {@link PeerAuthentication.meshWide}.
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/#PeerAuthentication
 */
export interface PeerAuthenticationMeshWideOptions {
  /**
   * The mTLS mode for the whole mesh.
   */
  readonly mtlsMode: MtlsMode;
  /**
   * The mesh root namespace (`meshConfig.rootNamespace`).
   *
   * @default 'istio-system'
   */
  readonly rootNamespace?: string;
  /**
   * The resource name.
   *
   * @default - the construct id
   */
  readonly name?: string;
}

/**
 * Defines how traffic is tunneled (or not) to a workload: whether it requires mutual TLS.
 *
 * Scope comes from where the policy lives: without `selector` it covers its namespace, and a
 * policy without `selector` in the root namespace (`istio-system` by default) is mesh-wide
 * (see {@link PeerAuthentication.meshWide}). A `selector` narrows it to some workloads of its
 * namespace; only such a policy may set `portLevelMtls`.
 *
 * @example
 * new PeerAuthentication(chart, 'strict', { mtlsMode: MtlsMode.STRICT });
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
export class PeerAuthentication extends IstioResource {
  /**
   * A mesh-wide policy: in the root namespace, without selector.
   *
   * @example
   * PeerAuthentication.meshWide(chart, 'default', { mtlsMode: MtlsMode.STRICT });
   */
  public static meshWide(scope: Construct, id: string, options: PeerAuthenticationMeshWideOptions): PeerAuthentication {
    return new PeerAuthentication(scope, id, {
      metadata: { name: options.name ?? id, namespace: options.rootNamespace ?? 'istio-system' },
      mtlsMode: options.mtlsMode,
    });
  }

  /** The workload selector, if any. */
  public readonly selector?: WorkloadSelector;
  /** The mTLS mode for every port, if set. */
  public readonly mtlsMode?: MtlsMode;

  protected readonly apiObject: ApiObject;

  private readonly _portLevel = new Map<number, MtlsMode>();

  constructor(scope: Construct, id: string, props: PeerAuthenticationProps = {}) {
    super(scope, id, props);
    this.selector = props.selector;
    this.mtlsMode = props.mtlsMode;
    this.apiObject = new security.PeerAuthentication(this, 'Resource', {
      metadata: this.initialMetadata,
      spec: Lazy.any({ produce: () => this._toSpec() }),
    });
    for (const [port, mode] of Object.entries(props.portLevelMtls ?? {})) {
      this.addPortMtls(Number(port), mode);
    }
  }

  /**
   * Sets the mTLS mode of one port (the workload's port, not the Service port).
   *
   * @example
   * pa.addPortMtls(8080, MtlsMode.DISABLE);
   */
  public addPortMtls(port: number, mode: MtlsMode): void {
    this._portLevel.set(port, mode);
  }

  /** The port-level modes (a copy). */
  public get portLevelMtls(): { [port: number]: MtlsMode } {
    return Object.fromEntries(this._portLevel);
  }

  /**
   * The rendered spec.
   * @internal
   */
  public _toSpec(): any {
    const portLevel = this._portLevel.size > 0
      ? Object.fromEntries([...this._portLevel].map(([port, mode]) => [String(port), { mode }]))
      : undefined;
    return {
      selector: this.selector?._toMatchLabels(),
      mtls: this.mtlsMode ? { mode: this.mtlsMode } : undefined,
      portLevelMtls: portLevel,
    };
  }

  protected validateSpec(problems: ProblemCollector): void {
    // the manifest is checked by the object checks (CI0801, CI0024); only what it cannot show stays here
    this.selector?._validate(problems.at('spec.selector.matchLabels'), this.namespace);
  }
}
