/**
 * Format checks shared by the L2 constructs and value objects. Each returns `undefined` when the
 * value is fine, otherwise a lowercase sentence on what is wrong (the caller adds the code, the
 * field and the fix). The rules follow Istio's validating webhook (pkg/config/validation) and the
 * `x-kubernetes-validations` of the 1.30 CRDs.
 */
import { RE2JS } from 're2js';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_KEY_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const HEADER_TOKEN = /^[a-z0-9!#$%&'*+\-.^_`|~]+$/;

/**
 * A DNS-1123 label: lowercase alphanumerics and '-', at most 63 characters (Service, subset and port names).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names
 */
export function dns1123LabelProblem(value: string): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'must not be empty';
  if (value.length > 63) return `must be at most 63 characters, got ${value.length}`;
  if (!DNS1123_LABEL.test(value)) return 'must consist of lowercase alphanumerics or \'-\', and start and end with an alphanumeric (DNS-1123 label)';
  return undefined;
}

/**
 * A DNS-1123 subdomain: dot-separated labels, at most 253 characters (most resource names).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names
 */
export function dns1123SubdomainProblem(value: string): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'must not be empty';
  if (value.length > 253) return `must be at most 253 characters, got ${value.length}`;
  for (const label of value.split('.')) {
    if (dns1123LabelProblem(label)) return 'must be lowercase DNS-1123 labels joined by \'.\' (DNS-1123 subdomain)';
  }
  return undefined;
}

/**
 * A host name as Istio accepts it in `hosts` lists: a DNS name whose first label may be `*` or
 * start with `*` (`*.example.com`), or `*` alone when `allowBareWildcard`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export function hostProblem(value: string, options: { allowBareWildcard?: boolean; allowWildcard?: boolean } = {}): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'must not be empty';
  if (value === '*') {
    return options.allowBareWildcard ? undefined : 'matches every host, which is not allowed here';
  }
  if (value.length > 255) return `must be at most 255 characters, got ${value.length}`;
  // a trailing dot (an unambiguous FQDN such as 'istio.io.') is allowed, as Istio's ValidateDNS1123Labels
  const labels = value.endsWith('.') && value.length > 1 ? value.slice(0, -1).split('.') : value.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.includes('*')) {
      if (i !== 0) return 'may contain a wildcard only in its first label';
      if (options.allowWildcard === false) return 'must not contain a wildcard here';
      if (label !== '*' && !/^\*[a-z0-9-]*$/.test(label)) return 'may only have \'*\' as the first character of its first label';
      continue;
    }
    if (!/^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/.test(label) || label.length > 63) {
      return `label '${label}' is not a valid DNS label`;
    }
  }
  const tld = labels[labels.length - 1];
  if (labels.length > 1 && /^[0-9]+$/.test(tld)) return `top-level domain '${tld}' cannot be all-numeric`;
  return undefined;
}

/**
 * A port number: an integer in 1-65535.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Port
 */
export function portProblem(value: number): string | undefined {
  if (!Number.isInteger(value) || value < 1 || value > 65535) return 'must be an integer from 1 to 65535';
  return undefined;
}

/**
 * A percentage: a number in 0-100.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Percent
 */
export function percentProblem(value: number): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) return 'must be a number from 0 to 100';
  return undefined;
}

/**
 * A fault-injection percentage: 0, or 0.0001-100 (Istio's validatePercentage: Envoy's precision).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPFaultInjection
 */
export function faultPercentProblem(value: number): string | undefined {
  const p = percentProblem(value);
  if (p) return p;
  if (value > 0 && value < 0.0001) return 'must be 0 or at least 0.0001';
  return undefined;
}

/**
 * An integer in `[min, max]`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/
 */
export function intRangeProblem(value: number, min: number, max: number): string | undefined {
  if (!Number.isInteger(value) || value < min || value > max) return `must be an integer from ${min} to ${max}`;
  return undefined;
}

/**
 * An RE2 regular expression (Istio and Envoy use RE2: no lookaround, no backreferences).
 *
 * @see https://github.com/google/re2/wiki/Syntax
 */
export function re2Problem(value: string): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'must not be empty';
  try {
    RE2JS.compile(value);
    return undefined;
  } catch (e) {
    return `is not a valid RE2 regular expression (${(e as Error).message})`;
  }
}

/**
 * An HTTP header name as Istio's webhook accepts it in matches and header operations.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Headers
 */
export function headerNameProblem(value: string): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'must not be empty';
  if (value !== value.toLowerCase()) return 'must be lowercase (Envoy matches lowercased header names)';
  if (!HEADER_TOKEN.test(value)) return 'must be a valid HTTP header token (letters, digits and !#$%&\'*+-.^_`|~)';
  return undefined;
}

/**
 * A Kubernetes label key (optional DNS-subdomain prefix and a name of at most 63 characters).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
 */
export function labelKeyProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'must have at most one \'/\'';
  const name = parts[parts.length - 1];
  if (parts.length === 2 && dns1123SubdomainProblem(parts[0])) return `prefix '${parts[0]}' must be a DNS-1123 subdomain`;
  if (!name || name.length > 63 || !LABEL_KEY_NAME.test(name)) return 'name part must be 1-63 alphanumerics, \'-\', \'_\' or \'.\', starting and ending with an alphanumeric';
  return undefined;
}

/**
 * A Kubernetes label value (at most 63 characters, may be empty).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
 */
export function labelValueProblem(value: string): string | undefined {
  if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value)) return 'must be at most 63 alphanumerics, \'-\', \'_\' or \'.\', starting and ending with an alphanumeric';
  return undefined;
}
