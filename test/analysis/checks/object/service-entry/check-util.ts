/**
 * Running one object check over plain manifests, for the ServiceEntry, WorkloadEntry, WorkloadGroup
 * and exportTo check tests: every case runs once per served version of networking.istio.io.
 */
import { ObjectCheck } from '../../../../../lib/analysis/check';
import { checkObjects } from '../../../../../lib/analysis/engine';
import { Finding } from '../../../../../lib/analysis/finding';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';

/** The served versions of the networking kinds. */
export const NETWORKING_VERSIONS = ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'];

/** A manifest of `kind` with this spec (and metadata), in namespace `shop` unless told otherwise. */
export function manifest(kind: string, spec: unknown, metadata: Record<string, unknown> = {}, apiVersion = NETWORKING_VERSIONS[0]): any {
  return { apiVersion, kind, metadata: { name: 'x', namespace: 'shop', ...metadata }, ...(spec === undefined ? {} : { spec }) };
}

/** The findings of `check` on one manifest. */
export function findingsOf(check: ObjectCheck, m: unknown): Finding[] {
  const object = ManifestObject.of(m);
  if (!object) throw new Error('not a Kubernetes object');
  return checkObjects([object], [check]).map((r) => r.finding);
}

/**
 * `severity field` of every finding of `check` on `kind` with this spec, the same for every
 * served version (or an error naming the version that differs).
 */
export function linesOf(check: ObjectCheck, kind: string, spec: unknown, metadata: Record<string, unknown> = {}): string[] {
  const per = NETWORKING_VERSIONS.map((v) => findingsOf(check, manifest(kind, spec, metadata, v)).map((f) => `${f.severity} ${f.field}`));
  per.forEach((lines, i) => {
    if (JSON.stringify(lines) !== JSON.stringify(per[0])) throw new Error(`${NETWORKING_VERSIONS[i]} gives ${JSON.stringify(lines)}, v1 gives ${JSON.stringify(per[0])}`);
  });
  return per[0];
}
