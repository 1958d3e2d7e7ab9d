// `npm run bench`: wall time (median of N runs) and peak memory of the ways to synthesize the app:
//   1. `npm run synth` as a whole (what users run): with the bundle up to date, and with the
//      esbuild bundle rebuilt (--force-build), as after any source change
//   2. `cdk8s synth` (the CLI running the same script through cdk8s.yaml)
//   3. the cdk8s `typescript-app` template path: `cdk8s synth` with `app: npx ts-node main.ts`
//      (ts-node with TypeScript 5, which type-checks on every run)
// plus bare `node` start-up and the bundled app alone, for reference; then the ratios.
// Usage: node scripts/bench.mjs [--runs N]   (default 5). Every run writes to a temp folder, never dist/.
//        node scripts/bench.mjs --scale [--runs N] [--sizes 2000,8000,20000]   the generated mesh at scale
//        (see scripts/bench/scale.mjs), the start-up of Bookinfo's synth, and a consumer's MeshApp vs App.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv.includes('--scale')) {
  await import('./bench/scale.mjs');
  process.exit(0);
}
const argRuns = process.argv.indexOf('--runs');
const runs = Math.max(5, argRuns >= 0 ? Number(process.argv[argRuns + 1]) : 5);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-istio-bench-'));
const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// the CLI's upgrade lookup is network noise, not synthesis: off for every cdk8s run alike
const env = { ...process.env, CDK8S_CHECK_UPGRADE: 'false' };
const cdk8s = path.join(root, 'node_modules', '.bin', 'cdk8s');

const cases = [
  { name: 'node -e 0 (bare start-up)', cmd: ['node', '-e', '0'] },
  { name: 'node build/main.js (bundled app only)', cmd: ['node', 'build/main.js'], out: true },
  { name: 'npm run synth', cmd: ['npm', 'run', '--silent', 'synth', '--', '--outdir'], outArg: true },
  { name: 'npm run synth, bundle rebuilt (cold)', cmd: ['npm', 'run', '--silent', 'synth', '--', '--force-build', '--outdir'], outArg: true },
  { name: 'cdk8s synth', cmd: [cdk8s, 'synth', '--output'], outArg: true },
  { name: 'template: cdk8s synth + npx ts-node main.ts', cmd: [cdk8s, 'synth', '--app', 'npx ts-node main.ts', '--output'], outArg: true },
];

function once(c, i) {
  const out = path.join(tmp, `${c.name.replace(/[^a-z0-9]+/gi, '-')}-${i}`);
  const argv = c.outArg ? [...c.cmd, out] : c.cmd;
  const runEnv = c.out ? { ...env, CDK8S_OUTDIR: out } : env;
  const [bin, args] = timeBin ? [timeBin, ['-f', '%M', ...argv]] : [argv[0], argv.slice(1)];
  const start = process.hrtime.bigint();
  const r = spawnSync(bin, args, { cwd: root, env: runEnv, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) {
    throw new Error(`'${argv.join(' ')}' failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  const kb = timeBin ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { ms, kb };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// make sure build/main.js exists for the "bundled app only" case
spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

console.log(`cdk8s-istio synth benchmark: ${runs} runs each, median wall time and peak RSS (${os.cpus().length} cores, node ${process.version})`);
const results = {};
for (const c of cases) {
  once(c, 'warmup');
  const samples = Array.from({ length: runs }, (_, i) => once(c, i));
  results[c.name] = { ms: median(samples.map((s) => s.ms)), kb: median(samples.map((s) => s.kb)) };
  const mem = Number.isNaN(results[c.name].kb) ? '' : `  peak RSS ${(results[c.name].kb / 1024).toFixed(0)} MiB`;
  console.log(`  ${c.name.padEnd(48)} ${(results[c.name].ms / 1000).toFixed(3)} s${mem}`);
}
const t = (n) => results[n].ms;
const template = t('template: cdk8s synth + npx ts-node main.ts');
console.log('ratios (template path / this; target: npm run synth >= 8x):');
console.log(`  npm run synth : ${(template / t('npm run synth')).toFixed(1)}x faster (bundle up to date)`);
console.log(`  npm run synth : ${(template / t('npm run synth, bundle rebuilt (cold)')).toFixed(1)}x faster (bundle rebuilt)`);
console.log(`  cdk8s synth   : ${(template / t('cdk8s synth')).toFixed(1)}x faster`);
console.log(`  bundled app   : ${(template / t('node build/main.js (bundled app only)')).toFixed(1)}x faster`);
fs.rmSync(tmp, { recursive: true, force: true });
