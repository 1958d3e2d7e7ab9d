/**
 * Running one DestinationRule check over plain manifests, as `checkObjects` does for any object
 * (whatever wrote it), for the table-driven tests of this folder.
 */
import { ObjectCheck } from '../../../../../lib/analysis/check';
import { checkObjects } from '../../../../../lib/analysis/engine';
import { Finding, Severity } from '../../../../../lib/analysis/finding';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';

/** The API versions Istio 1.30 serves DestinationRule as. */
export const SERVED_VERSIONS = ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'];

/** A DestinationRule manifest with this spec. */
export function destinationRule(spec: unknown, options: { apiVersion?: string; namespace?: string } = {}): any {
  return {
    apiVersion: options.apiVersion ?? 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: { name: 'rule', namespace: options.namespace ?? 'shop' },
    spec,
  };
}

/** Every finding of `check` on one manifest. */
export function findings(check: ObjectCheck, manifest: any): Finding[] {
  const object = ManifestObject.of(manifest);
  if (!object) throw new Error('not a Kubernetes object');
  return checkObjects([object], [check]).map((r) => r.finding);
}

/** `[field, severity]` of every finding of `check` on a rule with this spec. */
export function fieldsOf(check: ObjectCheck, spec: unknown, options: { apiVersion?: string; namespace?: string } = {}): Array<[string, Severity]> {
  return findings(check, destinationRule(spec, options)).map((f) => [f.field, f.severity]);
}

/** A case of a table: a spec and the `[field, severity]` of each expected finding. */
export interface Case {
  readonly name: string;
  readonly spec: unknown;
  readonly expected: Array<[string, Severity]>;
  readonly namespace?: string;
}

/** Shorthands for the tables. */
export const E = Severity.ERROR;
export const W = Severity.WARNING;
