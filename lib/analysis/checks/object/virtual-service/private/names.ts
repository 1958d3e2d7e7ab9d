/**
 * The name and host rules of Istio's webhook as it applies them to VirtualServices
 * (pkg/config/labels, pkg/config/validation/agent, pkg/config/host at 1.30.3). They differ from the
 * Kubernetes rules in `values/validate.ts` on purpose: Istio's DNS-1123 label accepts uppercase
 * letters, and its label values have no length limit. Each function returns `undefined` when the
 * value is fine, else a lowercase phrase on what is wrong.
 */
import { isIstioDnsLabel } from '../../../../values/istio-names';

const WILDCARD_LABEL = /^(\*|(\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
const LABEL_KEY = /^([a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)*\/)?((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$/;
const LABEL_VALUE = /^((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Why `domain` is too long or empty (Istio's CheckDNS1123Preconditions). */
function preconditionProblem(domain: string): string | undefined {
  if (domain.length > 255) return `is longer than 255 characters (${domain.length})`;
  if (domain.length === 0) return 'is empty';
  return undefined;
}

/** Istio's ValidateDNS1123Labels: DNS labels, a trailing dot allowed, a top-level domain that is not all digits. */
function dnsLabelsProblem(domain: string): string | undefined {
  const parts = domain.split('.');
  const tld = parts[parts.length - 1];
  if (/^[+-]?\d+$/.test(tld)) return `has an all-numeric top-level domain '${tld}'`;
  for (let i = 0; i < parts.length; i++) {
    if (i === parts.length - 1 && parts[i] === '') return undefined;
    if (!isIstioDnsLabel(parts[i])) return `has an invalid label '${parts[i]}'`;
  }
  return undefined;
}

/**
 * Istio's ValidateWildcardDomain: a DNS name whose first label may be `*`, `*x` or `*-x`
 * (`*.example.com`, `*`), used for VirtualService hosts and destination hosts.
 */
export function wildcardDomainProblem(domain: string): string | undefined {
  const pre = preconditionProblem(domain);
  if (pre) return pre;
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (!(first.length <= 63 && WILDCARD_LABEL.test(first))) return `has an invalid label '${first}' (only the first label may hold a wildcard, as '*' or a leading '*')`;
  return dot < 0 ? undefined : dnsLabelsProblem(domain.slice(dot + 1));
}

/** Istio's ValidateFQDN: a DNS name without wildcards. */
export function fqdnProblem(domain: string): string | undefined {
  return preconditionProblem(domain) ?? dnsLabelsProblem(domain);
}

/**
 * Istio's ValidateWildcardDomainForVirtualServiceBoundToGateway: as {@link wildcardDomainProblem},
 * but when the VirtualService routes TLS by SNI, the name Istio generates for AUTO_PASSTHROUGH
 * (`outbound_.<port>_._.<hostname>`) is accepted too.
 */
export function gatewayDomainProblem(sni: boolean, domain: string): string | undefined {
  const pre = preconditionProblem(domain);
  if (pre) return pre;
  if (sni && domain.startsWith('outbound_')) {
    const parts = domain.split('_');
    if (parts.length < 4) return 'does not follow the outbound_.<PORT>_._.<HOSTNAME> format';
    const port = trimDots(parts[1]);
    const hostname = trimDots(parts[3]);
    if (!/[0-9]/.test(port)) return `has an invalid port label '${port}' (format outbound_.<PORT>_._.<HOSTNAME>)`;
    if (!/[a-zA-Z]/.test(hostname)) return `has an invalid hostname '${hostname}' (format outbound_.<PORT>_._.<HOSTNAME>)`;
    return undefined;
  }
  return wildcardDomainProblem(domain);
}

function trimDots(s: string): string {
  return s.replace(/^\.+|\.+$/g, '');
}

/**
 * The problems of a label map as Istio's `labels.Instance.Validate` sees them: keys are label keys
 * (an optional DNS prefix and `/`, a name of at most 63 characters), values are empty or label
 * values (Istio does not limit their length).
 */
export function labelProblems(labels: Record<string, unknown>): Array<{ key: string; on: 'key' | 'value'; problem: string }> {
  const out: Array<{ key: string; on: 'key' | 'value'; problem: string }> = [];
  for (const [key, value] of Object.entries(labels)) {
    const m = LABEL_KEY.exec(key);
    if (!m) out.push({ key, on: 'key', problem: 'is not a label key (an optional DNS prefix and \'/\', then letters, digits, \'-\', \'_\' or \'.\', starting and ending with a letter or digit)' });
    else if (m[1] && m[1].length - 1 > 253) out.push({ key, on: 'key', problem: 'has a DNS prefix longer than 253 characters' });
    else if (m[2].length > 63) out.push({ key, on: 'key', problem: 'has a name longer than 63 characters' });
    if (typeof value === 'string' && !LABEL_VALUE.test(value)) {
      out.push({ key, on: 'value', problem: 'is not a label value (letters, digits, \'-\', \'_\' or \'.\', starting and ending with a letter or digit)' });
    }
  }
  return out;
}

const JWT_CLAIM = '@request.auth.claims';

/** Istio's jwt.ToRoutingClaim(...).Match: `@request.auth.claims.<claim>` or `@request.auth.claims[<claim>]` (prefix in any case). */
export function isJwtClaimHeader(name: string): boolean {
  if (!name.toLowerCase().startsWith(JWT_CLAIM)) return false;
  const rest = name.slice(JWT_CLAIM.length);
  return (rest.startsWith('.') && rest.length > 1) || (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2);
}

/** An HTTP header name token (RFC 7230 tchars; both cases, as Istio's webhook). */
export const HEADER_TOKEN = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;
