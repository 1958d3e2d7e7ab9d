/**
 * `cdk8s synth` with IstioValidation named in a consumer's cdk8s.yaml, for real: a small cdk8s
 * TypeScript app set up by hand as `cdk8s init typescript-app` would (compiled to main.js, as
 * the template's `npm run compile` does; `app: node main.js`), with cdk8s-istio in its
 * node_modules, run by the cdk8s CLI from this repository. No network, no npm install: the
 * package is this repository's lib/ bundled with esbuild (its dependencies left external, as
 * `tsc` leaves them), the other packages are symlinks to this repository's node_modules.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync, transformSync } from 'esbuild';
import { REPO_ROOT } from '../util/tree';

jest.setTimeout(120_000);

const PKG = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const CDK8S = path.join(REPO_ROOT, 'node_modules', '.bin', 'cdk8s');

/** The consumer's app: a Service, a Deployment, a DestinationRule with subset v1, and a VirtualService routing to `subset`. */
const mainTs = (subset: string, optIn = false) => `import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { Destination, DestinationRule, IstioChecks, Subset, VirtualService } from 'cdk8s-istio';

export class ShopChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop' });
    const reviews = new kplus.Service(this, 'reviews', { metadata: { name: 'reviews' }, ports: [{ port: 9080, name: 'http' }] });
    const v1 = new kplus.Deployment(this, 'reviews-v1', {
      metadata: { name: 'reviews-v1' },
      podMetadata: { labels: { app: 'reviews', version: 'v1' } },
      containers: [{ image: 'example/reviews:v1', ports: [{ number: 9080 }] }],
    });
    reviews.select(v1);
    DestinationRule.forService(this, 'reviews-rule', reviews).addSubset(Subset.fromWorkload('v1', v1));
    new VirtualService(this, 'reviews-routes', {
      metadata: { name: 'reviews-routes' },
      hosts: ['reviews'],
      httpRoutes: [{ route: [{ destination: Destination.fromService(reviews, { subset: '${subset}' }) }] }],
    });
  }
}

const app = new App();
${optIn ? 'IstioChecks.enable(app);\n' : ''}new ShopChart(app, 'shop');
app.synth();
`;

const cdk8sYaml = `language: typescript
app: node main.js
validations:
  - package: ./node_modules/cdk8s-istio
    class: IstioValidation
    version: ${PKG.version}
`;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-cli-plugin-'));
  // node_modules shared by the apps: cdk8s-istio (this repository's lib/) and symlinked dependencies
  const modules = path.join(tmp, 'node_modules');
  for (const dep of ['cdk8s', 'cdk8s-plus-27', 'constructs', ...Object.keys(PKG.dependencies)]) {
    fs.mkdirSync(path.dirname(path.join(modules, dep)), { recursive: true });
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', dep), path.join(modules, dep), 'dir');
  }
  const pkgDir = path.join(modules, 'cdk8s-istio');
  buildSync({
    entryPoints: [path.join(REPO_ROOT, 'lib', 'index.ts')], outfile: path.join(pkgDir, PKG.main),
    bundle: true, packages: 'external', platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error',
  });
  fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify({ name: PKG.name, version: PKG.version, main: PKG.main }));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Sets up one consumer app in its own folder and runs `cdk8s synth` there (or only the app, `node main.js`). */
async function synth(name: string, source: string, command: 'cdk8s synth' | 'node main.js' = 'cdk8s synth'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  fs.symlinkSync(path.join(tmp, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), cdk8sYaml);
  fs.writeFileSync(path.join(dir, 'main.ts'), source);
  fs.writeFileSync(path.join(dir, 'main.js'), transformSync(source, { loader: 'ts', format: 'cjs', target: 'node20' }).code);
  const env: NodeJS.ProcessEnv = { ...process.env, CDK8S_CHECK_UPGRADE: 'false' };
  for (const key of ['CDK8S_OUTDIR', 'CDK8S_RECORD_CONSTRUCT_METADATA', 'CDK8S_ISTIO_WARNINGS_AS_ERRORS']) delete env[key];
  return new Promise((resolve, reject) => {
    const args = command === 'cdk8s synth' ? [CDK8S, 'synth', '--plugins-dir', path.join(tmp, 'plugins')] : ['main.js'];
    const child = spawn(process.execPath, args, { cwd: dir, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('cdk8s synth fails on a subset typo with our finding and its construct path and passes a valid app; with the opt-in the app itself fails', async () => {
  // GIVEN / WHEN three consumer apps run at once
  const [typo, valid, optIn] = await Promise.all([
    synth('typo', mainTs('v2')),
    synth('valid', mainTs('v1')),
    synth('opt-in', mainTs('v2', true), 'node main.js'),
  ]);

  // THEN the plugin fails the typo (the CLI exits 2 on a failed report)
  expect({ code: typo.code, stderr: typo.stderr }).toEqual({ code: 2, stderr: expect.stringContaining('Validation failed') });
  const subsetLine = fs.readFileSync(path.join(tmp, 'typo', 'dist', 'shop.k8s.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('subset: v2')) + 1;
  expect(typo.stdout).toContain(`Validation Report (${path.join(tmp, 'typo', 'node_modules', 'cdk8s-istio')}@${PKG.version})`);
  expect(typo.stdout).toMatch(/Status\s+│ failure/);
  expect(typo.stdout).toContain('CI1003 SubsetNotFound (error) (1 occurrences)');
  expect(typo.stdout).toContain('- Construct Path: shop/reviews-routes/Resource');
  expect(typo.stdout).toContain('- Resource Name: reviews-routes');
  expect(typo.stdout).toContain(`> spec.http[0].route[0].destination.subset = 'v2' (dist/shop.k8s.yaml:${subsetLine})`);
  expect(typo.stdout).toMatch(/Recommendation: subset 'v2' of host 'reviews' is not defined by any DestinationRule; defined: v1/);
  expect(typo.stdout).toMatch(/How to fix: add subset 'v2' to a DestinationRule/);

  // and passes the valid app
  expect({ code: valid.code, stderr: valid.stderr }).toEqual({ code: 0, stderr: '' });
  expect(valid.stdout).toMatch(/Status\s+│ success/);
  expect(valid.stdout).toContain('Validations ended succesfully');
  expect(fs.readdirSync(path.join(tmp, 'valid', 'dist')).sort()).toEqual(['construct-metadata.json', 'shop.k8s.yaml']);

  // and with IstioChecks.enable the app itself fails (what `cdk8s synth` shows before its own
  // error line): the finding and what happened to the output folder, nothing else
  expect({ code: optIn.code, stdout: optIn.stdout }).toEqual({ code: 1, stdout: '' });
  expect(optIn.stderr.split('\n')).toEqual([
    expect.stringMatching(/^error CI1003 \[shop\/reviews-routes\] spec\.http\[0\]\.route\[0\]\.destination\.subset = 'v2': .*; fix: /),
    'synthesis failed with 1 error(s); nothing was written to dist/',
    '',
  ]);
  expect(fs.existsSync(path.join(tmp, 'opt-in', 'dist', 'shop.k8s.yaml'))).toBe(false);
});
