/**
 * Istio's webhook analysis of unreachable rules and ineffective matches (analyzeUnreachableHTTPRules
 * and its TCP/TLS twins, genMatchHTTPRoutes, coveredValidation in validation.go), over manifests.
 */
import { asRecord, isRecord } from '../../../../manifest/read';

/** A match as the webhook compares matches: its JSON without `name`, defaults left out. */
export function matchKey(match: unknown): string {
  if (!isRecord(match)) return JSON.stringify(match ?? null);
  const { name: _name, ...rest } = match;
  return canonical(rest) ?? '{}';
}

const MATCH_TYPES = new Set(['exact', 'prefix', 'regex']);

function canonical(value: unknown, key?: string): string | undefined {
  const keep = key !== undefined && MATCH_TYPES.has(key);
  if (value === null || value === undefined) return undefined;
  if (!keep && (value === false || value === 0 || value === '')) return undefined;
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v) ?? 'null');
    return items.length === 0 ? undefined : `[${items.join(',')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.keys(value as object).sort()
      .map((k) => [k, canonical((value as any)[k], k)] as const)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${v}`);
    return entries.length === 0 ? undefined : `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What the webhook keeps of an HTTP match with a uri prefix, to find prefix matches that an earlier one covers. */
export interface PrefixMatch {
  /** The field of the match. */
  readonly field: string;
  /** How messages name the match: `"name"` or `#j`. */
  readonly label: string;
  /** How messages name its route. */
  readonly route: string;
  readonly prefix: string;
  readonly port: number;
  readonly method: string;
  readonly authority: string;
  readonly headers: Map<string, string>;
  readonly queryParams: Map<string, string>;
  readonly withoutHeaders: Map<string, string>;
}

/** `exact:<v>` or `prefix:<v>` of a string match, `''` for neither (Istio's assignExactOrPrefix). */
function exactOrPrefix(sm: unknown): string {
  const o = asRecord(sm);
  if (typeof o.exact === 'string' && o.exact !== '') return `exact:${o.exact}`;
  if (typeof o.prefix === 'string' && o.prefix !== '') return `prefix:${o.prefix}`;
  return '';
}

function stringMap(value: unknown): Map<string, string> {
  return new Map(Object.entries(asRecord(value)).map(([k, v]) => [k, exactOrPrefix(v)]));
}

/** The prefix form of an HTTP match, when it has a non-empty uri prefix (Istio's genMatchHTTPRoutes). */
export function prefixMatch(match: Record<string, any>, field: string, label: string, route: string): PrefixMatch | undefined {
  const prefix = asRecord(match.uri).prefix;
  if (typeof prefix !== 'string' || prefix === '') return undefined;
  return {
    field, label, route, prefix,
    port: typeof match.port === 'number' ? match.port : 0,
    // the webhook reads a match without method as GET
    method: exactOrPrefix(match.method) || 'exact:GET',
    authority: exactOrPrefix(match.authority),
    headers: stringMap(match.headers),
    queryParams: stringMap(match.queryParams),
    withoutHeaders: stringMap(match.withoutHeaders),
  };
}

function mapCovered(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined || (v !== w && !v.startsWith(w))) return false;
  }
  return true;
}

/** Whether the earlier prefix match `a` covers the later `b` (Istio's coveredValidation). */
export function covers(a: PrefixMatch, b: PrefixMatch): boolean {
  if (!b.prefix.startsWith(a.prefix) || a.port !== b.port) return false;
  if (a.method !== b.method && !a.method.startsWith(b.method)) return false;
  if (a.authority !== b.authority && !a.authority.startsWith(b.authority)) return false;
  return mapCovered(a.headers, b.headers) && mapCovered(a.queryParams, b.queryParams) && mapCovered(a.withoutHeaders, b.withoutHeaders);
}

/** How the webhook names a route in its messages: its name in quotes, else `#i`. */
export function routeLabel(route: unknown, index: number): string {
  const name = asRecord(route).name;
  return typeof name === 'string' && name !== '' ? `"${name}"` : `#${index}`;
}

/** How the webhook names a match: its name in quotes, else `#j`. */
export function matchLabel(match: unknown, index: number): string {
  return routeLabel(match, index);
}

