import { Destination } from '../../../lib/istio/routing/destination';
import { HttpMatch } from '../../../lib/istio/routing/http-match';
import { StringMatch } from '../../../lib/istio/routing/string-match';
import { routeFindings } from './util';

const route = [{ destination: Destination.fromHost('reviews') }];

test('renders exact, prefix and regex', () => {
  expect(StringMatch.exact('jason')._toIstio()).toEqual({ exact: 'jason' });
  expect(StringMatch.prefix('/api')._toIstio()).toEqual({ prefix: '/api' });
  expect(StringMatch.regex('^/r/[0-9]+$')._toIstio()).toEqual({ regex: '^/r/[0-9]+$' });
});

test('keeps kind and value', () => {
  const m = StringMatch.prefix('/a');
  expect(m.kind).toBe('prefix');
  expect(m.value).toBe('/a');
});

test('judged on the manifest: an RE2-invalid regex (CI0109), an empty header prefix (CI0110), a uri prefix without / (CI0111, a warning)', () => {
  expect(routeFindings({ match: [HttpMatch.uri(StringMatch.regex('^(?=foo)'))], route })).toEqual([['CI0109', 'spec.http[0].match[0].uri.regex', 'error']]);
  expect(routeFindings({ match: [HttpMatch.header('x', StringMatch.prefix(''))], route })).toEqual([['CI0110', 'spec.http[0].match[0].headers.x.prefix', 'error']]);
  expect(routeFindings({ match: [HttpMatch.prefix('api')], route })).toEqual([['CI0111', 'spec.http[0].match[0].uri.prefix', 'warning']]);
  expect(routeFindings({ match: [HttpMatch.prefix(''), HttpMatch.uri(StringMatch.regex('^/r/[0-9]+$'))], route })).toEqual([]);
});
