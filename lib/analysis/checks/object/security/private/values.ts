/**
 * The value rules of Istio's authorization checks (pkg/config/security/security.go), written for
 * manifests: IP addresses and CIDR blocks as Go's net/netip parses them, ports as
 * strconv.ParseUint, service accounts, trust-domain wildcards and path templates. Each returns
 * `undefined` when the value is fine, else a lowercase phrase on what is wrong.
 */
import { isIP } from 'net';

/**
 * An IP address or CIDR block as Istio's `ValidateIPs` (Go's netip) reads it: IPv4 without
 * leading zeros, IPv6 (a zone only without a prefix), a prefix length without leading zeros and
 * within the family's size.
 */
export function netipProblem(value: string): string | undefined {
  const slash = value.lastIndexOf('/');
  if (slash < 0) return isIP(value) ? undefined : 'is not an IPv4 or IPv6 address';
  const address = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  const family = isIP(address);
  if (family === 0) return `is not a CIDR block: '${address}' is not an IPv4 or IPv6 address`;
  if (address.includes('%')) return 'is not a CIDR block: an IPv6 zone cannot be part of a prefix';
  if (!/^(0|[1-9]\d*)$/.test(bits)) return `is not a CIDR block: bad prefix length '${bits}'`;
  const max = family === 4 ? 32 : 128;
  if (Number(bits) > max) return `is not a CIDR block: prefix length ${bits} is out of range 0-${max}`;
  return undefined;
}

/**
 * A port as Istio's `ValidatePorts` reads it: a decimal number (strconv.ParseUint) up to 65535.
 * `0` passes Istio's check; callers warn about it separately.
 */
export function portStringProblem(value: string): string | undefined {
  if (!/^\d+$/.test(value)) return 'is not a decimal port number';
  if (Number(value) > 65535) return 'is above 65535';
  return undefined;
}

/**
 * A service account as Istio's `CheckServiceAccount` reads it: `name` or `namespace/name`, no
 * wildcard, at most 320 characters.
 */
export function serviceAccountProblem(value: string): string | undefined {
  if (value.includes('*')) return 'contains a wildcard, which service accounts do not allow';
  const slashes = value.split('/').length - 1;
  if (slashes > 1) return 'is not \'<name>\' or \'<namespace>/<name>\'';
  if (value.length > 320) return `is longer than 320 characters (${value.length})`;
  if (slashes === 1) {
    const [ns, sa] = value.split('/');
    if (ns === '') return 'has an empty namespace before \'/\'';
    if (sa === '') return 'has an empty service account name after \'/\'';
  }
  return undefined;
}

/**
 * A value of a field where Istio (`CheckWildcardValues`) allows at most one `*`, at the start or
 * the end: exact, `prefix*`, `*suffix` or `*`.
 */
export function wildcardPositionProblem(value: string): string | undefined {
  const stars = value.split('*').length - 1;
  if (stars > 1) return 'has more than one \'*\'';
  if (stars === 1 && value !== '*' && !value.startsWith('*') && !value.endsWith('*')) return 'has a \'*\' that is neither at the start nor at the end';
  return undefined;
}

/**
 * Whether Istio matches the `*` of `value` literally: its string matchers treat only `*` alone, a
 * leading `*` (suffix match) or a trailing `*` (prefix match) as wildcards; any other `*` is part
 * of the exact (or prefix/suffix) string.
 */
export function hasLiteralWildcard(value: string): boolean {
  if (value === '*' || !value.includes('*')) return false;
  const inner = value.startsWith('*') ? value.slice(1) : value.endsWith('*') ? value.slice(0, -1) : value;
  return inner.includes('*');
}

const MATCH_ONE = '{*}';
const MATCH_ANY = '{**}';
// RFC 3986 pchar without '/': unreserved, pct-encoded, sub-delims, ':' and '@' (Istio's validLiteral)
const PATH_LITERAL = /^[a-zA-Z0-9\-._~%!$&'()+,;:@=]+$/;

/** Whether `path` uses a path template (`{*}` or `{**}`). */
export function isPathTemplate(path: string): boolean {
  return path.includes(MATCH_ONE) || path.includes(MATCH_ANY);
}

/**
 * A path as Istio's `CheckValidPathTemplate` reads it: `{*}` matches one segment, `{**}` the rest
 * and must come last, no other `{` or `}`, and in a template every other segment is a literal of
 * URL path characters (no `*`).
 */
export function pathTemplateProblem(path: string): string | undefined {
  const template = isPathTemplate(path);
  let sawMatchAny = false;
  for (const segment of path.replace(/^\/+|\/+$/g, '').split('/')) {
    if (segment === MATCH_ONE || segment === MATCH_ANY) {
      if (sawMatchAny) return `has '${segment}' after '{**}', which must be the last operator`;
      if (segment === MATCH_ANY) sawMatchAny = true;
      continue;
    }
    if (/[{}]/.test(segment)) return `has the segment '${segment}' with '{' or '}' beyond the supported templates {*} and {**}`;
    if (template && !PATH_LITERAL.test(segment)) {
      return segment === '' ? 'has an empty segment in a path template' : `has the segment '${segment}', which is not a literal of URL path characters (a template allows only {*}, {**} and literals)`;
    }
  }
  return undefined;
}
