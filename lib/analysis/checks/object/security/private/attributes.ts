/**
 * The condition keys (`rules[].when[].key`) of an AuthorizationPolicy as Istio's
 * `ValidateAttribute` (pkg/config/security/security.go) knows them, in the order it checks them.
 */

/** How Istio checks the values of a known key. */
export type AttributeValues = 'ip' | 'port' | 'service-account' | 'trust-domain' | 'string' | 'namespace';

/** A key Istio knows: how its values are checked, and whether it is a map key `name[key]`. */
export interface Attribute {
  /** How Istio checks the values. */
  readonly values: AttributeValues;
  /** Whether the key is `prefix[name]` (and must have that form). */
  readonly map: boolean;
}

const EXACT: ReadonlyMap<string, AttributeValues> = new Map<string, AttributeValues>([
  ['source.ip', 'ip'], ['remote.ip', 'ip'], ['source.namespace', 'namespace'], ['source.serviceAccount', 'service-account'],
  ['source.principal', 'string'], ['source.trustDomain', 'trust-domain'], ['request.auth.principal', 'string'],
  ['request.auth.audiences', 'string'], ['request.auth.presenter', 'string'], ['destination.ip', 'ip'], ['destination.port', 'port'],
  ['connection.sni', 'string'],
]);

/** What Istio says about a key it knows but rejects. */
const REPLACED: ReadonlyArray<readonly [(key: string) => boolean, string]> = [
  [(k) => k === 'destination.namespace', 'was replaced by the policy\'s metadata.namespace'],
  [(k) => k.startsWith('destination.labels'), 'was replaced by the policy\'s workload selector'],
  [(k) => k === 'destination.name' || k === 'destination.user', 'is deprecated and only supported in v1alpha1'],
];

/**
 * The attribute `key` names, or why Istio rejects it. Map keys (`request.headers[...]`,
 * `request.auth.claims[...]`, `experimental.envoy.filters.*[...]`) are matched by prefix, as
 * Istio does, and must have the form `name[key]`.
 */
export function attributeOf(key: string): Attribute | { readonly problem: string } {
  const map = key.startsWith('request.headers') || key.startsWith('request.auth.claims') || key.startsWith('experimental.envoy.filters.');
  if (map) {
    const open = key.indexOf('[');
    return key.endsWith(']') && open > 0 && open < key.length - 2 ? { values: 'string', map } : { problem: 'must have the form name[key], such as request.headers[x-token]' };
  }
  const values = EXACT.get(key);
  if (values) return { values, map: false };
  for (const [test, problem] of REPLACED) if (test(key)) return { problem };
  return { problem: 'is not an attribute Istio knows' };
}
