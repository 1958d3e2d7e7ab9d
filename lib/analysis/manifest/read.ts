/**
 * Reading manifests safely. A check sees whatever a user wrote (YAML, a JSON patch, a cast), so
 * every value may be of any type: these helpers give the expected shape or an empty one, and
 * build the field paths findings name (`spec.http[0].match[1].headers['x-user']`).
 */
import { joinField } from '../finding';

/**
 * Whether `value` is a plain object (not null, not an array).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/
 */
export function isRecord(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `value` if it is a plain object, else an empty object.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/
 */
export function asRecord(value: unknown): Record<string, any> {
  return isRecord(value) ? value : {};
}

/**
 * `value` if it is an array, else an empty array.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/
 */
export function asArray<T = any>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/**
 * Calls `fn` for every element of `value` when it is an array, with the element's field path
 * (`${field}[i]`).
 *
 * @example
 * eachItem(spec.http, 'spec.http', (route, at) => eachItem(route?.match, `${at}.match`, check));
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/
 */
export function eachItem(value: unknown, field: string, fn: (item: any, field: string, index: number) => void): void {
  asArray(value).forEach((item, i) => fn(item, `${field}[${i}]`, i));
}

/**
 * Calls `fn` for every entry of `value` when it is a plain object, with the entry's field path
 * (`${field}.key`, or `${field}['key']` when the key is not an identifier).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/
 */
export function eachEntry(value: unknown, field: string, fn: (key: string, item: any, field: string) => void): void {
  for (const [key, item] of Object.entries(asRecord(value))) fn(key, item, keyField(field, key));
}

/**
 * The field path of a map entry: `base.key` for identifier keys, else `base['key']`.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/
 */
export function keyField(base: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key) ? joinField(base, key) : `${base}['${key}']`;
}

/**
 * Splits a field path into its segments: `spec.http[0].headers['x-user']` gives
 * `['spec', 'http', 0, 'headers', 'x-user']` (array indexes as numbers).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/
 */
export function parseField(field: string): Array<string | number> {
  const out: Array<string | number> = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(field)) !== null) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(m[3] ?? m[4]);
  }
  return out;
}

/**
 * The value at a field path, or `undefined`.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/
 */
export function valueAt(manifest: unknown, field: string): any {
  let node: any = manifest;
  for (const segment of parseField(field)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[segment as any];
  }
  return node;
}

/**
 * The type of a value as a message names it: `string`, `integer`, `number`, `boolean`, `array`,
 * `object` or `null`.
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/
 */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
