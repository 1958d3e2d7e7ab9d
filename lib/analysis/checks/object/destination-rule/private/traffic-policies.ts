/**
 * Walking the traffic policies of a DestinationRule manifest. A rule has a policy of its own
 * (`spec.trafficPolicy`) and one per subset (`spec.subsets[i].trafficPolicy`); each may hold
 * port-level policies (`portLevelSettings[j]`), which carry the same settings (load balancer,
 * connection pool, outlier detection, TLS) but no tunnel or PROXY protocol. Istio's webhook
 * validates every one of them the same way (validateTrafficPolicy, validatePortTrafficPolicies).
 */
import { eachItem, isRecord } from '../../../../manifest/read';

/** One traffic policy of a rule: the rule's own, or a subset's. */
export interface PolicyAt {
  /** The policy object (a plain object; anything else is left to the CRD schema). */
  readonly policy: Record<string, any>;
  /** Its field path: `spec.trafficPolicy` or `spec.subsets[i].trafficPolicy`. */
  readonly field: string;
}

/** Settings that a policy or a port-level policy carries. */
export interface SettingsAt {
  /** The policy or port-level policy object. */
  readonly settings: Record<string, any>;
  /** Its field path, e.g. `spec.trafficPolicy.portLevelSettings[0]`. */
  readonly field: string;
  /** Whether this is a port-level policy. */
  readonly portLevel: boolean;
}

/** The rule-level and subset-level traffic policies of a DestinationRule `spec` that are objects. */
export function trafficPolicies(spec: Record<string, any>): PolicyAt[] {
  const out: PolicyAt[] = [];
  if (isRecord(spec.trafficPolicy)) out.push({ policy: spec.trafficPolicy, field: 'spec.trafficPolicy' });
  eachItem(spec.subsets, 'spec.subsets', (subset, at) => {
    if (isRecord(subset) && isRecord(subset.trafficPolicy)) out.push({ policy: subset.trafficPolicy, field: `${at}.trafficPolicy` });
  });
  return out;
}

/**
 * Every set of settings of a DestinationRule `spec`: each traffic policy, then each of its
 * port-level policies that is an object.
 */
export function policySettings(spec: Record<string, any>): SettingsAt[] {
  const out: SettingsAt[] = [];
  for (const { policy, field } of trafficPolicies(spec)) {
    out.push({ settings: policy, field, portLevel: false });
    eachItem(policy.portLevelSettings, `${field}.portLevelSettings`, (port, at) => {
      if (isRecord(port)) out.push({ settings: port, field: at, portLevel: true });
    });
  }
  return out;
}
