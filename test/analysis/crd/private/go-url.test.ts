import { GoUrlError, parseRequestUri, parseUrl } from '../../../../lib/analysis/crd/private/go-url';

// Cases from Go's net/url tests (parseRequestURLTests, TestParseErrors) and the Kubernetes CEL URL
// library's documentation: whether ParseRequestURI accepts the input, and the scheme it reads.
const REQUEST_URIS: Array<[string, string | undefined]> = [
  ['http://foo.com', 'http'],
  ['HTTPS://foo.com/path?q=1', 'https'],
  ['/', ''],
  ['/absolute-path', ''],
  ['//not.a.user@not.a.host/just/a/path', ''],
  ['*', ''],
  ['http://192.168.0.1:8080/', 'http'],
  ['http://[fe80::1]:8080/', 'http'],
  ['http://[fe80::1%25en0]/', 'http'],
  ['http://[fe80::1%25%65%6e%301-._~]:8080/', 'http'],
  ['https://user:pass@example.com:80/path?query=val#fragment', 'https'],
  ['oci:registry.example.com/filter', 'oci'],
  ['oci://registry.example.com/filter:v1', 'oci'],
  ['file:///opt/filter.wasm', 'file'],
  ['mysql://a,b,c/bar', 'mysql'],
  ['mysql://host:1:2/db', 'mysql'],
  ['foo.html', undefined],
  ['../dir/', undefined],
  ['../relative-path', undefined],
  [' http://foo.com', undefined],
  ['', undefined],
  [':no-scheme', undefined],
  ['http://192.168.0.%31/', undefined],
  ['http://[fe80::%31]/', undefined],
  ['http://[fe80::1%25%80]/', undefined],
  ['http://[::1]a', undefined],
  ['http://[192.168.0.1]/', undefined],
  ['http://x[::1]/', undefined],
  ['http://[::1/', undefined],
  ['http://x:namedport', undefined],
  ['https://a:b:c/', undefined],
  ['http://a b.com/', undefined],
  ['http://a{b}/', undefined],
  ['http://u\u00fc@example.com/', undefined],
  ['http://example.com/%zz', undefined],
  ['http://example.com/a\tb', undefined],
];

describe('Go net/url, as the Kubernetes CEL URL library calls it', () => {
  test.each(REQUEST_URIS)('ParseRequestURI(%j) reads scheme %j', (raw, scheme) => {
    if (scheme === undefined) {
      expect(() => parseRequestUri(raw)).toThrow(GoUrlError);
    } else {
      expect(parseRequestUri(raw).scheme).toBe(scheme);
    }
  });

  test('says why, in Go\'s words', () => {
    expect(() => parseRequestUri('keys.json')).toThrow('parse "keys.json": invalid URI for request');
    expect(() => parseRequestUri('http://example.com/%zz')).toThrow('parse "http://example.com/%zz": invalid URL escape "%zz"');
    expect(() => parseRequestUri('http://a b/')).toThrow('invalid character " " in host name');
    expect(() => parseRequestUri('http://x:port/')).toThrow('invalid port ":port" after host');
  });

  test('Parse takes relative references and cuts the fragment off first', () => {
    expect(parseUrl('relative/path').scheme).toBe('');
    expect(parseUrl('http://example.com/#frag').scheme).toBe('http');
    expect(() => parseUrl('http://example.com/#%zz')).toThrow('invalid URL escape "%zz"');
    expect(parseUrl('a:b/c:d').scheme).toBe('a');
    expect(() => parseUrl('1a:b/x')).toThrow('first path segment in URL cannot contain colon');
  });
});
