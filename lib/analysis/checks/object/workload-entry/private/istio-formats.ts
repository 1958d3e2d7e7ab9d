/**
 * Field formats exactly as Istio 1.30's webhook checks them for ServiceEntry, WorkloadEntry and
 * WorkloadGroup (pkg/config/labels, pkg/config/validation/agent, pkg/config/protocol). They are
 * more lenient than Kubernetes' own rules in places (Istio's DNS-1123 label accepts uppercase
 * letters, its label values have no length limit), which is why they are not the shared
 * `values/validate` ones. Each returns `undefined` when the value is fine, else a lowercase
 * sentence on what is wrong.
 */
import { isIP } from 'net';
import { isIstioDnsLabel } from '../../../../values/istio-names';
import { isIpAddress } from '../../../../values/ip';

const WILDCARD_LABEL = /^(?:\*|(?:\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;
const QUALIFIED_NAME = '(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_KEY = new RegExp(`^((?:[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)*/)?(${QUALIFIED_NAME})$`);
const LABEL_VALUE = new RegExp(`^(?:${QUALIFIED_NAME})?$`);

/** Istio's `agent.ValidateFQDN`: at most 255 characters, DNS-1123 labels, no all-numeric top-level domain, an optional final dot. */
export function fqdnProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 255) return `is ${value.length} characters long; at most 255 are allowed`;
  return dnsLabelsProblem(value);
}

/**
 * Istio's `agent.ValidateWildcardDomain`: an FQDN whose first label may be `*`, or start with
 * `*` or `*-` (`*.example.com`, `*foo.example.com`).
 */
export function wildcardDomainProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 255) return `is ${value.length} characters long; at most 255 are allowed`;
  const dot = value.indexOf('.');
  const first = dot < 0 ? value : value.slice(0, dot);
  if (first.length > 63 || !WILDCARD_LABEL.test(first)) {
    return first.includes('*') && first !== '*'
      ? `has an invalid first label '${first}' ('*' may only start it, as '*' or '*-')`
      : `has an invalid label '${first}'`;
  }
  return dot < 0 ? undefined : dnsLabelsProblem(value.slice(dot + 1));
}

function dnsLabelsProblem(domain: string): string | undefined {
  const labels = domain.split('.');
  const tld = labels[labels.length - 1];
  if (/^[+-]?\d+$/.test(tld)) return `has an all-numeric top-level domain '${tld}'`;
  for (let i = 0; i < labels.length; i++) {
    // a final empty label is the dot of an unambiguous name such as 'istio.io.'
    if (i === labels.length - 1 && labels[i] === '') return undefined;
    if (!isIstioDnsLabel(labels[i])) {
      return labels[i].includes('*') ? `may only have a wildcard in its first label, not in '${labels[i]}'` : `has an invalid label '${labels[i]}'`;
    }
  }
  return undefined;
}

/** Istio's `agent.ValidateIPSubnet`: an IP address, or a CIDR block when the value has exactly one '/'. */
export function ipSubnetProblem(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length !== 2) return isIpAddress(value) ? undefined : 'is not a valid IP address';
  const [ip, bits] = parts;
  const family = ip.includes('%') ? 0 : isIP(ip);
  const max = family === 6 ? 128 : 32;
  if (family === 0 || !/^(0|[1-9]\d*)$/.test(bits) || Number(bits) > max) return 'is not a valid CIDR block';
  return undefined;
}

/** Istio's `ValidateUnixAddress`, for the part after `unix://`: an absolute path to a file, or an abstract socket `@name`. */
export function unixPathProblem(path: string): string | undefined {
  if (path.length === 0) return 'names no socket after unix://';
  if (path.startsWith('@')) return undefined;
  if (!path.startsWith('/') || path.endsWith('/')) return 'is not an absolute path to a socket file';
  return undefined;
}

/** Why a label key fails Istio's `labels.Instance.Validate`, or `undefined`. */
export function labelKeyProblem(key: string): string | undefined {
  const m = LABEL_KEY.exec(key);
  if (!m) return 'is not a valid label key (an optional DNS prefix and \'/\', then alphanumerics, \'-\', \'_\' or \'.\', starting and ending with an alphanumeric)';
  if (m[1] && m[1].length - 1 > 253) return 'has a DNS prefix longer than 253 characters';
  if (m[2].length > 63) return 'has a name longer than 63 characters';
  return undefined;
}

/** Why a label value fails Istio's `labels.Instance.Validate` (empty is allowed), or `undefined`. */
export function labelValueProblem(value: string): string | undefined {
  return LABEL_VALUE.test(value) ? undefined : 'is not a valid label value (alphanumerics, \'-\', \'_\' or \'.\', starting and ending with an alphanumeric, or empty)';
}

/** A protocol as Istio's `protocol.Parse` reads it (case-insensitive), or `undefined` when Istio does not know it. */
export function parseProtocol(value: string): string | undefined {
  return PROTOCOLS.get(value.toLowerCase());
}

/** The protocol names Istio accepts on a port, as the messages list them. */
export const PROTOCOL_NAMES = ['HTTP', 'HTTPS', 'HTTP2', 'GRPC', 'GRPC-Web', 'HTTP_PROXY', 'TCP', 'TLS', 'UDP', 'Mongo', 'Redis', 'MySQL'];

const PROTOCOLS = new Map(PROTOCOL_NAMES.map((p) => [p.toLowerCase(), p]));

/** Whether Istio treats the protocol as carried over TCP (`Instance.IsTCP`). */
export function isTcpProtocol(p: string | undefined): boolean {
  return p === 'TCP' || p === 'HTTPS' || p === 'TLS' || p === 'Mongo' || p === 'Redis' || p === 'MySQL';
}

/** Whether a port number is in 1-65535 (Istio's `agent.ValidatePort`). */
export function isPortNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}
