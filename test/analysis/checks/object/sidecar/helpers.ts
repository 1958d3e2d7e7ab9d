/**
 * Helpers for the Sidecar object-check tests: a Sidecar manifest in namespace `shop`.
 */
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';
import { manifest, VERSIONS } from '../gateway/helpers';

export { findings, summary, VERSIONS } from '../gateway/helpers';

/** A Sidecar in namespace `shop` with this spec, of `apiVersion` (v1 unless told). */
export function sidecar(spec: unknown, apiVersion = VERSIONS[0]): ManifestObject {
  return manifest('Sidecar', spec, { apiVersion });
}

/** A catch-all egress listener for this namespace and istio-system. */
export const CATCH_ALL = { hosts: ['./*', 'istio-system/*'] };

/** An HTTP ingress listener on 9080, merged with `extra`. */
export function ingress(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { port: { number: 9080, protocol: 'HTTP', name: 'http' }, ...extra };
}
