/**
 * The uniqueness the Istio 1.30.3 CRDs declare on lists, checked the way the Kubernetes API
 * server checks it on every write (k8s.io/apiextensions-apiserver/pkg/apiserver/schema/listtype):
 * - `x-kubernetes-list-type: map`: no two items have the same values of the
 *   `x-kubernetes-list-map-keys` fields (an item without a key field counts as its own value,
 *   "unset", so two items both without it collide);
 * - `x-kubernetes-list-type: set`: no two items are equal (objects and lists compared as JSON).
 * As the API server, it reports the second item of each repeated key, once per key.
 *
 * The walk is linear in the size of the object: it follows only the schema nodes that lead to a
 * list type, and compares keys through a hash map.
 */
import { keyField } from '../manifest/read';
import { crdSchema, isSchema, SchemaNode } from './private/crd-schemas';

/**
 * An item of a `map` or `set` list that repeats an earlier item's key.
 *
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy
 */
export interface DuplicateListItem {
  /** The repeated item, as a manifest path: `spec.ports[2]`. */
  readonly field: string;
  /** The list: `spec.ports`. */
  readonly list: string;
  /** The index of the first item with the same key. */
  readonly firstIndex: number;
  /** `map` or `set`. */
  readonly listType: 'map' | 'set';
  /** For a `map` list, its key fields (`['name']`); for a `set`, empty. */
  readonly keys: readonly string[];
  /** The key: the key fields the item sets, with their values (a `map` list), or the item (a `set`). */
  readonly value: unknown;
}

/**
 * The repeated items of every `x-kubernetes-list-type` `map` or `set` list of `manifest`, by the
 * CRD of its `apiVersion` and `kind`. Manifests of kinds the Istio CRDs do not serve give none.
 * Never throws.
 *
 * @param manifest a rendered object, as `ApiObject.toJson()` or a parsed YAML document gives it
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy
 */
export function duplicateListItems(manifest: unknown): DuplicateListItem[] {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return [];
  const { apiVersion, kind } = manifest as Record<string, unknown>;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return [];
  const schema = crdSchema(apiVersion, kind);
  return schema ? schemaDuplicateListItems(schema, manifest) : [];
}

/**
 * Like {@link duplicateListItems}, with the CRD version's `openAPIV3Schema` given instead of
 * looked up. Never throws.
 *
 * @param schema the `openAPIV3Schema` of a CRD version
 * @param manifest an object of that kind and version
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy
 */
export function schemaDuplicateListItems(schema: { readonly [keyword: string]: any }, manifest: unknown): DuplicateListItem[] {
  const tree = listTree(schema);
  if (!tree) return [];
  const out: DuplicateListItem[] = [];
  walk(tree, manifest, '', out);
  return out;
}

// ---------------------------------------------------------------------------------------------

interface ListNode {
  readonly listType?: 'map' | 'set';
  readonly keys: readonly string[];
  readonly properties: Map<string, ListNode>;
  readonly items?: ListNode;
  readonly additionalProperties?: ListNode;
}

const trees = new WeakMap<SchemaNode, ListNode | null>();

function listTree(root: SchemaNode): ListNode | undefined {
  let tree = trees.get(root);
  if (tree === undefined) {
    tree = build(root) ?? null;
    trees.set(root, tree);
  }
  return tree ?? undefined;
}

/** The nodes that declare a `map` or `set` list type or lead to one. */
function build(schema: SchemaNode): ListNode | undefined {
  const type = schema['x-kubernetes-list-type'];
  const listType = type === 'map' || type === 'set' ? type : undefined;
  const keys: string[] = listType === 'map' && Array.isArray(schema['x-kubernetes-list-map-keys']) ? schema['x-kubernetes-list-map-keys'] : [];
  const properties = new Map<string, ListNode>();
  for (const [name, sub] of Object.entries<SchemaNode>(schema.properties ?? {})) {
    const child = build(sub);
    if (child) properties.set(name, child);
  }
  const items = isSchema(schema.items) ? build(schema.items) : undefined;
  const additionalProperties = isSchema(schema.additionalProperties) ? build(schema.additionalProperties) : undefined;
  if (!listType && properties.size === 0 && !items && !additionalProperties) return undefined;
  return { listType, keys, properties, items, additionalProperties };
}

function walk(node: ListNode, value: unknown, field: string, out: DuplicateListItem[]): void {
  if (Array.isArray(value)) {
    if (node.listType) checkList(node, value, field, out);
    if (node.items) value.forEach((item, i) => walk(node.items!, item, `${field}[${i}]`, out));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (node.additionalProperties) {
    for (const [key, item] of Object.entries(record)) walk(node.additionalProperties, item, keyField(field, key), out);
  }
  for (const [name, child] of node.properties) {
    if (Object.prototype.hasOwnProperty.call(record, name)) walk(child, record[name], keyField(field, name), out);
  }
}

function checkList(node: ListNode, list: unknown[], field: string, out: DuplicateListItem[]): void {
  if (list.length <= 1) return;
  let keyed: unknown[];
  if (node.listType === 'map') {
    // the API server only checks keys when every item is an object (or null); else the schema fails
    if (list.some((x) => x !== null && (typeof x !== 'object' || Array.isArray(x)))) return;
    keyed = list.map((x) => {
      const item = (x ?? {}) as Record<string, unknown>;
      const key: Record<string, unknown> = {};
      for (const k of node.keys) if (Object.prototype.hasOwnProperty.call(item, k)) key[k] = item[k];
      return key;
    });
  } else {
    keyed = list;
  }
  const first = new Map<string, number>();
  const reported = new Set<string>();
  keyed.forEach((key, i) => {
    const id = identity(key);
    const seen = first.get(id);
    if (seen === undefined) {
      first.set(id, i);
    } else if (!reported.has(id)) {
      reported.add(id);
      out.push({ field: `${field}[${i}]`, list: field, firstIndex: seen, listType: node.listType!, keys: node.keys, value: key });
    }
  });
}

/** A string equal for equal items: typed scalars, objects as JSON with sorted keys. */
function identity(value: unknown): string {
  if (value === null || typeof value !== 'object') return `${typeof value}:${String(value)}`;
  return `json:${canonicalJson(value)}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
