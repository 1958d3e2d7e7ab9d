import { asArray, isRecord } from '../../../manifest/read';
import { ManifestObject } from '../../../manifest-object';
import { hostsMatch, NamespacedHost, parseNamespacedHost } from '../../../model/hosts';

/** One `namespace/dnsName` entry of a Sidecar egress listener, with its field path. */
export interface EgressHost extends NamespacedHost {
  readonly field: string;
}

/** The egress hosts of a Sidecar (`spec.egress[].hosts[]`), `.` resolved to its namespace. */
export function egressHostsOf(sidecar: ManifestObject): EgressHost[] {
  const out: EgressHost[] = [];
  asArray(sidecar.manifest.spec?.egress).forEach((listener: any, i: number) => {
    if (!isRecord(listener)) return;
    asArray(listener.hosts).forEach((h: unknown, j: number) => {
      if (typeof h === 'string' && h !== '') out.push({ ...parseNamespacedHost(h, sidecar.namespace), field: `spec.egress[${i}].hosts[${j}]` });
    });
  });
  return out;
}

/**
 * Whether an egress host imports configuration of `namespace` for `fqdn` (a Service host, or a
 * VirtualService host), as Istio's Sidecar scoping: the namespace part is `*` or that namespace,
 * and the DNS part matches the host.
 */
export function egressImports(entry: NamespacedHost, namespace: string, fqdn: string): boolean {
  return (entry.namespace === '*' || entry.namespace === namespace) && hostsMatch(entry.host, fqdn);
}
