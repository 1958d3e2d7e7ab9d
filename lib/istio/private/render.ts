/**
 * Rendering values a plain-JavaScript user (or a cast) may pass instead of the documented value
 * objects: the value object's Istio form when it is one, else the value as given, so that
 * rendering never throws and the checks judge what reaches the manifest.
 */

/** The Istio form of a value object (`_toIstio`), or `value` as given when it is not one. */
export function renderValue(value: unknown, ...args: unknown[]): any {
  const render = (value as { _toIstio?: unknown } | null | undefined)?._toIstio;
  return typeof render === 'function' ? render.apply(value, args) : value;
}

/** `list.map(render)` when `list` is an array, else `list` as given. */
export function renderList<T>(list: readonly T[] | undefined, render: (item: T) => unknown): any {
  return Array.isArray(list) ? list.map(render) : list;
}

/** A map with every value rendered by {@link renderValue}, or `map` as given when it is not a plain object. */
export function renderMap(map: unknown, ...args: unknown[]): any {
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return map;
  return Object.fromEntries(Object.entries(map as Record<string, unknown>).map(([k, v]) => [k, renderValue(v, ...args)]));
}
