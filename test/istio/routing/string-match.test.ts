import { ProblemCollector } from '../../../lib/analysis/finding';
import { StringMatch } from '../../../lib/istio/routing/string-match';

function problemsOf(m: StringMatch, where?: 'uri' | 'value') {
  const c = new ProblemCollector('x');
  m._validate(c, where);
  return c.problems;
}

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

test('valid matches have no problems', () => {
  expect(problemsOf(StringMatch.regex('^/r/[0-9]+$'))).toEqual([]);
  expect(problemsOf(StringMatch.prefix('/api'), 'uri')).toEqual([]);
  expect(problemsOf(StringMatch.prefix(''), 'uri')).toEqual([]);
});

test('fails on a regex that is not RE2, without throwing', () => {
  // GIVEN a lookahead, which JavaScript accepts and RE2 does not
  const m = StringMatch.regex('^(?=foo)');
  // THEN
  const [p] = problemsOf(m);
  expect(p).toMatchObject({ code: 'CI0008', field: 'x.regex', value: '^(?=foo)' });
  expect(p.message).toMatch(/not a valid RE2/);
});

test('fails on a regex longer than 1024 characters', () => {
  expect(problemsOf(StringMatch.regex('a'.repeat(1025)))[0]).toMatchObject({ code: 'CI0008', message: expect.stringMatching(/1024/) });
});

test('fails on a uri prefix without a leading slash', () => {
  const [p] = problemsOf(StringMatch.prefix('api'), 'uri');
  expect(p).toMatchObject({ code: 'CI0017', field: 'x.prefix', value: 'api' });
  expect(p.fix).toMatch(/'\/api'/);
});

test('fails on an empty prefix outside uri', () => {
  expect(problemsOf(StringMatch.prefix(''))[0]).toMatchObject({ code: 'CI0017', field: 'x.prefix' });
});
