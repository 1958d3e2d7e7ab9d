/**
 * Words for CEL rule findings: the fix for each family of the Istio 1.30.3 CRD rules, and a short
 * account of the values a rule read.
 */
import { formatValue } from '../../../../finding';

/** Fixes by rule family, first match wins; the oneOf-like `(has(a) ? 1 : 0) + ... <= 1` rules are derived. */
const FIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^duration\(self\) >= duration\('1ms'\)$/, 'use a Go duration of at least 1ms, such as \'500ms\', \'10s\' or \'1m\' (units h, m, s, ms, us, ns)'],
  [/^0 < self && self <= 65535$/, 'use a port number from 1 to 65535'],
  [/^self\.all\(key, 0 < int\(key\) && int\(key\) <= 65535\)$/, 'key portLevelMtls by port numbers from 1 to 65535 (a string key in YAML, such as \'8080\')'],
  [/^!self\.contains\("\*"\)$/, 'select an exact label value: selectors take no wildcards'],
  [/^self\.all\(key, !key\.contains\("\*"\)\)$/, 'select by exact label keys: selectors take no wildcards'],
  [/^self\.all\(key, key\.size\(\) != 0\)$/, 'remove the empty label key'],
  [/^self\.size\(\) == 0$/, 'remove namespace from the target reference: a policy targets resources of its own namespace (create it in the target\'s namespace)'],
  [/^has\(self\.wasm\) != has\(self\.lua\)$/, 'set exactly one of wasm and lua'],
  [/getScheme\(\) in \["", "http", "https", "(file|oci)"/, 'use an http://, https://, oci:// or file:// URL, or a registry reference such as registry.example.com/filter:v1'],
  [/!= "HOST" \|\| !has\(self\.value\)$/, 'remove value, or set valueFrom: INLINE (with HOST the value comes from the proxy\'s environment)'],
  [/self\.context == "WAYPOINT"/, 'set context: WAYPOINT to match a waypoint, or remove waypoint'],
  [/CIDR|exists\(k, k\.contains\("\/"\)\)/, 'use resolution STATIC or NONE with CIDR addresses, or list single IP addresses'],
  [/"NONE"\) == "NONE"\) \? !has\(self\.endpoints\)/, 'set resolution: STATIC (or DNS) to list endpoints, or remove endpoints'],
  [/== "DNS_ROUND_ROBIN"\)/, 'keep one endpoint, or use resolution: DNS for several'],
  [/^has\(self\.address\) \|\| has\(self\.network\)$/, 'set address (an IP, a host name or unix:///path), or network'],
  [/startsWith\("unix:\/\/"\) \? !has\(self\.ports\)/, 'remove ports: a unix:// address has none'],
  [/self\.substring\(7, 8\)/, 'write the socket as unix:///absolute/path or unix://@abstract-name'],
  [/startsWith\("unix:\/\/"\) \? !self\.endsWith\("\/"\)/, 'name the socket file, not a directory (no trailing \'/\')'],
  [/key\.matches\("\^\[a-zA-Z0-9\]/, 'name ports with letters, digits and \'-\', starting and ending with a letter or digit, under 63 characters'],
  [/^self != "\*"$/, 'use a host name or a wildcard domain such as \'*.example.com\''],
  [/exists_one\(l2, l1\.number == l2\.number\)/, 'give each port a distinct number (merge the entries that share one)'],
  [/^self in \["", "HTTP", "HTTPS"\]$/, 'use scheme HTTP or HTTPS'],
  [/has\(self\.serviceAccounts\) \|\| has\(self\.notServiceAccounts\)/, 'use serviceAccounts/notServiceAccounts alone, or principals and namespaces without them'],
  [/^has\(self\.portLevelMtls\)/, 'add selector.matchLabels naming the workloads the port settings apply to, or remove portLevelMtls'],
  [/^url\(self\)\.getScheme\(\) in \["http", "https"\]$/, 'use an http:// or https:// URL'],
  [/== "UPSERT"\) \? \(self\.value != ""\)/, 'set a non-empty value for an UPSERT tag override'],
  [/== "REMOVE"\) \? !has\(self\.value\)/, 'remove value from a REMOVE tag override'],
];

const AT_MOST_ONE = /^\(has\(self\.\w+\) \? 1 : 0\)(?: \+ \(has\(self\.\w+\) \? 1 : 0\))+ <= 1$/;

/**
 * The fix for a failure of `rule`: an action naming the fields and the values allowed.
 */
export function crdRuleFix(rule: string): string {
  const text = rule.replace(/\s+/g, ' ').trim();
  if (AT_MOST_ONE.test(text)) {
    const names = [...text.matchAll(/has\(self\.(\w+)\)/g)].map((m) => m[1]);
    return `keep only one of ${names.join(', ')} and remove the others`;
  }
  for (const [pattern, fix] of FIXES) if (pattern.test(text)) return fix;
  return `change the value so that the CRD rule \`${text}\` holds`;
}

/**
 * A CRD message in our style: a capitalised first word lowercased (acronyms such as `UDS` kept),
 * no final period.
 */
export function crdMessage(message: string): string {
  const text = message.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/**
 * What a rule saw, for a message: the value itself for a scalar, else the fields of it the rule
 * reads (`self.x`), set or not (`resolution: 'DNS', endpoints: 2 items`).
 */
export function describeRuleValue(value: unknown, rule: string): string {
  if (value === null || typeof value !== 'object') return formatValue(value);
  if (Array.isArray(value)) return short(value);
  const record = value as Record<string, unknown>;
  const names = [...new Set([...rule.matchAll(/self\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))]
    .filter((n) => !['all', 'exists', 'exists_one', 'size', 'contains', 'startsWith', 'endsWith', 'matches', 'substring'].includes(n));
  if (names.length === 0) return short(value);
  return names.map((n) => `${n}: ${Object.prototype.hasOwnProperty.call(record, n) ? short(record[n]) : '(unset)'}`).join(', ');
}

function short(value: unknown): string {
  if (Array.isArray(value)) {
    const text = formatValue(value);
    return text.length <= 60 ? text : `${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (value !== null && typeof value === 'object') {
    const text = formatValue(value);
    return text.length <= 60 ? text : `{${Object.keys(value).join(', ')}}`;
  }
  return formatValue(value);
}
