/**
 * The OpenAPI schemas of the Istio 1.30.3 CRDs, as `scripts/import.mjs` writes them into
 * `imports/istio-schemas.json` (descriptions dropped; CEL rules and list types kept), by
 * `apiVersion/kind`. This module is required on first use: the JSON is ~90 KB.
 */
import file from '../../../../imports/istio-schemas.json';

/** A node of a structural schema, as the CRD writes it. */
export type SchemaNode = { readonly [keyword: string]: any };

const { schemas, aliases } = file as unknown as { schemas: Record<string, SchemaNode>; aliases: Record<string, string> };

/**
 * The `openAPIV3Schema` the CRDs serve for `apiVersion` and `kind`, or `undefined` when they serve
 * no such kind and version.
 */
export function crdSchema(apiVersion: string, kind: string): SchemaNode | undefined {
  const key = `${apiVersion}/${kind}`;
  return Object.prototype.hasOwnProperty.call(schemas, key) ? schemas[key]
    : Object.prototype.hasOwnProperty.call(aliases, key) ? schemas[aliases[key]] : undefined;
}
