/**
 * Host names as Istio's webhook checks them (pkg/config/validation/agent: ValidateWildcardDomain,
 * ValidateFQDN, ValidateIPAddress). Istio's DNS-1123 label accepts uppercase letters (Kubernetes'
 * does not), and a trailing dot marks an unambiguous FQDN. Each function returns `undefined` when
 * the value is fine, else a lowercase sentence.
 */
import { isIP } from 'net';
import { isGoInt, isIstioDnsLabel } from '../../../../values/istio-names';
import * as ip from '../../../../values/ip';

const WILDCARD_LABEL = /^(?:\*|(?:\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
const LABEL_RULE = 'letters, digits and \'-\', starting and ending with a letter or digit, at most 63 characters';

/** A host that may start with a wildcard label (`*`, `*.example.com`, `*-api.example.com`). */
export function wildcardDomainProblem(host: string): string | undefined {
  const pre = preconditionProblem(host);
  if (pre) return pre;
  const dot = host.indexOf('.');
  const first = dot < 0 ? host : host.slice(0, dot);
  if (first.length > 63 || !WILDCARD_LABEL.test(first)) {
    return `has an invalid first label '${first}': use ${LABEL_RULE}, optionally starting with '*' or '*-' (or '*' alone)`;
  }
  return dot < 0 ? undefined : labelsProblem(host.slice(dot + 1));
}

/** A fully qualified domain name without wildcards (a trailing dot allowed). */
export function fqdnProblem(host: string): string | undefined {
  return preconditionProblem(host) ?? labelsProblem(host);
}

/** An IPv4 or IPv6 address as Go's `netip.ParseAddr` reads it (an IPv6 zone such as `%eth0` allowed). */
export function isIpAddress(value: string): boolean {
  if (ip.isIpAddress(value)) return true;
  const zone = value.indexOf('%');
  return zone > 0 && zone < value.length - 1 && isIP(value.slice(0, zone)) === 6;
}

function preconditionProblem(host: string): string | undefined {
  if (host.length === 0) return 'must not be empty';
  if (host.length > 255) return `must be at most 255 characters, got ${host.length}`;
  return undefined;
}

/** Istio's ValidateDNS1123Labels: no all-numeric top-level domain, every label valid, the last one may be empty. */
function labelsProblem(domain: string): string | undefined {
  const parts = domain.split('.');
  const tld = parts[parts.length - 1];
  if (isGoInt(tld)) return `has an all-numeric top-level domain '${tld}'`;
  for (let i = 0; i < parts.length; i++) {
    if (i === parts.length - 1 && parts[i] === '') return undefined;
    if (!isIstioDnsLabel(parts[i])) return `has an invalid label '${parts[i]}': use ${LABEL_RULE}`;
  }
  return undefined;
}
