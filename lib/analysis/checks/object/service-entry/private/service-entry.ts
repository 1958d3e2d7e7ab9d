/**
 * Reading a ServiceEntry spec the way Istio's webhook does (`ValidateServiceEntry`): the
 * resolution defaults to NONE, null ports and endpoints are skipped by the rules that use them.
 */
import { asArray, asRecord, isRecord } from '../../../../manifest/read';
import { parseProtocol } from '../../workload-entry/private/istio-formats';

/** The resolutions Istio 1.30 knows. */
export const RESOLUTIONS = ['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN', 'DYNAMIC_DNS'];

/** A ServiceEntry spec, read once. */
export interface ServiceEntryView {
  readonly spec: Record<string, any>;
  /** `spec.resolution`, NONE when unset (proto default); the raw value when it is not a known resolution. */
  readonly resolution: string;
  /** The hosts that are strings, with their index. */
  readonly hosts: ReadonlyArray<{ readonly host: string; readonly index: number }>;
  /** The number of entries in `spec.hosts`. */
  readonly hostCount: number;
  /** `spec.addresses` (any entries). */
  readonly addresses: unknown[];
  /** The non-null ports, with their index and parsed protocol (`undefined` when unset or unknown). */
  readonly ports: ReadonlyArray<{ readonly port: Record<string, any>; readonly index: number; readonly protocol: string | undefined; readonly rawProtocol: unknown }>;
  /** The names of the ports, as Istio's set of service port names. */
  readonly portNames: ReadonlySet<string>;
  /** `spec.endpoints` (any entries). */
  readonly endpoints: unknown[];
  /** Whether `spec.workloadSelector` is set (not null). */
  readonly hasWorkloadSelector: boolean;
}

/** Reads `manifest.spec` as a ServiceEntry spec. */
export function serviceEntryView(manifest: any): ServiceEntryView {
  const spec = asRecord(manifest?.spec);
  const resolution = spec.resolution === undefined || spec.resolution === null || spec.resolution === '' ? 'NONE' : String(spec.resolution);
  const hosts = asArray(spec.hosts).map((host, index) => ({ host, index })).filter((h): h is { host: string; index: number } => typeof h.host === 'string');
  const ports = asArray(spec.ports).map((port, index) => ({ port, index }))
    .filter((p): p is { port: Record<string, any>; index: number } => isRecord(p.port))
    .map(({ port, index }) => ({ port, index, rawProtocol: port.protocol, protocol: typeof port.protocol === 'string' ? parseProtocol(port.protocol) : undefined }));
  const portNames = new Set(ports.map((p) => p.port.name).filter((n): n is string => typeof n === 'string'));
  return {
    spec, resolution, hosts, hostCount: asArray(spec.hosts).length, addresses: asArray(spec.addresses), ports, portNames,
    endpoints: asArray(spec.endpoints),
    hasWorkloadSelector: spec.workloadSelector !== undefined && spec.workloadSelector !== null,
  };
}
