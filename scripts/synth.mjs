// `npm run synth` (and `cdk8s synth`, through cdk8s.yaml): bundle main.ts with esbuild, then run
// it. No type checking here: `npm test` type-checks. The app writes dist/ atomically and exits
// non-zero, leaving the previous dist/ untouched, when any check fails.
//
// Usage: node scripts/synth.mjs [--outdir DIR] [--force-build] [--warnings-as-errors]
//   --outdir               default: $CDK8S_OUTDIR, else dist
//   --warnings-as-errors   any unsuppressed warning fails the synth (sets CDK8S_ISTIO_WARNINGS_AS_ERRORS=true)
// The bundle is rebuilt only when an input changed (see build.mjs); --force-build rebuilds it anyway.
import * as path from 'node:path';
import { buildApp } from './build.mjs';
import { runBundle } from './run-bundle.mjs';

const args = process.argv.slice(2);
const i = args.indexOf('--outdir');
if (i >= 0) {
  if (!args[i + 1]) {
    console.error('usage: node scripts/synth.mjs [--outdir DIR] [--force-build] [--warnings-as-errors]');
    process.exit(2);
  }
  process.env.CDK8S_OUTDIR = path.resolve(args[i + 1]);
}

if (args.includes('--warnings-as-errors')) process.env.CDK8S_ISTIO_WARNINGS_AS_ERRORS = 'true';

await buildApp({ force: args.includes('--force-build') });
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
try {
  runBundle(path.join(root, 'build', 'main.js'));
} catch (e) {
  // a failed check (MeshSynthError): the findings, one a line, and the summary; else the message
  process.stderr.write(typeof e?.describe === 'function' ? e.describe() : `${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
