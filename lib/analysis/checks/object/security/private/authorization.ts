/**
 * Walking an AuthorizationPolicy manifest: its action, rules, sources, operations and conditions,
 * with the manifest paths findings name. Whatever the manifest holds, these never throw: entries
 * that are not objects are skipped (the CRD schema check reports their type).
 */
import { asArray, asRecord, isRecord } from '../../../../manifest/read';

/** The fields of `rules[].from[].source`, in the order of Istio's Source message. */
export const SOURCE_FIELDS = [
  'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals', 'namespaces', 'notNamespaces',
  'ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks', 'serviceAccounts', 'notServiceAccounts',
  'trustDomains', 'notTrustDomains',
] as const;

/** The fields of `rules[].to[].operation`. */
export const OPERATION_FIELDS = ['hosts', 'notHosts', 'ports', 'notPorts', 'methods', 'notMethods', 'paths', 'notPaths'] as const;

/** The source fields that hold IP addresses or CIDR blocks. */
export const IP_BLOCK_FIELDS = ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks'] as const;

/**
 * The policy's action as Istio reads it: the `action` string, else `ALLOW` (the proto default).
 */
export function actionOf(spec: Record<string, any>): string {
  return typeof spec.action === 'string' && spec.action !== '' ? spec.action : 'ALLOW';
}

/**
 * Whether `value` is a list with at least one entry. Istio reads manifests with protobuf's JSON
 * decoding, where an empty list is the same as no list: `rules: []` is no rules.
 */
export function hasItems(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/** Whether a field is set at all (the API server drops fields set to `null`). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Calls `fn` for every rule that is an object, with its path `spec.rules[i]`. */
export function eachRule(spec: Record<string, any>, fn: (rule: Record<string, any>, field: string) => void): void {
  asArray(spec.rules).forEach((rule, i) => {
    if (isRecord(rule)) fn(rule, `spec.rules[${i}]`);
  });
}

/** Calls `fn` for every `from[].source` of `rule` that is an object, with its path. */
export function eachSource(rule: Record<string, any>, ruleField: string, fn: (source: Record<string, any>, field: string) => void): void {
  asArray(rule.from).forEach((from, j) => {
    if (isRecord(from) && isRecord(from.source)) fn(from.source, `${ruleField}.from[${j}].source`);
  });
}

/** Calls `fn` for every `to[].operation` of `rule` that is an object, with its path. */
export function eachOperation(rule: Record<string, any>, ruleField: string, fn: (operation: Record<string, any>, field: string) => void): void {
  asArray(rule.to).forEach((to, j) => {
    if (isRecord(to) && isRecord(to.operation)) fn(to.operation, `${ruleField}.to[${j}].operation`);
  });
}

/** Calls `fn` for every `when[]` condition of `rule` that is an object, with its path. */
export function eachCondition(rule: Record<string, any>, ruleField: string, fn: (condition: Record<string, any>, field: string) => void): void {
  asArray(rule.when).forEach((condition, k) => {
    if (isRecord(condition)) fn(condition, `${ruleField}.when[${k}]`);
  });
}

/** Calls `fn` for every string of the list `list[name]`, with its path `${field}.${name}[i]`. */
export function eachString(holder: Record<string, any>, name: string, field: string, fn: (value: string, field: string) => void): void {
  asArray(holder[name]).forEach((value, i) => {
    if (typeof value === 'string') fn(value, `${field}.${name}[${i}]`);
  });
}

/** The non-empty list fields among `names` of `holder`. */
export function setLists(holder: unknown, names: readonly string[]): string[] {
  const h = asRecord(holder);
  return names.filter((n) => hasItems(h[n]));
}
