/**
 * Names and hosts as Istio's webhook checks them (pkg/config/labels and
 * pkg/config/validation/agent), which differ from Kubernetes' own checks: Istio's DNS-1123 label
 * accepts uppercase letters, and Gateway and Sidecar hosts carry a `namespace/` part. Each
 * `...Problem` function returns `undefined` when the value is fine, otherwise a lowercase sentence
 * on what is wrong.
 */
import { isIP } from 'net';

const LABEL = '[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?';
const ISTIO_LABEL = new RegExp(`^${LABEL}$`);
// a wildcard label is '*', or a label optionally prefixed by '*' or '*-'
const WILDCARD_LABEL = new RegExp(`^(?:\\*|(?:\\*|\\*-)?${LABEL})$`);
const INT64_MAX = BigInt('9223372036854775807');

/**
 * Whether `value` is a DNS-1123 label as Istio's webhook checks it (`labels.IsDNS1123Label`):
 * letters (either case), digits and `-`, starting and ending with a letter or digit, at most 63
 * characters. Istio uses it for Gateway names, port names and subset names.
 *
 * @see https://github.com/istio/istio/blob/1.30.3/pkg/config/labels/instance.go
 */
export function isIstioDnsLabel(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 63 && ISTIO_LABEL.test(value);
}

/**
 * Why Istio rejects `domain` as a DNS name whose first label may be a wildcard (`*`,
 * `*.example.com`), as `ValidateWildcardDomain` does; `undefined` when it is fine.
 *
 * @see https://github.com/istio/istio/blob/1.30.3/pkg/config/validation/agent/validation.go
 */
export function wildcardDomainProblem(domain: string): string | undefined {
  const precondition = dnsPrecondition(domain);
  if (precondition) return precondition;
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (first.length > 63 || !WILDCARD_LABEL.test(first)) {
    return first.includes('*') ? `has an invalid wildcard label '${first}'` : `has an invalid label '${first}'`;
  }
  return dot < 0 ? undefined : dnsLabelsProblem(domain.slice(dot + 1));
}

/**
 * Why Istio rejects `fqdn` as a fully qualified DNS name without wildcards (`ValidateFQDN`);
 * `undefined` when it is fine.
 *
 * @see https://github.com/istio/istio/blob/1.30.3/pkg/config/validation/agent/validation.go
 */
export function fqdnProblem(fqdn: string): string | undefined {
  const precondition = dnsPrecondition(fqdn);
  if (precondition) return precondition;
  if (fqdn.includes('*')) return 'must not contain a wildcard';
  return dnsLabelsProblem(fqdn);
}

/**
 * Why Istio rejects a Gateway server host or a Sidecar egress host (`namespace/dnsName`, as
 * `ValidateNamespaceSlashWildcardHostname`), or `undefined` when it is fine.
 *
 * - a Sidecar host must have the `namespace/` part; a Gateway host may omit it;
 * - the namespace is `*`, `.` or a namespace name, and in a Sidecar also `~`;
 * - the dnsName is `*` or a fully qualified name (no short names) whose first label may be `*`
 *   (`*.example.com`, never a partial wildcard such as `*foo.com`); a Gateway also accepts an IP
 *   address that contains a dot.
 *
 * @param host the host as written
 * @param kind which kind's rules apply
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
 */
export function namespacedHostProblem(host: string, kind: 'gateway' | 'sidecar'): string | undefined {
  if (typeof host !== 'string') return 'must be a string';
  const slash = host.indexOf('/');
  if (slash < 0) {
    return kind === 'gateway' ? dnsNameProblem(host, true) : 'must have the form namespace/dnsName';
  }
  const ns = host.slice(0, slash);
  const name = host.slice(slash + 1);
  if (ns === '' || name === '') return 'must have a namespace and a dnsName on both sides of \'/\'';
  const special = kind === 'sidecar' ? ['*', '.', '~'] : ['*', '.'];
  if (!special.includes(ns) && !isIstioDnsLabel(ns)) {
    return `has the namespace '${ns}', which is not ${kind === 'sidecar' ? '\'*\', \'.\', \'~\'' : '\'*\', \'.\''} or a namespace name`;
  }
  return dnsNameProblem(name, kind === 'gateway');
}

/** The dnsName part of a Gateway or Sidecar host (`validateSidecarOrGatewayHostnamePart`). */
function dnsNameProblem(name: string, gateway: boolean): string | undefined {
  if (name !== '*' && !name.includes('.')) return `has the short name '${name}'; use a fully qualified name or '*'`;
  const domain = wildcardDomainProblem(name);
  // a Gateway accepts an IP address as its host
  if (domain && !(gateway && isIP(name) !== 0)) return domain;
  if (name.includes('*') && name !== '*' && !name.startsWith('*.')) return `has the partial wildcard '${name}'; only '*' or a leading '*.' is allowed`;
  return undefined;
}

function dnsPrecondition(name: string): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'must not be empty';
  if (name.length > 255) return `must be at most 255 characters, got ${name.length}`;
  return undefined;
}

/** `ValidateDNS1123Labels`: dot-separated labels, a trailing dot allowed, no all-numeric top-level domain. */
function dnsLabelsProblem(domain: string): string | undefined {
  const labels = domain.split('.');
  const tld = labels[labels.length - 1];
  if (isGoInt(tld)) return `has the all-numeric top-level domain '${tld}'`;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (i === labels.length - 1 && label === '') return undefined;
    if (label.length > 63 || !ISTIO_LABEL.test(label)) return label.includes('*') ? `may have a wildcard only in its first label, got '${label}'` : `has an invalid label '${label}'`;
  }
  return undefined;
}

/**
 * Whether Go's `strconv.Atoi` parses `s` (an optional sign, digits, within int64), as Istio's
 * `ValidateDNS1123Labels` asks of a top-level domain.
 *
 * @see https://github.com/istio/istio/blob/1.30.3/pkg/config/validation/agent/validation.go
 */
export function isGoInt(s: string): boolean {
  if (!/^[+-]?\d+$/.test(s)) return false;
  const n = BigInt(s);
  return n <= INT64_MAX && n >= -INT64_MAX - BigInt(1);
}
