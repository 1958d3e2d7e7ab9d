/**
 * Walking an AuthorizationPolicy's rules: the values of its sources and operations, each with
 * its manifest field, and principals read as SPIFFE identities.
 */
import { asArray, isRecord } from '../../../manifest/read';
import { ManifestObject } from '../../../manifest-object';

/** One value of a list field of a rule's source or operation, and where it is written. */
export interface RuleValue {
  /** The value as written. */
  readonly value: string;
  /** The field, e.g. `spec.rules[0].from[1].source.namespaces[2]`. */
  readonly field: string;
}

/**
 * The string values of `rules[].from[].source.<key>` (e.g. `principals`, `namespaces`,
 * `notNamespaces`) of an AuthorizationPolicy, in order.
 */
export function sourceValues(policy: ManifestObject, key: string): RuleValue[] {
  return ruleValues(policy, 'from', 'source', key);
}

/** The string values of `rules[].to[].operation.<key>` (e.g. `hosts`) of an AuthorizationPolicy, in order. */
export function operationValues(policy: ManifestObject, key: string): RuleValue[] {
  return ruleValues(policy, 'to', 'operation', key);
}

function ruleValues(policy: ManifestObject, list: string, item: string, key: string): RuleValue[] {
  const out: RuleValue[] = [];
  asArray(policy.manifest.spec?.rules).forEach((rule: unknown, i: number) => {
    if (!isRecord(rule)) return;
    asArray(rule[list]).forEach((entry: unknown, j: number) => {
      const body = isRecord(entry) ? entry[item] : undefined;
      if (!isRecord(body)) return;
      asArray(body[key]).forEach((value: unknown, k: number) => {
        if (typeof value === 'string') out.push({ value, field: `spec.rules[${i}].${list}[${j}].${item}.${key}[${k}]` });
      });
    });
  });
  return out;
}

/** A principal read as `<trust domain>/ns/<namespace>/sa/<service account>`. */
export interface Principal {
  /** The trust domain (`cluster.local` by default), as written. */
  readonly trustDomain: string;
  /** The namespace of the workloads with this identity. */
  readonly namespace: string;
  /** Their service account. */
  readonly serviceAccount: string;
}

/**
 * The namespace and service account a principal names, or `undefined` when it is not of the
 * form `<trust domain>/ns/<namespace>/sa/<service account>` or its namespace or service account
 * holds a wildcard (Istio matches `*` as a prefix or suffix of the whole principal).
 *
 * @example
 * parsePrincipal('cluster.local/ns/legacy/sa/batch'); // { trustDomain: 'cluster.local', namespace: 'legacy', serviceAccount: 'batch' }
 */
export function parsePrincipal(principal: string): Principal | undefined {
  const m = /^([^/]*)\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(principal);
  if (!m || m[2].includes('*') || m[3].includes('*')) return undefined;
  return { trustDomain: m[1], namespace: m[2], serviceAccount: m[3] };
}

/**
 * Whether a `source.namespaces` entry matches a namespace as Istio matches it: `*` matches all,
 * `*suffix` and `prefix*` by suffix and prefix, anything else exactly.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 */
export function namespacePatternMatches(pattern: string, namespace: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return namespace.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return namespace.startsWith(pattern.slice(0, -1));
  return namespace === pattern;
}
