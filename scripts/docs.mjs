// `npm run docs`: regenerates the README's check table and its "What is not checked" tables from the
// registry (lib/analysis/registry.ts) and lib/analysis/not-checked.ts.
// It bundles the generator with esbuild (already a dev dependency), so it runs without a build.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = await build({
  entryPoints: [path.join(root, 'lib', 'analysis', 'check-table.ts')],
  bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'error',
  tsconfig: path.join(root, 'tsconfig.json'),
});
const mod = { exports: {} };
new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, (await import('node:module')).createRequire(import.meta.url));
const readme = path.join(root, 'README.md');
const before = fs.readFileSync(readme, 'utf8');
const after = mod.exports.withGeneratedSections(before);
if (after !== before) fs.writeFileSync(readme, after);
console.error(after === before ? 'README.md: the generated sections are up to date' : 'README.md: generated sections regenerated');
