/**
 * The schemas the CEL rules and list types are checked against: the Istio 1.30.3 CRD schemas cut
 * down by `scripts/import.mjs` to the nodes that hold a rule or a list type (and, under a rule,
 * what types its value), in `imports/istio-crd-rules.ts`, by `apiVersion/kind`. That module is
 * required on first use, so that a program without Istio objects never loads it.
 */
import type { crdRuleSchemas } from '../../../../imports/istio-crd-rules';

/** A node of a structural schema, as the CRD writes it. */
export type SchemaNode = { readonly [keyword: string]: any };

/** Whether `value` is a schema node: an object that is not an array. */
export function isSchema(value: unknown): value is SchemaNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

let loaded: typeof crdRuleSchemas | undefined;

/**
 * The schema the CRDs serve for `apiVersion` and `kind`, cut down to its rules and list types, or
 * `undefined` when they serve no such kind and version, or it has neither.
 */
export function crdSchema(apiVersion: string, kind: string): SchemaNode | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require('../../../../imports/istio-crd-rules') as typeof import('../../../../imports/istio-crd-rules')).crdRuleSchemas;
  const { schemas, aliases } = loaded;
  const key = `${apiVersion}/${kind}`;
  if (Object.prototype.hasOwnProperty.call(schemas, key)) return schemas[key];
  return Object.prototype.hasOwnProperty.call(aliases, key) ? schemas[aliases[key]] : undefined;
}
