/**
 * Walking a VirtualService manifest: the routes, matches, destinations, string matches and header
 * operations of every served version (v1, v1beta1, v1alpha3 have the same fields), with the field
 * path of each. Anything of the wrong shape is skipped (the CRD schema check reports it).
 */
import { asArray, asRecord, eachEntry, eachItem, isRecord } from '../../../../manifest/read';

/** The mesh gateway name: VirtualServices bound to it (or to no gateway) apply to sidecars. */
export const MESH = 'mesh';

/** What the webhook derives from the whole VirtualService before it checks its parts. */
export interface VsContext {
  /** `spec`, or an empty object. */
  readonly spec: Record<string, any>;
  /** The hosts that are strings. */
  readonly hosts: string[];
  /** Whether `spec.hosts` is empty: Istio then treats the VirtualService as a delegate. */
  readonly isDelegate: boolean;
  /** Whether it applies only to gateways: gateways are listed and `mesh` is not among them. */
  readonly appliesToGateway: boolean;
  /** Whether a TLS route matches on SNI hosts (Istio's isSniHost). */
  readonly routesSni: boolean;
}

/** The context of a VirtualService manifest. */
export function vsContext(manifest: any): VsContext {
  const spec = asRecord(manifest?.spec);
  const hosts = asArray(spec.hosts).filter((h): h is string => typeof h === 'string');
  const gateways = asArray(spec.gateways);
  return {
    spec,
    hosts,
    // hosts of the wrong type are the schema's to report, not a delegate
    isDelegate: Array.isArray(spec.hosts) ? spec.hosts.length === 0 : spec.hosts === undefined || spec.hosts === null,
    appliesToGateway: gateways.length > 0 && !gateways.includes(MESH),
    routesSni: asArray(spec.tls).some((t) => asArray(t?.match).some((m) => asArray(m?.sniHosts).length > 0)),
  };
}

/** Calls `fn` for every HTTP route that is an object. */
export function eachHttpRoute(spec: Record<string, any>, fn: (route: Record<string, any>, field: string, index: number) => void): void {
  eachItem(spec.http, 'spec.http', (route, field, i) => {
    if (isRecord(route)) fn(route, field, i);
  });
}

/** Calls `fn` for every HTTP match (`spec.http[i].match[j]`) that is an object. */
export function eachHttpMatch(spec: Record<string, any>, fn: (match: Record<string, any>, field: string) => void): void {
  eachHttpRoute(spec, (route, at) => eachItem(route.match, `${at}.match`, (m, field) => {
    if (isRecord(m)) fn(m, field);
  }));
}

/** The kind of L4 route: `tcp` or `tls`. */
export type L4Kind = 'tcp' | 'tls';

/** Calls `fn` for every TCP and TLS route that is an object. */
export function eachL4Route(spec: Record<string, any>, fn: (route: Record<string, any>, field: string, kind: L4Kind) => void): void {
  for (const kind of ['tcp', 'tls'] as const) {
    eachItem(spec[kind], `spec.${kind}`, (route, field) => {
      if (isRecord(route)) fn(route, field, kind);
    });
  }
}

/** Calls `fn` for every TCP and TLS match that is an object. */
export function eachL4Match(spec: Record<string, any>, fn: (match: Record<string, any>, field: string, kind: L4Kind) => void): void {
  eachL4Route(spec, (route, at, kind) => eachItem(route.match, `${at}.match`, (m, field) => {
    if (isRecord(m)) fn(m, field, kind);
  }));
}

/** Calls `fn` for every match of any route kind (HTTP, TCP, TLS). */
export function eachAnyMatch(spec: Record<string, any>, fn: (match: Record<string, any>, field: string, kind: 'http' | L4Kind) => void): void {
  eachHttpMatch(spec, (m, field) => fn(m, field, 'http'));
  eachL4Match(spec, fn);
}

/** Where a StringMatch sits in an HTTP match. */
export type StringMatchPlace = 'uri' | 'scheme' | 'method' | 'authority' | 'headers' | 'withoutHeaders' | 'queryParams';

/** Calls `fn` for every StringMatch of an HTTP match (`uri`, ..., and the values of the header and query maps), objects only. */
export function eachStringMatch(match: Record<string, any>, at: string,
  fn: (sm: Record<string, any>, field: string, place: StringMatchPlace, key?: string) => void): void {
  for (const place of ['uri', 'scheme', 'method', 'authority'] as const) {
    if (isRecord(match[place])) fn(match[place], `${at}.${place}`, place);
  }
  for (const place of ['headers', 'withoutHeaders', 'queryParams'] as const) {
    eachEntry(match[place], `${at}.${place}`, (key, sm, field) => {
      if (isRecord(sm)) fn(sm, field, place, key);
    });
  }
}

/** The match type of a StringMatch and its value: `exact`, `prefix` or `regex`, or `undefined` when none is set. */
export function matchTypeOf(sm: Record<string, any>): { type: 'exact' | 'prefix' | 'regex'; value: unknown } | undefined {
  for (const type of ['exact', 'prefix', 'regex'] as const) {
    if (sm[type] !== undefined && sm[type] !== null) return { type, value: sm[type] };
  }
  return undefined;
}

/** Calls `fn` for every weighted destination list: `spec.http[i].route`, `spec.tcp[i].route`, `spec.tls[i].route`. */
export function eachRouteList(spec: Record<string, any>, fn: (list: unknown[], field: string, kind: 'http' | L4Kind) => void): void {
  eachHttpRoute(spec, (route, at) => {
    if (Array.isArray(route.route)) fn(route.route, `${at}.route`, 'http');
  });
  eachL4Route(spec, (route, at, kind) => {
    if (Array.isArray(route.route)) fn(route.route, `${at}.route`, kind);
  });
}

/**
 * Calls `fn` for every Destination object: of the route entries of HTTP, TCP and TLS routes, of
 * `mirror` and of each `mirrors` entry.
 */
export function eachDestination(spec: Record<string, any>, fn: (destination: Record<string, any>, field: string) => void): void {
  eachRouteList(spec, (list, at) => list.forEach((entry, i) => {
    if (isRecord(entry) && isRecord(entry.destination)) fn(entry.destination, `${at}[${i}].destination`);
  }));
  eachHttpRoute(spec, (route, at) => {
    if (isRecord(route.mirror)) fn(route.mirror, `${at}.mirror`);
    eachItem(route.mirrors, `${at}.mirrors`, (m, field) => {
      if (isRecord(m) && isRecord(m.destination)) fn(m.destination, `${field}.destination`);
    });
  });
}

/** Calls `fn` for every `headers` block (HeaderOperations of request and response): of HTTP routes and of their route entries. */
export function eachHeaders(spec: Record<string, any>, fn: (headers: Record<string, any>, field: string) => void): void {
  eachHttpRoute(spec, (route, at) => {
    if (isRecord(route.headers)) fn(route.headers, `${at}.headers`);
    eachItem(route.route, `${at}.route`, (entry, field) => {
      if (isRecord(entry) && isRecord(entry.headers)) fn(entry.headers, `${field}.headers`);
    });
  });
}

/** The kinds the VirtualService checks apply to (every served version: v1, v1beta1, v1alpha3). */
export const VIRTUAL_SERVICE_KINDS: readonly string[] = ['VirtualService.networking.istio.io'];

/** Whether `value` is set: present and not `null` (a proto field left out or explicitly null). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A non-empty string value, else `''` (how Go reads a string field that is absent). */
export function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
