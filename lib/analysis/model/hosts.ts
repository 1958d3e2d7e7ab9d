/**
 * Host names as Istio reads them: short names, FQDNs and wildcards.
 *
 * Istio expands a host to `name.<namespace>.svc.cluster.local` only when it has no dot and is not
 * a wildcard: `reviews` written in namespace `shop` is `reviews.shop.svc.cluster.local`, but
 * `reviews.shop` is taken as written (an external name, unless a ServiceEntry defines it).
 */

/** The cluster DNS domain Istio assumes for Kubernetes Services. */
export const CLUSTER_DOMAIN = 'cluster.local';

/**
 * The fully qualified host Istio uses for `host` written in `namespace`: short names (no dot, no
 * wildcard) become `name.namespace.svc.cluster.local`; everything else is taken as written.
 *
 * @example
 * toFqdn('reviews', 'shop');          // 'reviews.shop.svc.cluster.local'
 * toFqdn('reviews.shop', 'web');      // 'reviews.shop' (not expanded)
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export function toFqdn(host: string, namespace: string): string {
  if (host.startsWith('*') || host.includes('.')) return host;
  return `${host}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

/**
 * The fully qualified host of a Kubernetes Service.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#services
 */
export function serviceFqdn(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

/**
 * The Service a fully qualified host names (`name.namespace.svc.cluster.local`), if it has that
 * form.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#services
 */
export function serviceOfFqdn(fqdn: string): { name: string; namespace: string } | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const parts = fqdn.slice(0, -suffix.length).split('.');
  return parts.length === 2 && parts[0] && parts[1] ? { name: parts[0], namespace: parts[1] } : undefined;
}

/**
 * Whether `host` is a wildcard (`*` or `*.suffix`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export function isWildcard(host: string): boolean {
  return host.startsWith('*');
}

/**
 * Whether two hosts share at least one name, as Istio's `host.Name.Matches`: equal names, a
 * wildcard that covers the other, or two wildcards of which one is a suffix of the other (`*`
 * matches everything).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export function hostsMatch(a: string, b: string): boolean {
  const aw = isWildcard(a);
  const bw = isWildcard(b);
  if (aw && bw) return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  if (aw) return b.endsWith(a.slice(1));
  if (bw) return a.endsWith(b.slice(1));
  return a === b;
}

/**
 * Whether every name `host` stands for is also covered by `pattern`, as Istio's
 * `host.Name.SubsetOf`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export function hostSubsetOf(host: string, pattern: string): boolean {
  const hw = isWildcard(host);
  const pw = isWildcard(pattern);
  if (hw) return pw && host.length >= pattern.length && host.slice(1).endsWith(pattern.slice(1));
  if (pw) return host.endsWith(pattern.slice(1));
  return host === pattern;
}

/**
 * A `[namespace/]host` entry as Gateway servers and Sidecar egress listeners write it:
 * `namespace` is `*` (any, also when omitted), `.` (the resource's own namespace, resolved), `~`
 * (none) or a namespace name.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export interface NamespacedHost {
  /** The namespace part: `*`, `~` or a namespace name (`.` is resolved to the resource's namespace). */
  readonly namespace: string;
  /** The host part (`*`, `*.example.com`, `example.com`). */
  readonly host: string;
  /** As written. */
  readonly written: string;
}

/**
 * Parses `[namespace/]host` written in a resource of `ownNamespace`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export function parseNamespacedHost(written: string, ownNamespace: string): NamespacedHost {
  const slash = written.indexOf('/');
  if (slash < 0) return { namespace: '*', host: written, written };
  const ns = written.slice(0, slash);
  return { namespace: ns === '.' ? ownNamespace : ns, host: written.slice(slash + 1), written };
}

/**
 * Whether a `[namespace/]host` entry admits configuration of namespace `namespace`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export function admitsNamespace(entry: NamespacedHost, namespace: string): boolean {
  return entry.namespace === '*' || entry.namespace === namespace;
}
