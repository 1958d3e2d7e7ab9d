/**
 * Manifest values as the Kubernetes API server hands them to CEL (k8s.io/apiserver/pkg/cel/common
 * `UnstructuredToVal`): typed by the structural schema, not by the JSON value. `integer` fields
 * become CEL ints (bigint), `number` fields doubles, objects with `properties` become objects whose
 * field names are escaped as Kubernetes escapes them (`namespace` is `__namespace__`, `a-b` is
 * `a__dash__b`), `additionalProperties` maps keep their keys, `x-kubernetes-int-or-string` is an
 * int or a string, and untyped (`x-kubernetes-preserve-unknown-fields`) values are read as JSON
 * (integral numbers as ints).
 *
 * A value of the wrong type for its schema (a string where an integer is declared) has no CEL
 * value: the API server would have stopped at the schema error (CI0016) before running any rule.
 * Strings with a `format` stay strings: no Istio 1.30 CRD has a `date-time`, `byte` or `duration`
 * field under a CEL rule.
 */
import type { SchemaNode } from './crd-schemas';

/** Thrown when a value does not have the type its schema declares. */
export const ILL_TYPED: unique symbol = Symbol('ill-typed');

/** Conversions already made during one object's walk, by schema node and value. */
export type CelValueCache = Map<SchemaNode, WeakMap<object, unknown>>;

/**
 * The CEL value of `value` under `schema`; throws {@link ILL_TYPED} when the value does not have
 * the schema's type. Objects and arrays are converted once per cache.
 */
export function toCelValue(value: unknown, schema: SchemaNode, cache: CelValueCache): unknown {
  if (value === null) {
    if (schema.nullable === true) return null;
    throw ILL_TYPED;
  }
  if (schema['x-kubernetes-int-or-string'] === true) {
    if (typeof value === 'string') return value;
    if (Number.isInteger(value)) return BigInt(value as number);
    throw ILL_TYPED;
  }
  switch (schema.type) {
    case 'string':
      if (typeof value === 'string') return value;
      throw ILL_TYPED;
    case 'integer':
      if (Number.isInteger(value)) return BigInt(value as number);
      throw ILL_TYPED;
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      throw ILL_TYPED;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      throw ILL_TYPED;
    case 'array':
      if (!Array.isArray(value)) throw ILL_TYPED;
      return cached(value, schema, cache, () => value.map((item) => (schema.items ? toCelValue(item, schema.items, cache) : jsonToCel(item))));
    case 'object':
      if (value === undefined || typeof value !== 'object' || Array.isArray(value)) throw ILL_TYPED;
      return cached(value, schema, cache, () => objectToCel(value as Record<string, unknown>, schema, cache));
    case undefined:
      return jsonToCel(value);
    default:
      throw ILL_TYPED;
  }
}

function objectToCel(value: Record<string, unknown>, schema: SchemaNode, cache: CelValueCache): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (schema.properties) {
    for (const [key, item] of Object.entries(value)) {
      const property: SchemaNode | undefined = Object.prototype.hasOwnProperty.call(schema.properties, key) ? schema.properties[key] : undefined;
      // unknown fields are not part of the object's CEL type; nulls of non-nullable fields are pruned
      if (!property || (item === null && property.nullable !== true)) continue;
      const name = escapeFieldName(key);
      if (name !== undefined) out.set(name, toCelValue(item, property, cache));
    }
  } else if (schema.additionalProperties !== null && typeof schema.additionalProperties === 'object') {
    for (const [key, item] of Object.entries(value)) out.set(key, toCelValue(item, schema.additionalProperties, cache));
  } else if (schema['x-kubernetes-preserve-unknown-fields'] === true) {
    for (const [key, item] of Object.entries(value)) out.set(key, jsonToCel(item));
  }
  return out;
}

/** A value without a schema type, as JSON decoding gives it to CEL (integral numbers are ints). */
function jsonToCel(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(jsonToCel);
  if (value !== null && typeof value === 'object') {
    return new Map(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonToCel(v)]));
  }
  if (value === undefined) throw ILL_TYPED;
  return value;
}

function cached(value: object, schema: SchemaNode, cache: CelValueCache, convert: () => unknown): unknown {
  let bySchema = cache.get(schema);
  if (!bySchema) cache.set(schema, bySchema = new WeakMap());
  if (bySchema.has(value)) return bySchema.get(value);
  const converted = convert();
  bySchema.set(value, converted);
  return converted;
}

/** CEL's reserved words: a property with one of these names is selected as `__name__`. */
const RESERVED = new Set(['true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if',
  'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']);

/**
 * The CEL field name of an object property (k8s.io/apiserver/pkg/cel `Escape`): `__` is
 * `__underscores__`, `.` `__dot__`, `-` `__dash__`, `/` `__slash__`, a reserved word `__word__`;
 * `undefined` for a name CEL cannot select (starting with a digit, or other characters).
 */
export function escapeFieldName(name: string): string | undefined {
  if (name === '' || /^[0-9]/.test(name) || !/^[a-zA-Z0-9_.\-/]+$/.test(name)) return undefined;
  if (RESERVED.has(name)) return `__${name}__`;
  return name.replace(/__|[.\-/]/g, (s) => ({ __: '__underscores__', '.': '__dot__', '-': '__dash__', '/': '__slash__' })[s]!);
}
