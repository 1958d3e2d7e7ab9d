/**
 * URLs as Go's `net/url` parses them, for the Kubernetes CEL URL library (`url()`, `isURL()`,
 * `getScheme()`), which wraps `url.ParseRequestURI` and `url.Parse`. The CRDs' URL rules accept or
 * reject a value by whether Go parses it, so this follows Go's algorithm step by step (scheme,
 * query, authority, host with IP literals and port, userinfo, %-escapes), not the WHATWG URL parser
 * behind `new URL()`: the two disagree on many inputs (`oci:image`, `http://a b`, `/path`).
 *
 * Go works on UTF-8 bytes; every decision here is about ASCII characters, which are single bytes
 * in UTF-8 and single units in JavaScript strings, so the same decisions fall on the same inputs.
 * Only success or failure and the scheme are computed: that is all the CEL library's callers in
 * the CRDs read.
 */
import { isIP } from 'net';

/** What a parsed URL tells the CEL URL library's callers. */
export interface GoUrl {
  /** The scheme, lowercased (`https`); `''` for an absolute path such as `/index.html`. */
  readonly scheme: string;
}

/**
 * A URL that Go's `net/url` rejects; the message is Go's (`parse "x": missing protocol scheme`).
 *
 * @see https://pkg.go.dev/net/url#Error
 */
export class GoUrlError extends Error {}

/**
 * `url.ParseRequestURI`: an absolute URI or an absolute path; a `#` is not special. Throws a
 * {@link GoUrlError} with Go's message when Go fails.
 *
 * @see https://pkg.go.dev/net/url#ParseRequestURI
 */
export function parseRequestUri(raw: string): GoUrl {
  try {
    return parse(raw, true);
  } catch (e) {
    throw new GoUrlError(`parse ${quote(raw)}: ${(e as Error).message}`);
  }
}

/**
 * `url.Parse`: like {@link parseRequestUri}, but also relative references, and the `#fragment`
 * is cut off first (and its escapes checked).
 *
 * @see https://pkg.go.dev/net/url#Parse
 */
export function parseUrl(raw: string): GoUrl {
  const hash = raw.indexOf('#');
  const [u, fragment] = hash < 0 ? [raw, ''] : [raw.slice(0, hash), raw.slice(hash + 1)];
  let url: GoUrl;
  try {
    url = parse(u, false);
  } catch (e) {
    throw new GoUrlError(`parse ${quote(u)}: ${(e as Error).message}`);
  }
  try {
    checkEscapes(fragment, Mode.OTHER);
  } catch (e) {
    throw new GoUrlError(`parse ${quote(raw)}: ${(e as Error).message}`);
  }
  return url;
}

// ---------------------------------------------------------------------------------------------

/** Go's `encoding` modes, as far as unescaping tells them apart. */
enum Mode { HOST, ZONE, OTHER }

function parse(raw: string, viaRequest: boolean): GoUrl {
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new Error('net/url: invalid control character in URL');
  if (raw === '' && viaRequest) throw new Error('empty url');
  if (raw === '*') return { scheme: '' };

  const [rawScheme, afterScheme] = splitScheme(raw);
  const scheme = rawScheme.toLowerCase();
  // the query is cut off (a lone trailing '?' is Go's ForceQuery)
  const q = afterScheme.indexOf('?');
  let rest = q < 0 ? afterScheme : afterScheme.slice(0, q);

  if (!rest.startsWith('/')) {
    if (scheme !== '') return { scheme }; // scheme:opaque
    if (viaRequest) throw new Error('invalid URI for request');
    // RFC 3986 §3.3: the first segment of a relative-path reference cannot contain a colon
    if (rest.split('/')[0].includes(':')) throw new Error('first path segment in URL cannot contain colon');
  }

  if ((scheme !== '' || (!viaRequest && !rest.startsWith('///'))) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) [authority, rest] = [authority.slice(0, slash), authority.slice(slash)];
    parseAuthority(scheme, authority);
  }
  checkEscapes(rest, Mode.OTHER);
  return { scheme };
}

/** Go's `getScheme`: `[a-zA-Z][a-zA-Z0-9+.-]*` before the first `:`, else no scheme. */
function splitScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+.-]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new Error('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

function parseAuthority(scheme: string, authority: string): void {
  const at = authority.lastIndexOf('@');
  parseHost(scheme, at < 0 ? authority : authority.slice(at + 1));
  if (at < 0) return;
  const userinfo = authority.slice(0, at);
  // RFC 3986 §3.2.1 userinfo characters, plus '@' (Go accepts user:p@ss@host)
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new Error('net/url: invalid userinfo');
  // user and password are unescaped separately (a '%' split by the ':' is an error)
  const colon = userinfo.indexOf(':');
  for (const part of colon < 0 ? [userinfo] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)]) checkEscapes(part, Mode.OTHER);
}

/** Go's `parseHost`: `host[:port]`, or `[ipv6]:port` with an optional `%25zone`. */
function parseHost(scheme: string, host: string): void {
  const open = host.lastIndexOf('[');
  if (open > 0) throw new Error('invalid IP-literal');
  if (open === 0) {
    const close = host.lastIndexOf(']');
    if (close < 0) throw new Error('missing \']\' in host');
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) throw new Error(`invalid port ${quote(colonPort)} after host`);
    const hostname = host.slice(1, close);
    const zone = hostname.indexOf('%25');
    let address: string;
    if (zone >= 0) {
      checkEscapes(hostname.slice(0, zone), Mode.HOST);
      checkEscapes(hostname.slice(zone), Mode.ZONE);
      address = `${hostname.slice(0, zone)}%${hostname.slice(zone + 3)}`;
    } else {
      checkEscapes(hostname, Mode.HOST);
      address = hostname;
    }
    // only an IPv6 address may stand in brackets (Go: netip.ParseAddr, and not IPv4)
    const pct = address.indexOf('%');
    const family = isIP(pct < 0 ? address : address.slice(0, pct));
    if (family === 0 || (pct >= 0 && (family === 4 || pct === address.length - 1))) {
      throw new Error(`invalid host: ParseAddr(${quote(address)}): not an IPv6 address`);
    }
    if (family === 4) throw new Error('invalid IP-literal');
    return;
  }
  let colon = host.indexOf(':');
  if (colon >= 0) {
    // more colons than a port's are accepted in hosts of other schemes (database host lists)
    if (host.lastIndexOf(':') !== colon && scheme !== 'http' && scheme !== 'https') colon = host.lastIndexOf(':');
    const colonPort = host.slice(colon);
    if (!validOptionalPort(colonPort)) throw new Error(`invalid port ${quote(colonPort)} after host`);
  }
  checkEscapes(host, Mode.HOST);
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

/** Go's `shouldEscape` in host mode: what may not appear as such in a host name. */
function notAllowedInHost(c: string): boolean {
  return !/[a-zA-Z0-9]/.test(c) && !'!$&\'()*+,;=:[]<>"-_.~'.includes(c);
}

/** Go's `unescape`, as a check: every `%` starts `%XX`, and hosts hold only host characters. */
function checkEscapes(s: string, mode: Mode): void {
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === '%') {
      if (i + 2 >= s.length || !/[0-9a-fA-F]/.test(s[i + 1]) || !/[0-9a-fA-F]/.test(s[i + 2])) {
        throw new Error(`invalid URL escape ${quote(s.slice(i, i + 3))}`);
      }
      const seq = s.slice(i, i + 3);
      const byte = parseInt(seq.slice(1), 16);
      // in a host, escapes may only encode non-ASCII bytes (and %25 in an IPv6 zone)
      if (mode === Mode.HOST && byte < 0x80 && seq !== '%25') throw new Error(`invalid URL escape ${quote(seq)}`);
      // in a zone, only what could be written as is (and spaces)
      if (mode === Mode.ZONE && seq !== '%25' && byte !== 0x20 && (byte >= 0x80 || notAllowedInHost(String.fromCharCode(byte)))) {
        throw new Error(`invalid URL escape ${quote(seq)}`);
      }
      i += 3;
    } else {
      if (mode !== Mode.OTHER && c.charCodeAt(0) < 0x80 && notAllowedInHost(c)) throw new Error(`invalid character ${quote(c)} in host name`);
      i++;
    }
  }
}

/** Go's `%q`, close enough for the ASCII text of these messages. */
function quote(s: string): string {
  return JSON.stringify(s);
}
