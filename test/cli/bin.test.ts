/**
 * The command as a user runs it: a separate node process through the package's `bin` (which, in
 * a checkout, bundles the current sources into build/cli.js when they changed).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../util/tree';
import { BROKEN_ROUTE, REVIEWS, reviewsRoutes, writeTree } from './fixtures';

const BIN = path.join(REPO_ROOT, 'bin', 'cdk8s-istio.js');

function cdk8sIstio(command: string, args: string[], input?: string) {
  const run = spawnSync(command, args, { cwd: REPO_ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the cdk8s-istio command', () => {
  test('package.json names bin/cdk8s-istio.js as the cdk8s-istio bin, and npm ci links it into node_modules/.bin', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ 'cdk8s-istio': 'bin/cdk8s-istio.js' });
    expect(pkg.files).toContain('bin/cdk8s-istio.js');
    expect(fs.realpathSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'cdk8s-istio'))).toBe(fs.realpathSync(BIN));
  });

  test('fails (exit 1) for a folder with a mistake, naming file:line, run as node bin/cdk8s-istio.js', () => {
    // GIVEN
    const dir = writeTree({ 'reviews.yaml': REVIEWS, 'routes.yaml': reviewsRoutes(BROKEN_ROUTE) });
    // WHEN
    const run = cdk8sIstio(process.execPath, [BIN, 'check', dir]);
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`error CI1003 ${path.join(dir, 'routes.yaml')}:13 [VirtualService shop/reviews] spec.http[0].route[0].destination.subset = 'v4'`);
    expect(run.stderr).toMatch(/2 errors, 0 warnings, 0 suppressed\n$/);
  });

  test('passes (exit 0) for dist/ through node_modules/.bin, reads standard input, and exits 2 on a usage error without a stack trace', () => {
    // WHEN
    const dist = cdk8sIstio(path.join(REPO_ROOT, 'node_modules', '.bin', 'cdk8s-istio'), ['check', 'dist/']);
    const stdin = cdk8sIstio(process.execPath, [BIN, 'check', '--format', 'json', '-'], REVIEWS);
    const usage = cdk8sIstio(process.execPath, [BIN, 'check', '--format', 'xml', 'dist/']);
    // THEN
    expect(dist).toEqual({ code: 0, stdout: '', stderr: expect.stringMatching(/^cdk8s-istio check: \d+ objects in 4 files; 0 errors/) });
    expect(stdin.code).toBe(0);
    expect(JSON.parse(stdin.stdout).summary).toEqual({ objects: 3, files: 1, errors: 0, warnings: 0, suppressed: 0, passed: true });
    expect(usage).toEqual({ code: 2, stdout: '', stderr: "cdk8s-istio: unknown format 'xml'; formats: text, json, sarif\nusage: cdk8s-istio check [options] PATH...\n(cdk8s-istio --help for the options)\n" });
  });
});
