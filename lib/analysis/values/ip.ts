/**
 * IP address and CIDR checks shared by ServiceEntry, Sidecar and AuthorizationPolicy. Each returns
 * `undefined` when the value is fine, otherwise a lowercase sentence on what is wrong.
 */
import { isIP } from 'net';

/**
 * An IPv4 or IPv6 address, without a prefix length.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry
 */
export function ipProblem(value: string): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'must not be empty';
  return isIP(value) ? undefined : 'is not a valid IPv4 or IPv6 address';
}

/**
 * An IP address or a CIDR block such as `10.0.0.0/16` or `2001:db8::/32`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry
 */
export function ipOrCidrProblem(value: string): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'must not be empty';
  if (!value.includes('/')) return ipProblem(value);
  const [ip, bits, ...rest] = value.split('/');
  const family = isIP(ip);
  if (rest.length > 0 || family === 0) return 'is not a valid CIDR block (address/prefix-length)';
  const max = family === 4 ? 32 : 128;
  if (!/^\d+$/.test(bits) || Number(bits) > max) return `has an invalid prefix length; use 0 to ${max}`;
  return undefined;
}

/**
 * Whether `value` is a valid IP address (no prefix length).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry
 */
export function isIpAddress(value: string): boolean {
  return typeof value === 'string' && isIP(value) !== 0;
}

/**
 * A `unix://` address as Istio accepts it: an absolute path that is not a directory, or an
 * abstract socket (`unix://@name`). Returns `undefined` when fine.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#IstioEgressListener
 */
export function unixAddressProblem(value: string): string | undefined {
  const path = value.slice('unix://'.length);
  if (path.length === 0) return 'must name a socket after unix://';
  if (path.startsWith('@')) return undefined;
  if (!path.startsWith('/') || path.endsWith('/')) return 'must be an absolute path to a socket file (unix:///path) or an abstract socket (unix://@name)';
  return undefined;
}
