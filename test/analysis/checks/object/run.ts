/**
 * Running one object check over hand-written manifests, for the table-driven check tests.
 */
import { ObjectCheck } from '../../../../lib/analysis/check';
import { checkObjects } from '../../../../lib/analysis/engine';
import { Finding } from '../../../../lib/analysis/finding';
import { ManifestObject } from '../../../../lib/analysis/manifest-object';

/** The findings of `check` on `manifest`, in the order they are reported. */
export function run(check: ObjectCheck, manifest: unknown): Finding[] {
  const object = ManifestObject.of(manifest);
  if (!object) throw new Error(`not a Kubernetes object: ${JSON.stringify(manifest)}`);
  return checkObjects([object], [check]).map((r) => r.finding);
}

/** `severity field` of each finding, for compact expectations. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.severity} ${f.field}`);
}

/** The served versions of the security.istio.io kinds. */
export const SECURITY_VERSIONS = ['security.istio.io/v1', 'security.istio.io/v1beta1'];

/** A manifest of `kind` with `spec`, in `apiVersion` (default: the kind's v1). */
export function manifest(kind: string, spec: unknown, options: { apiVersion?: string; annotations?: Record<string, unknown> } = {}): any {
  const group = GROUPS[kind] ?? 'networking.istio.io';
  const metadata: Record<string, unknown> = { name: 'test', namespace: 'shop' };
  if (options.annotations) metadata.annotations = options.annotations;
  return { apiVersion: options.apiVersion ?? `${group}/${VERSION[kind] ?? 'v1'}`, kind, metadata, spec };
}

const GROUPS: Record<string, string> = {
  AuthorizationPolicy: 'security.istio.io', PeerAuthentication: 'security.istio.io', RequestAuthentication: 'security.istio.io',
  Telemetry: 'telemetry.istio.io', WasmPlugin: 'extensions.istio.io', TrafficExtension: 'extensions.istio.io',
};
const VERSION: Record<string, string> = { WasmPlugin: 'v1alpha1', TrafficExtension: 'v1alpha1', EnvoyFilter: 'v1alpha3', ProxyConfig: 'v1beta1' };

/** An AuthorizationPolicy manifest. */
export const authz = (spec: unknown, apiVersion?: string) => manifest('AuthorizationPolicy', spec, { apiVersion });
/** A PeerAuthentication manifest. */
export const peerAuthn = (spec: unknown, apiVersion?: string) => manifest('PeerAuthentication', spec, { apiVersion });
/** A RequestAuthentication manifest. */
export const requestAuthn = (spec: unknown, apiVersion?: string) => manifest('RequestAuthentication', spec, { apiVersion });
