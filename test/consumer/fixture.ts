/**
 * A consumer's cdk8s app as `cdk8s init typescript-app` sets it up (today's template, read from
 * the cdk8s-cli installed here), with this library installed from the packed package: offline,
 * without npm (its registry is not reachable here): the tarball of `npm pack` is unpacked into
 * node_modules/cdk8s-istio as npm unpacks it, its bin is linked, and every dependency it
 * declares, and the app's own (cdk8s, constructs, cdk8s-plus-NN, cdk8s-cli, typescript,
 * ts-node, @types), is a symlink to this repository's node_modules. Nothing else is there: a
 * package the library needs but does not declare is missing, as it would be for a user.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../util/tree';

const MODULES = path.join(REPO_ROOT, 'node_modules');
const TEMPLATE = path.join(MODULES, 'cdk8s-cli', 'templates', 'typescript-app');

/** The packed package: the tarball's path and its package.json. */
export interface PackedPackage {
  readonly tarball: string;
  readonly manifest: any;
}

/** `npm pack` of this repository (prepack builds it) into `dir`, as a user packs it. */
export function pack(dir: string): PackedPackage {
  const run = spawnSync('npm', ['pack', '--pack-destination', dir, '--silent', '--offline', '--no-audit', '--no-fund'], { cwd: REPO_ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
  if (run.status !== 0) throw new Error(`npm pack failed (${run.status}):\n${run.stderr}`);
  const tarball = path.join(dir, run.stdout.trim().split('\n').pop()!);
  const unpacked = fs.mkdtempSync(path.join(dir, 'manifest-'));
  untar(tarball, unpacked);
  return { tarball, manifest: JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8')) };
}

function untar(tarball: string, into: string): void {
  const run = spawnSync('tar', ['-xzf', tarball, '-C', into, '--strip-components=1'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tar failed: ${run.stderr}`);
}

/** Links `name` (a package of this repository's node_modules) into `modules`. */
function link(modules: string, name: string): void {
  const target = path.join(modules, name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.symlinkSync(path.join(MODULES, name), target, 'dir');
}

/** The template's files, with its placeholders filled as `cdk8s init` fills them. */
function template(file: string, name: string): string {
  const pkg = (p: string) => JSON.parse(fs.readFileSync(path.join(MODULES, p, 'package.json'), 'utf8')).version;
  return fs.readFileSync(path.join(TEMPLATE, file), 'utf8')
    .replace(/\{\{ \$base \}\}/g, name)
    .replace(/\{\{ cdk8s_core_version \}\}/g, pkg('cdk8s'))
    .replace(/\{\{ cdk8s_plus_version \}\}/g, pkg('cdk8s-plus-33'))
    .replace(/\{\{ constructs_version \}\}/g, pkg('constructs'))
    .replace(/\{\{ cdk8s_cli_spec \}\}/g, `^${pkg('cdk8s-cli')}`);
}

/** A consumer app: its folder and how to run commands there. */
export interface ConsumerApp {
  readonly dir: string;
  /** Runs `command args` in the app's folder (its node_modules/.bin first on PATH), offline. */
  run(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/**
 * Sets up `cdk8s init typescript-app` by hand in `dir`, with cdk8s-plus-`plus` (the template
 * says cdk8s-plus-33) and the packed package installed, and `main.ts` as given.
 */
export function consumerApp(dir: string, packed: PackedPackage, plus: 27 | 33, mainTs: string, packageJson: (pkg: any) => any): ConsumerApp {
  const name = path.basename(dir);
  fs.mkdirSync(dir, { recursive: true });
  for (const file of ['cdk8s.yaml', 'tsconfig.json', 'main.test.ts', 'jest.config.js', 'help']) fs.writeFileSync(path.join(dir, file), template(file, name));
  fs.writeFileSync(path.join(dir, '.gitignore'), template('{{}}.gitignore', name));
  const pkg = JSON.parse(template('package.json', name));
  if (plus !== 33) {
    delete pkg.dependencies['cdk8s-plus-33'];
    pkg.dependencies[`cdk8s-plus-${plus}`] = `^${JSON.parse(fs.readFileSync(path.join(MODULES, `cdk8s-plus-${plus}`, 'package.json'), 'utf8')).version}`;
  }
  pkg.dependencies['cdk8s-istio'] = `file:${packed.tarball}`;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(packageJson(pkg), null, 2));
  fs.writeFileSync(path.join(dir, 'main.ts'), mainTs);

  // node_modules as npm installs it: the app's dependencies, the package, and the package's dependencies
  const modules = path.join(dir, 'node_modules');
  for (const dep of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]) {
    if (dep === 'cdk8s-istio' || dep === 'jest' || dep === 'ts-jest') continue; // jest is not run here
    link(modules, dep);
  }
  const installed = path.join(modules, 'cdk8s-istio');
  fs.mkdirSync(installed);
  untar(packed.tarball, installed);
  for (const dep of Object.keys(packed.manifest.dependencies ?? {})) {
    if (!fs.existsSync(path.join(modules, dep))) link(modules, dep);
  }
  const bin = path.join(modules, '.bin');
  fs.mkdirSync(bin);
  for (const [command, file] of Object.entries<string>(packed.manifest.bin ?? {})) fs.symlinkSync(path.join('..', 'cdk8s-istio', file), path.join(bin, command));
  fs.symlinkSync(path.join('..', 'cdk8s-cli', 'bin', 'cdk8s'), path.join(bin, 'cdk8s'));
  fs.symlinkSync(path.join('..', 'typescript', 'bin', 'tsc'), path.join(bin, 'tsc'));
  fs.symlinkSync(path.join('..', 'ts-node', 'dist', 'bin.js'), path.join(bin, 'ts-node'));

  return {
    dir,
    run: (command, args, env = {}) => new Promise((resolve, reject) => {
      const base: NodeJS.ProcessEnv = { ...process.env };
      for (const key of Object.keys(base)) if (key.startsWith('CDK8S_') || key.startsWith('TS_NODE_')) delete base[key];
      const child = spawn(command, args, {
        cwd: dir,
        env: {
          ...base,
          PATH: `${bin}${path.delimiter}${process.env.PATH}`,
          CDK8S_CHECK_UPGRADE: 'false', // the cdk8s CLI would ask the registry for a newer version
          npm_config_offline: 'true',
          ...env,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stdout, stderr }));
    }),
  };
}

/** A fresh temporary folder. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
