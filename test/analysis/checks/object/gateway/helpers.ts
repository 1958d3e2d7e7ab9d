/**
 * Helpers for the Gateway and Sidecar object-check tests: plain manifests of every served
 * version, run through one check with the engine's `checkObjects`.
 */
import { ObjectCheck } from '../../../../../lib/analysis/check';
import { checkObjects } from '../../../../../lib/analysis/engine';
import { Finding, Severity } from '../../../../../lib/analysis/finding';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';

/** The versions Istio 1.30.3 serves for the networking kinds (same fields in each). */
export const VERSIONS = ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'];

/** A manifest of `kind` in namespace `shop` with this spec. */
export function manifest(kind: 'Gateway' | 'Sidecar', spec: unknown, options: { name?: string; apiVersion?: string } = {}): ManifestObject {
  const object = ManifestObject.of({ apiVersion: options.apiVersion ?? VERSIONS[0], kind, metadata: { name: options.name ?? 'test', namespace: 'shop' }, spec });
  if (!object) throw new Error('not a Kubernetes object');
  return object;
}

/** The findings of one check on one object. */
export function findings(check: ObjectCheck, object: ManifestObject): Finding[] {
  return checkObjects([object], [check]).map((r) => r.finding);
}

/** `field severity` of every finding, for compact table assertions. */
export function summary(check: ObjectCheck, object: ManifestObject): string[] {
  return findings(check, object).map((f) => `${f.field} ${f.severity === Severity.ERROR ? 'error' : 'warning'}`);
}

/** A Gateway server on port 80 (HTTP) for `hosts`, merged with `extra`. */
export function server(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['shop.example.com'], ...extra };
}

/** An HTTPS server on port 443 with these tls settings. */
export function httpsServer(tls: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['shop.example.com'], tls, ...extra };
}
