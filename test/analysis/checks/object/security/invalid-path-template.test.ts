import { InvalidPathTemplate } from '../../../../../lib/analysis/checks/object/security/invalid-path-template';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const operation = (o: unknown) => ({ rules: [{ to: [{ operation: o }] }] });
const check = (spec: unknown, apiVersion?: string) => brief(run(InvalidPathTemplate, authz(spec, apiVersion)));

describe('InvalidPathTemplate', () => {
  test('passes exact, prefix, suffix and template paths (Istio\'s valid CRD example)', () => {
    expect(check(operation({
      paths: ['/exact', '/prefix/*', '*/suffix', '*', '/path/template/{*}', '/{**}/path/template', '/api/{*}/items/{**}', '/a/{*}/b/{*}'],
      notPaths: ['/not-exact', '/not-prefix/*', '*/not-suffix', '*', '/not-path/template/{*}', '/{**}/not-path/template'],
    }))).toEqual([]);
  });

  test.each([
    ['a named variable', '/foo/{name}'],
    ['an empty template', '/foo/{}'],
    ['a template after {**}', '/foo/{**}/{*}'],
    ['{**} twice', '/{**}/a/{**}'],
    ['a brace inside a segment', '/foo{*}'],
    ['a wildcard segment beside a template', '/foo/{*}/*'],
    ['a double slash in a template', '/foo//{*}'],
    ['a space in a template', '/foo bar/{*}'],
  ])('fails: %s', (_, value) => {
    expect(check(operation({ paths: ['/ok', value] }))).toEqual(['error spec.rules[0].to[0].operation.paths[1]']);
  });

  test('names the segment and the fix', () => {
    const [f] = run(InvalidPathTemplate, authz(operation({ notPaths: ['/foo/{**}/bar/{*}'] })));
    expect(f.field).toBe('spec.rules[0].to[0].operation.notPaths[0]');
    expect(f.message).toBe('path \'/foo/{**}/bar/{*}\' has \'{*}\' after \'{**}\', which must be the last operator');
    expect(f.fix).toMatch(/\{\*\} for one segment and a final \{\*\*\} for the rest/);
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check(operation({ paths: ['/{id}'] }), apiVersion)).toEqual(['error spec.rules[0].to[0].operation.paths[0]']);
  });
});
