/**
 * The mTLS mode a workload accepts, composed from the PeerAuthentications that apply to it as
 * istiod composes them (`ComposePeerAuthentication` in pilot/pkg/security/authn/policy_applier.go).
 */
import { asRecord, isRecord } from '../manifest/read';
import { ManifestObject } from '../manifest-object';
import type { WorkloadPeerAuthentications } from './mesh-model';

/**
 * The mTLS mode in force for a workload's inbound traffic, and the PeerAuthentications it comes from.
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
export interface EffectiveMtls {
  /** `STRICT`, `PERMISSIVE` or `DISABLE`; `PERMISSIVE` when no policy sets a mode (Istio's default). */
  readonly mode: string;
  /**
   * The PeerAuthentication whose mode is in force.
   * @default - none: Istio's default (PERMISSIVE)
   */
  readonly policy?: ManifestObject;
  /**
   * The modes of the workload-level policy's `portLevelMtls`, by target (container) port; an
   * UNSET port inherits `mode`.
   * @default - no port-level modes
   */
  readonly ports?: Readonly<Record<string, string>>;
  /**
   * The workload-level PeerAuthentication Istio uses (the one whose `portLevelMtls` counts).
   * @default - none
   */
  readonly workloadPolicy?: ManifestObject;
}

/**
 * The oldest PeerAuthentication of a level, as Istio picks it: the earliest
 * `metadata.creationTimestamp`, then the first by name (manifests carry no creation time, and
 * Istio orders policies of the same second by name).
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
export function oldestPolicy(policies: readonly ManifestObject[]): ManifestObject | undefined {
  let oldest: ManifestObject | undefined;
  for (const p of policies) {
    if (!oldest || comparePolicyAge(p, oldest) < 0) oldest = p;
  }
  return oldest;
}

/**
 * Orders two policies oldest first: by `metadata.creationTimestamp` (absent counts as the same
 * time), then namespace and name.
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
export function comparePolicyAge(a: ManifestObject, b: ManifestObject): number {
  const time = (o: ManifestObject) => {
    const t = o.manifest.metadata?.creationTimestamp;
    return typeof t === 'string' ? t : '';
  };
  const key = (o: ManifestObject) => `${o.namespace}/${o.name}`;
  if (time(a) !== time(b)) return time(a) < time(b) ? -1 : 1;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/**
 * The mode a `{ mode }` setting sets, or `undefined` when it is missing or UNSET (inherit).
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/#PeerAuthentication-MutualTLS-Mode
 */
export function mtlsModeOf(mtls: unknown): string | undefined {
  const mode = isRecord(mtls) ? mtls.mode : undefined;
  return typeof mode === 'string' && mode !== '' && mode !== 'UNSET' ? mode : undefined;
}

/**
 * Composes the mTLS mode of a workload from the PeerAuthentications that apply to it (see
 * `MeshModel.peerAuthenticationsFor`): the oldest of each level, the mesh-wide mode overridden
 * by the namespace-wide one, overridden by the workload-level one (UNSET inherits), and the
 * workload-level policy's `portLevelMtls` (UNSET inherits the workload's mode).
 *
 * @example
 * effectiveMtls(model.peerAuthenticationsFor(pod)); // { mode: 'STRICT', policy: <PeerAuthentication shop/default> }
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
export function effectiveMtls(levels: WorkloadPeerAuthentications): EffectiveMtls {
  let mode = 'PERMISSIVE';
  let policy: ManifestObject | undefined;
  const workloadPolicy = oldestPolicy(levels.workload);
  for (const pa of [oldestPolicy(levels.mesh), oldestPolicy(levels.namespace), workloadPolicy]) {
    const set = pa ? mtlsModeOf(asRecord(pa.manifest.spec).mtls) : undefined;
    if (pa && set) {
      mode = set;
      policy = pa;
    }
  }
  const portLevel = asRecord(workloadPolicy?.manifest.spec?.portLevelMtls);
  if (!workloadPolicy || Object.keys(portLevel).length === 0) return { mode, policy, workloadPolicy };
  const ports: Record<string, string> = {};
  for (const [port, mtls] of Object.entries(portLevel)) ports[port] = mtlsModeOf(mtls) ?? mode;
  return { mode, policy, ports, workloadPolicy };
}

/**
 * The mode a workload accepts on one target (container) port: the port-level mode when its
 * workload-level policy sets one, else the workload's mode.
 *
 * @see https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
export function mtlsModeOnPort(mtls: EffectiveMtls, port: number | string): string {
  return mtls.ports?.[String(port)] ?? mtls.mode;
}
