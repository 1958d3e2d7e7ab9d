/**
 * What a namespace can see: `exportTo` on VirtualServices, DestinationRules and ServiceEntries,
 * and the `networking.istio.io/exportTo` annotation on Services. Without either, Istio's default
 * (MeshConfig `defaultServiceExportTo` and friends) exports to every namespace.
 */
import { asArray } from '../manifest/read';
import { ManifestObject } from '../manifest-object';

/** The Service annotation that limits where a Service is visible. */
export const EXPORT_TO_ANNOTATION = 'networking.istio.io/exportTo';

/**
 * Where an object is visible: every namespace (`'*'`), or a set of namespaces (possibly empty,
 * for `~`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService-export_to
 */
export type ExportScope = '*' | ReadonlySet<string>;

/**
 * The namespaces an object is exported to: its `spec.exportTo` (VirtualService, DestinationRule,
 * ServiceEntry) or, for a Service, its `networking.istio.io/exportTo` annotation (comma
 * separated); `.` is the object's own namespace, `*` every namespace, `~` none; absent means every
 * namespace.
 *
 * @see https://istio.io/latest/docs/reference/config/annotations/#NetworkingExportTo
 */
export function exportScope(object: ManifestObject): ExportScope {
  let entries: string[];
  if (object.group === '' && object.kind === 'Service') {
    const annotation = object.manifest.metadata?.annotations?.[EXPORT_TO_ANNOTATION];
    if (typeof annotation !== 'string' || annotation.trim() === '') return '*';
    entries = annotation.split(',').map((e) => e.trim()).filter((e) => e !== '');
  } else {
    entries = asArray(object.manifest.spec?.exportTo).filter((e): e is string => typeof e === 'string');
    if (entries.length === 0) return '*';
  }
  if (entries.includes('*')) return '*';
  const out = new Set<string>();
  for (const e of entries) {
    if (e === '~') continue;
    out.add(e === '.' ? object.namespace : e);
  }
  return out;
}

/**
 * Whether `object` is visible to configuration in `namespace`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService-export_to
 */
export function isVisible(scope: ExportScope, namespace: string): boolean {
  return scope === '*' || scope.has(namespace);
}

/**
 * `every namespace`, or the namespaces, for messages.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService-export_to
 */
export function describeScope(scope: ExportScope): string {
  if (scope === '*') return 'every namespace';
  if (scope.size === 0) return 'no namespace';
  return `namespace${scope.size > 1 ? 's' : ''} ${[...scope].sort().join(', ')}`;
}
