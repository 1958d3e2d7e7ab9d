/**
 * Walking a Gateway manifest's servers, whatever the manifest holds.
 */
import { ManifestObject } from '../../../../manifest-object';
import { asRecord, eachItem, isRecord } from '../../../../manifest/read';
import { parseProtocol } from './protocol';

/** One server of a Gateway, as the checks read it. */
export interface GatewayServerView {
  /** The server object. */
  readonly server: Record<string, any>;
  /** Its field path, `spec.servers[i]`. */
  readonly at: string;
  /** Its index in `spec.servers`. */
  readonly index: number;
  /** Its `port`, when it is an object. */
  readonly port?: Record<string, any>;
  /** The protocol Istio reads from `port.protocol`, `undefined` when unsupported or missing. */
  readonly protocol?: string;
  /** Its `tls`, when it is an object. */
  readonly tls?: Record<string, any>;
}

/** Calls `fn` for every server of the Gateway that is an object (null entries are CI0302's). */
export function eachServer(object: ManifestObject, fn: (view: GatewayServerView) => void): void {
  eachItem(asRecord(object.manifest.spec).servers, 'spec.servers', (server, at, index) => {
    if (!isRecord(server)) return;
    const port = isRecord(server.port) ? server.port : undefined;
    fn({ server, at, index, port, protocol: parseProtocol(port?.protocol), tls: isRecord(server.tls) ? server.tls : undefined });
  });
}

/** The kinds the Gateway checks apply to (every served version has the same fields). */
export const GATEWAY_KINDS = ['Gateway.networking.istio.io'];
