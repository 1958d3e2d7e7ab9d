// `npm run build` (and `npm pack`, through prepack): builds what the published package ships,
// and nothing else, into build/lib and build/imports:
//   - JavaScript: every source file the package runs (reached from lib/index.ts, the library, and
//     lib/cli/main.ts, the `cdk8s-istio` command, lazily required modules included), each
//     transpiled on its own by esbuild (no bundling: cdk8s, constructs and the other
//     dependencies stay the consumer's own copies). The project's example app (lib/bookinfo,
//     lib/samples, lib/scenarios, main.ts) is not reached, so it is not built.
//   - Type declarations: tsc emits them (--emitDeclarationOnly --noCheck: type checking is
//     `npm test`'s job, and a consumer test type-checks the packed declarations with the
//     TypeScript 5.9 of cdk8s's app template; the native TypeScript 7 tsc emits them in ~1 s of
//     CPU where TypeScript 5.9's took ~7.5 s, the same files but for quote style), and only the
//     ones lib/index.d.ts reaches are kept: what a consumer types against.
// No .ts source is shipped, and the generated CRD validators once, as JavaScript.
// The build is skipped while it is up to date: build/.package-inputs.json lists the files it was
// built from and when it started, and none is newer, none is gone and none was added.
//
// Usage: node scripts/build-package.mjs [--force]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build');
const ENTRIES = ['lib/index.ts', 'lib/cli/main.ts'];

/** The repository's source files `entries` reach at run time (requires inside functions included). */
async function runtimeSources(entries) {
  const result = await build({
    entryPoints: entries.map((e) => path.join(root, e)),
    bundle: true, packages: 'external', platform: 'node', format: 'cjs', target: 'node20',
    write: false, metafile: true, outdir: path.join(out, '.probe'), logLevel: 'error', absWorkingDir: root,
    tsconfig: path.join(root, 'tsconfig.json'),
  });
  return Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/')).sort();
}

/** The declaration files `entry` reaches through relative imports and re-exports, as paths relative to `dir`. */
function declarationClosure(dir, entry) {
  const seen = new Set();
  const visit = (rel) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = path.join(path.dirname(rel), m[1]);
      const file = [`${target}.d.ts`, path.join(target, 'index.d.ts')].find((f) => fs.existsSync(path.join(dir, f)));
      if (!file) throw new Error(`${rel} imports ${m[1]}, which has no declaration file`);
      visit(file);
    }
  };
  visit(entry);
  return [...seen].sort();
}

/** Every file the build reads: the library's sources (not the example app), imports/, this script and the tsconfigs. */
function inputs() {
  const walk = (dir) => fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return ['lib/bookinfo', 'lib/samples', 'lib/scenarios'].includes(rel) ? [] : walk(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
  return [...walk('lib'), ...walk('imports'), 'scripts/build-package.mjs', 'tsconfig.json', 'tsconfig.build.json'].sort();
}

const stamp = path.join(out, '.package-inputs.json');
const current = inputs();
if (!process.argv.includes('--force')) {
  try {
    const { startedAt, files } = JSON.parse(fs.readFileSync(stamp, 'utf8'));
    if (JSON.stringify(files) === JSON.stringify(current) && current.every((f) => fs.statSync(path.join(root, f)).mtimeMs < startedAt)
      && fs.existsSync(path.join(out, 'lib', 'index.js')) && fs.existsSync(path.join(out, 'lib', 'index.d.ts'))) {
      console.error('build: build/lib and build/imports are up to date');
      process.exit(0);
    }
  } catch {
    // no stamp yet: build
  }
}

// a source saved while the build runs is newer than its start: the next build sees it
const startedAt = Date.now();
for (const dir of ['lib', 'imports', '.types', '.probe']) fs.rmSync(path.join(out, dir), { recursive: true, force: true });
fs.rmSync(stamp, { force: true });

// JavaScript, one file per source file
const sources = await runtimeSources(ENTRIES);
for (const generated of [false, true]) {
  await build({
    entryPoints: sources.filter((f) => f.startsWith('imports/') === generated).map((f) => path.join(root, f)),
    outdir: out, outbase: root, bundle: false, platform: 'node', format: 'cjs', target: 'node20',
    // the generated L1 classes and CRD validators are read by no one: whitespace only makes them bigger
    minifyWhitespace: generated,
    logLevel: 'warning', absWorkingDir: root, tsconfig: path.join(root, 'tsconfig.json'),
  });
}

// declarations: emitted into build/.types, then the public closure is moved into place
const types = path.join(out, '.types');
execFileSync(process.execPath, [
  path.join(root, 'node_modules', 'typescript7', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json'),
  '--emitDeclarationOnly', '--noCheck', '--outDir', types,
], { cwd: root, stdio: 'inherit' });
const declarations = declarationClosure(types, path.join('lib', 'index.d.ts'));
for (const rel of declarations) {
  fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
  fs.renameSync(path.join(types, rel), path.join(out, rel));
}
fs.rmSync(types, { recursive: true, force: true });

fs.writeFileSync(stamp, JSON.stringify({ startedAt, files: current }));
console.error(`build: ${sources.length} JavaScript files and ${declarations.length} declaration files in build/lib and build/imports`);
