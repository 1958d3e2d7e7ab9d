// Bundles main.ts (and everything it imports) into build/main.js with esbuild: transpile only,
// no type checking (that is `npm test`'s job), so the synth path stays fast.
import { build } from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildApp() {
  await build({
    entryPoints: [path.join(root, 'main.ts')],
    outfile: path.join(root, 'build', 'main.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    // this repository's compiler options, never a stray tsconfig.json above the checkout
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
    // dependencies are bundled too: one file parses faster than node's module resolution over
    // hundreds of files in node_modules (measured: 0.14 s vs 0.18 s for a Bookinfo-sized app)
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildApp();
}
