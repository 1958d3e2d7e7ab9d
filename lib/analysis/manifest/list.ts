/**
 * `kind: List` (and `PodList`, `ServiceList`, ...) as kubectl reads it: a container whose items
 * are the objects. The YAML reader expands lists as it reads; objects rendered by a cdk8s app
 * (an `Include`d file, an `ApiObject` of kind `List`) are expanded here, so that every check sees
 * the items.
 */
import { ManifestObject } from '../manifest-object';

/**
 * Whether `object` is a list of objects: a kind ending in `List` with an `items` array.
 *
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#collections
 */
export function isList(object: ManifestObject): boolean {
  return /List$/.test(object.kind) && Array.isArray(object.manifest.items);
}

/**
 * The items of a list object, each a {@link ManifestObject} reported where the list is (its
 * construct path, or its file with the item's lines), with the list's suppressions; items that
 * are not Kubernetes objects are left out. Any other object is returned as it is.
 *
 * @example
 * const objects = rendered.flatMap(expandList);
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#collections
 */
export function expandList(object: ManifestObject): ManifestObject[] {
  if (!isList(object)) return [object];
  const out: ManifestObject[] = [];
  (object.manifest.items as unknown[]).forEach((item, i) => {
    const prefix = `items[${i}]`;
    const expanded = ManifestObject.of(item, {
      origin: {
        constructPath: object.origin.constructPath,
        location: object.locate(prefix),
        locate: (field: string) => object.origin.locate?.(`${prefix}.${field}`),
      },
      suppressions: object.suppressions,
    });
    if (expanded) out.push(expanded);
  });
  return out;
}

/**
 * Every object with its lists expanded (see {@link expandList}), in order.
 *
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#collections
 */
export function expandLists(objects: readonly ManifestObject[]): ManifestObject[] {
  return objects.some(isList) ? objects.flatMap(expandList) : [...objects];
}
