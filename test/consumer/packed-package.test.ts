/**
 * The README's consumer quick start, as a user runs it: `cdk8s init typescript-app` (today's
 * template, set up by hand: see fixture.ts), the package as `npm pack` packs it, the README's
 * main.ts and package.json script, once with cdk8s-plus-33 (what the template installs) and once
 * with cdk8s-plus-27. tsc passes (the template's tsconfig, which checks every declaration file:
 * no skipLibCheck), the synth writes the expected files, and a failed synth on the documented
 * path leaves the previous output as it was and says so; on the plain `cdk8s synth` path its
 * message is true as well.
 *
 * The synth runs the template's `app: npx ts-node main.ts` with TS_NODE_TRANSPILE_ONLY: tsc has
 * type-checked the app just before, and a second type check per synth would only cost time.
 */
import * as fs from 'fs';
import * as path from 'path';
import { consumerApp, ConsumerApp, pack, PackedPackage, tempDir } from './fixture';
import { readTree, REPO_ROOT } from '../util/tree';
import { validateManifestDir } from '../util/validate-manifests';

jest.setTimeout(120_000);

const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The code block that follows `<!-- consumer-quick-start:NAME -->` in the README. */
function readmeBlock(name: string): string {
  const at = README.indexOf(`<!-- consumer-quick-start:${name} -->`);
  if (at < 0) throw new Error(`the README has no consumer-quick-start:${name} block`);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(README.slice(at));
  return block![1];
}

const MAIN_TS = readmeBlock('main.ts');
/** The README's change to the template's package.json: the synth script. */
const SYNTH_SCRIPT = JSON.parse(`{${readmeBlock('package.json').trim().replace(/,$/, '')}}`).synth;
const QUICK = { TS_NODE_TRANSPILE_ONLY: 'true' };

let tmp: string;
let packed: PackedPackage;
let app33: ConsumerApp;
let app27: ConsumerApp;
/** The cdk8s-plus-33 app with the mistake, synthesized by the template's plain `cdk8s synth`. */
let plain33: ConsumerApp;
/** The README's main.ts with a mistake: a route to a subset no DestinationRule defines. */
const BROKEN_TS = MAIN_TS.replace("Destination.fromService(payments, { subset: 'v2' })", "Destination.fromService(payments, { subset: 'v3' })");
beforeAll(() => {
  tmp = tempDir('consumer-');
  packed = pack(tmp);
  const withScript = (pkg: any) => ({ ...pkg, scripts: { ...pkg.scripts, synth: SYNTH_SCRIPT } });
  app33 = consumerApp(path.join(tmp, 'shop33'), packed, 33, MAIN_TS, withScript);
  app27 = consumerApp(path.join(tmp, 'shop27'), packed, 27, MAIN_TS.replace(/cdk8s-plus-33/g, 'cdk8s-plus-27'), withScript);
  plain33 = consumerApp(path.join(tmp, 'plain33'), packed, 33, BROKEN_TS, (pkg) => pkg);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the package declares no cdk8s-plus and ships only what a consumer runs and types against', () => {
  // THEN installing it into a cdk8s-plus-33 app adds no second cdk8s-plus (npm 7+ installs peer dependencies)
  const deps = { ...packed.manifest.dependencies, ...packed.manifest.peerDependencies, ...packed.manifest.optionalDependencies };
  expect(Object.keys(deps).filter((d) => d.startsWith('cdk8s-plus'))).toEqual([]);
  expect(Object.keys(packed.manifest.peerDependencies).sort()).toEqual(['cdk8s', 'constructs']);
  // and no TypeScript source, no example app, the CRD validators once
  const files = Object.keys(readTree(path.join(app33.dir, 'node_modules', 'cdk8s-istio')));
  expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  expect(files.filter((f) => /bookinfo|scenarios|samples/.test(f))).toEqual([]);
  expect(files.filter((f) => f.includes('istio-validators'))).toEqual(['build/imports/istio-validators.js']);
  expect(fs.statSync(packed.tarball).size).toBeLessThan(500_000);
});

test.concurrent('with cdk8s-plus-33, as the template installs it: tsc passes, the synth writes the files, a failed synth keeps them and says so', async () => {
  // WHEN the app is type-checked and synthesized as the README says
  const tsc = await app33.run('tsc', ['--noEmit', '-p', '.']);
  expect({ code: tsc.code, out: tsc.stdout + tsc.stderr }).toEqual({ code: 0, out: '' });
  expect(fs.existsSync(path.join(app33.dir, 'node_modules', 'cdk8s-plus-27'))).toBe(false);
  const synth = await app33.run('npm', ['run', '--silent', 'synth'], QUICK);

  // THEN dist/ holds what App would write for this app, plus the Kustomization, and is valid
  expect({ code: synth.code, stderr: synth.stderr }).toEqual({ code: 0, stderr: expect.stringMatching(/^synthesized 2 charts into 2 files under dist\/\n {2}objects: 8 .*\n {2}findings: 0 errors, 0 warnings, 0 suppressed\n$/) });
  const dist = path.join(app33.dir, 'dist');
  const good = readTree(dist);
  expect(Object.keys(good)).toEqual(['0000-namespace.k8s.yaml', '0001-shop.k8s.yaml', 'Kustomization']);
  expect(good['0001-shop.k8s.yaml']).toContain('matchLabels:\n      app: payments\n');
  expect(validateManifestDir(dist).issues).toEqual([]);
  const check = await app33.run('cdk8s-istio', ['check', 'dist/']);
  expect({ code: check.code, stderr: check.stderr }).toEqual({ code: 0, stderr: 'cdk8s-istio check: 8 objects in 2 files; 0 errors, 0 warnings, 0 suppressed\n' });

  // WHEN a mistake is made (a route to a subset no DestinationRule defines) and the app synthesized
  // again, as the README says and (in a copy with the same dist/) with the template's cdk8s synth
  expect(BROKEN_TS).not.toBe(MAIN_TS);
  fs.writeFileSync(path.join(app33.dir, 'main.ts'), BROKEN_TS);
  fs.cpSync(dist, path.join(plain33.dir, 'dist'), { recursive: true });
  const [failed, plain] = await Promise.all([app33.run('npm', ['run', '--silent', 'synth'], QUICK), plain33.run('cdk8s', ['synth'], QUICK)]);

  // THEN the synth fails with the finding and a true last line, nothing else, and dist/ is as it was
  expect(failed.code).toBe(1);
  expect(failed.stdout).toBe('Synthesizing application\n');
  expect(failed.stderr.split('\n')).toEqual([
    expect.stringMatching(/^error CI1003 \[shop\/payments-routes\] spec\.http\[0\]\.route\[1\]\.destination\.subset = 'v3': subset 'v3' of host 'payments' is not defined by any DestinationRule; defined: v1, v2 .*; fix: /),
    'cdk8s-istio synth: cdk8s synth failed (exit code 1); dist/ was left as it was',
    '',
  ]);
  expect(readTree(dist)).toEqual(good);
  expect(fs.readdirSync(app33.dir).filter((f) => f.includes('staging'))).toEqual([]);

  // and plain `cdk8s synth` (the template's script) empties dist/, which its message says
  expect(plain.code).toBe(1);
  expect(plain.stderr).toContain('synthesis failed with 1 error(s); nothing was written to dist/, which the cdk8s CLI empties before it runs the app (`npx cdk8s-istio synth` keeps the last good output)\n');
  expect(readTree(path.join(plain33.dir, 'dist'))).toEqual({});
});

test.concurrent('with cdk8s-plus-27: tsc passes and the synth writes the same files', async () => {
  // WHEN (the package's declarations are type-checked in full in the cdk8s-plus-33 app; here, what
  // matters is that cdk8s-plus-27 objects fit the API, which are errors in main.ts)
  const tsc = await app27.run('tsc', ['--noEmit', '-p', '.', '--skipLibCheck']);
  const synth = await app27.run('cdk8s-istio', ['synth'], QUICK);

  // THEN
  expect({ code: tsc.code, out: tsc.stdout + tsc.stderr }).toEqual({ code: 0, out: '' });
  expect(fs.existsSync(path.join(app27.dir, 'node_modules', 'cdk8s-plus-33'))).toBe(false);
  expect({ code: synth.code, stderr: synth.stderr }).toEqual({ code: 0, stderr: expect.stringContaining('findings: 0 errors, 0 warnings, 0 suppressed') });
  const files = readTree(path.join(app27.dir, 'dist'));
  expect(Object.keys(files)).toEqual(['0000-namespace.k8s.yaml', '0001-shop.k8s.yaml', 'Kustomization']);
  expect(validateManifestDir(path.join(app27.dir, 'dist')).issues).toEqual([]);
});
