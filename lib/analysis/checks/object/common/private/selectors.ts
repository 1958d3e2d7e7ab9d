/**
 * Where each Istio kind keeps its workload selector and its policy target references, and which
 * of Istio's rules apply to them (pkg/config/validation: `validateWorkloadSelector`,
 * `ValidateAlphaWorkloadSelector`, `validateOneOfSelectorType`, `validatePolicyTargetReference(s)`,
 * and the CRDs' schemas and CEL rules).
 */

/** How a kind writes its selector's labels. */
export interface SelectorLayout {
  /** The selector object: `spec.selector` or `spec.workloadSelector`. */
  readonly field: string;
  /**
   * The member holding the labels map (`matchLabels` or `labels`), or `undefined` when the
   * selector is the labels map itself (Gateway).
   */
  readonly labels?: 'matchLabels' | 'labels';
  /**
   * Whether Istio rejects empty and wildcard keys and values and warns about a selector without
   * labels. A Gateway's selector has no rule at all.
   */
  readonly checked: boolean;
  /**
   * The CRD's maxProperties of the labels map.
   * @default - no limit
   */
  readonly maxLabels?: number;
}

const MATCH_LABELS: SelectorLayout = { field: 'spec.selector', labels: 'matchLabels', checked: true, maxLabels: 4096 };

/** The selector layout of every Istio kind that has a workload selector, by group kind. */
export const SELECTOR_LAYOUTS: ReadonlyMap<string, SelectorLayout> = new Map<string, SelectorLayout>([
  ['AuthorizationPolicy.security.istio.io', MATCH_LABELS],
  ['PeerAuthentication.security.istio.io', MATCH_LABELS],
  ['RequestAuthentication.security.istio.io', MATCH_LABELS],
  ['Telemetry.telemetry.istio.io', MATCH_LABELS],
  ['WasmPlugin.extensions.istio.io', MATCH_LABELS],
  ['TrafficExtension.extensions.istio.io', MATCH_LABELS],
  ['ProxyConfig.networking.istio.io', MATCH_LABELS],
  ['DestinationRule.networking.istio.io', { field: 'spec.workloadSelector', labels: 'matchLabels', checked: true, maxLabels: 4096 }],
  ['Sidecar.networking.istio.io', { field: 'spec.workloadSelector', labels: 'labels', checked: true, maxLabels: 256 }],
  ['ServiceEntry.networking.istio.io', { field: 'spec.workloadSelector', labels: 'labels', checked: true, maxLabels: 256 }],
  ['EnvoyFilter.networking.istio.io', { field: 'spec.workloadSelector', labels: 'labels', checked: true, maxLabels: 256 }],
  ['Gateway.networking.istio.io', { field: 'spec.selector', checked: false }],
]);

/** How a kind refers to the resources a policy applies to. */
export interface TargetLayout {
  /** The selector field that excludes target references. */
  readonly selector: string;
  /** Whether the kind has the single `targetRef` (besides `targetRefs`). */
  readonly single: boolean;
  /**
   * Whether Istio's webhook checks the referenced group and kind (`validatePolicyTargetReference`);
   * for EnvoyFilter only the CRD's rules apply.
   */
  readonly webhook: boolean;
}

/** The target-reference layout of every Istio kind that has `targetRef` or `targetRefs`, by group kind. */
export const TARGET_LAYOUTS: ReadonlyMap<string, TargetLayout> = new Map<string, TargetLayout>([
  ['AuthorizationPolicy.security.istio.io', { selector: 'selector', single: true, webhook: true }],
  ['RequestAuthentication.security.istio.io', { selector: 'selector', single: true, webhook: true }],
  ['Telemetry.telemetry.istio.io', { selector: 'selector', single: true, webhook: true }],
  ['WasmPlugin.extensions.istio.io', { selector: 'selector', single: true, webhook: true }],
  ['TrafficExtension.extensions.istio.io', { selector: 'selector', single: false, webhook: true }],
  ['EnvoyFilter.networking.istio.io', { selector: 'workloadSelector', single: false, webhook: false }],
]);

/**
 * The resources a policy may target, as Istio's webhook lists them (`allowedTargetRefs`): group
 * (`''` is the core group, also written `core`) and kind.
 */
export const TARGET_KINDS: ReadonlyArray<{ readonly group: string; readonly kind: string }> = [
  { group: 'core', kind: 'Service' },
  { group: 'networking.istio.io', kind: 'ServiceEntry' },
  { group: 'gateway.networking.k8s.io', kind: 'Gateway' },
  { group: 'gateway.networking.k8s.io', kind: 'GatewayClass' },
];
