/**
 * Walking a Sidecar manifest's listeners, whatever the manifest holds.
 */
import { ManifestObject } from '../../../../manifest-object';
import { asRecord, eachItem, isRecord } from '../../../../manifest/read';

/** The kinds the Sidecar checks apply to (every served version has the same fields). */
export const SIDECAR_KINDS = ['Sidecar.networking.istio.io'];

/** One ingress or egress listener of a Sidecar, as the checks read it. */
export interface ListenerView {
  /** The listener object. */
  readonly listener: Record<string, any>;
  /** Its field path, `spec.ingress[i]` or `spec.egress[i]`. */
  readonly at: string;
  /** Its index in its list. */
  readonly index: number;
  /** The number of listeners in its list. */
  readonly count: number;
  /** Its `port`, when it is an object. */
  readonly port?: Record<string, any>;
  /** Its `bind`, `''` when unset. */
  readonly bind: string;
}

/** Calls `fn` for every ingress listener that is an object (null entries are CI0501's). */
export function eachIngress(object: ManifestObject, fn: (view: ListenerView) => void): void {
  eachListener(asRecord(object.manifest.spec).ingress, 'spec.ingress', fn);
}

/** Calls `fn` for every egress listener that is an object (null entries are CI0501's). */
export function eachEgress(object: ManifestObject, fn: (view: ListenerView) => void): void {
  eachListener(asRecord(object.manifest.spec).egress, 'spec.egress', fn);
}

function eachListener(list: unknown, field: string, fn: (view: ListenerView) => void): void {
  const count = Array.isArray(list) ? list.length : 0;
  eachItem(list, field, (listener, at, index) => {
    if (!isRecord(listener)) return;
    const port = isRecord(listener.port) ? listener.port : undefined;
    fn({ listener, at, index, count, port, bind: typeof listener.bind === 'string' ? listener.bind : '' });
  });
}
