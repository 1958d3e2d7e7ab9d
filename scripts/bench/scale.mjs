// `npm run bench -- --scale`: the targets of issue 9, measured.
//  1. The generated mesh (scripts/bench/generated-mesh.ts) at 2,000 / 8,000 / 20,000 objects, in one
//     chart and in one chart per service: MeshApp synth with every check, cdk8s's plain App.synth, and
//     the floor (node writing the same documents as YAML with the `yaml` package, floor.mjs). Each
//     run is its own process, measured by /usr/bin/time (wall, CPU = user + system, peak RSS); runs
//     of the three are interleaved, and ratios to the floor are taken run by run (pair by pair),
//     then the median. The log-log slope from the smallest to the largest size. Where MeshApp's time
//     goes (CDK8S_ISTIO_PROFILE=1, one extra run): construct, render, each check, YAML, write; with
//     each check's own slope, so that a check that grows faster than linear shows.
//  2. Start-up: Bookinfo's `npm run synth` minus npm running a trivial script (`npm run env`),
//     against a bare `node -e 0`.
//  3. A consumer's app (the generated mesh at a consumer's size): MeshApp vs plain App.
// Usage: node scripts/bench.mjs --scale [--runs N (default 3)] [--sizes 2000,8000,20000]
// The machine is shared by whatever else runs: CPU time is less disturbed by other processes than
// wall time, so both are printed, and the targets are judged on both.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, buildBenchMesh } from '../build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv;
const opt = (name, fallback) => (argv.indexOf(`--${name}`) >= 0 ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const runs = Math.max(1, Number(opt('runs', 3)));
const sizes = opt('sizes', '2000,8000,20000').split(',').map(Number);
const layouts = ['single', 'per-service'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-istio-scale-'));
const timeBin = '/usr/bin/time';
if (!fs.existsSync(timeBin)) throw new Error('the scale bench needs /usr/bin/time (GNU time) for peak memory');
// plain App with one chart per service costs charts x objects (cdk8s validates the whole app for
// each chart it writes): past this many objects it is left out, with what it cost at the smallest size
const APP_PER_SERVICE_LIMIT = Number(opt('app-per-service-limit', 2000));

const servicesFor = (objects) => Math.max(1, Math.round((objects - 3) / 7));
const objectCount = (services) => services * 7 + 3;
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs a command under /usr/bin/time: wall s, cpu s, peak RSS MiB, and the last stderr line before time's. */
function measure(cmd, args, env = {}) {
  const r = spawnSync(timeBin, ['-f', '%e %U %S %M', cmd, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines = r.stderr.trim().split('\n');
  const [wall, user, sys, kb] = lines.pop().split(' ').map(Number);
  if (r.status !== 0) throw new Error(`'${cmd} ${args.join(' ')}' failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { wall, cpu: user + sys, mib: kb / 1024, info: lines.pop() };
}

const mesh = (services, layout, mode, outdir, env) =>
  measure('node', ['build/bench-mesh.js', '--services', String(services), '--layout', layout, '--mode', mode, '--outdir', outdir], env);

await buildBenchMesh();
await buildApp();
console.log(`cdk8s-istio scale benchmark: ${runs} run(s) each, medians (${os.cpus().length} cores, node ${process.version}, load ${os.loadavg()[0].toFixed(1)})`);
console.log('generated mesh: per service a Service, Deployments v1 and v2, a ServiceAccount, a DestinationRule, a VirtualService, an AuthorizationPolicy; one Gateway');

const results = []; // { objects, layout, meshapp, app, floor, ratios, profile }
for (const objects of sizes) {
  const services = servicesFor(objects);
  const n = objectCount(services);
  const docs = path.join(tmp, `docs-${n}`);
  mesh(services, 'single', 'dump', docs);
  for (const layout of layouts) {
    const samples = { meshapp: [], app: [], floor: [] };
    const withApp = layout === 'single' || n <= APP_PER_SERVICE_LIMIT;
    for (let i = 0; i < runs; i++) {
      samples.floor.push(measure('node', ['scripts/bench/floor.mjs', path.join(docs, 'docs.json'), path.join(tmp, 'floor.yaml')]));
      samples.meshapp.push(mesh(services, layout, 'meshapp', path.join(tmp, 'meshapp')));
      if (withApp) samples.app.push(mesh(services, layout, 'app', path.join(tmp, 'app')));
    }
    const prof = JSON.parse(mesh(services, layout, 'meshapp', path.join(tmp, 'meshapp'), { CDK8S_ISTIO_PROFILE: '1', CDK8S_ISTIO_PROFILE_QUIET: '1' }).info);
    const pick = (list, k) => median(list.map((s) => s[k]));
    const ratio = (k) => median(samples.meshapp.map((s, i) => s[k] / samples.floor[i][k]));
    const row = {
      objects: n, requested: objects, layout,
      meshapp: { wall: pick(samples.meshapp, 'wall'), cpu: pick(samples.meshapp, 'cpu'), mib: pick(samples.meshapp, 'mib') },
      app: withApp ? { wall: pick(samples.app, 'wall'), cpu: pick(samples.app, 'cpu'), mib: pick(samples.app, 'mib') } : undefined,
      floor: { wall: pick(samples.floor, 'wall'), cpu: pick(samples.floor, 'cpu'), mib: pick(samples.floor, 'mib') },
      ratios: { wall: ratio('wall'), cpu: ratio('cpu'), mib: ratio('mib') },
      profile: { construct: prof.constructMs, synth: prof.synthMs, ...prof.profile },
    };
    results.push(row);
    printRow(row);
  }
}

function printRow(r) {
  const t = (m) => (m ? `${m.wall.toFixed(2)} s (cpu ${m.cpu.toFixed(2)}) ${m.mib.toFixed(0)} MiB` : `left out (quadratic in cdk8s; see ${sizes[0]})`);
  console.log(`  ${String(r.objects).padStart(6)} objects, ${r.layout.padEnd(11)} MeshApp ${t(r.meshapp)} | App ${t(r.app)} | floor ${t(r.floor)} | MeshApp/floor: wall ${r.ratios.wall.toFixed(2)}x, cpu ${r.ratios.cpu.toFixed(2)}x, memory ${r.ratios.mib.toFixed(2)}x`);
}

// the table, as the README shows it
console.log('\n| objects | layout | MeshApp, all checks | plain App.synth | floor | MeshApp / floor (wall, cpu, memory) |');
console.log('| ---: | --- | --- | --- | --- | --- |');
const cell = (m) => (m ? `${m.wall.toFixed(2)} s, cpu ${m.cpu.toFixed(2)} s, ${m.mib.toFixed(0)} MiB` : 'left out (quadratic)');
for (const r of results) {
  console.log(`| ${r.objects.toLocaleString('en-US')} | ${r.layout} | ${cell(r.meshapp)} | ${cell(r.app)} | ${cell(r.floor)} | ${r.ratios.wall.toFixed(2)}x, ${r.ratios.cpu.toFixed(2)}x, ${r.ratios.mib.toFixed(2)}x |`);
}

// slopes: log-log from the smallest to the largest size
const slope = (a, b, ta, tb) => Math.log(tb / ta) / Math.log(b / a);
const slopes = {};
for (const layout of layouts) {
  const rows = results.filter((r) => r.layout === layout);
  if (rows.length < 2) continue;
  const [a, b] = [rows[0], rows[rows.length - 1]];
  slopes[layout] = {
    wall: slope(a.objects, b.objects, a.meshapp.wall, b.meshapp.wall),
    cpu: slope(a.objects, b.objects, a.meshapp.cpu, b.meshapp.cpu),
    synth: slope(a.objects, b.objects, a.profile.synth, b.profile.synth),
    floor: slope(a.objects, b.objects, a.floor.wall, b.floor.wall),
    from: a.objects, to: b.objects,
  };
  const s = slopes[layout];
  console.log(`\nslope ${layout}, ${s.from} -> ${s.to} objects (log-log): MeshApp process wall ${s.wall.toFixed(2)}, cpu ${s.cpu.toFixed(2)}; MeshApp synth() alone ${s.synth.toFixed(2)}; floor ${s.floor.toFixed(2)}`);
}

// where the time goes, per size (one chart); each check's slope
const largest = results.filter((r) => r.layout === 'single');
const labels = new Set(largest.flatMap((r) => Object.keys(r.profile)));
const phase = (k) => ['construct', 'synth', 'render', 'resolve dependencies', 'construct validations', 'mesh model', 'settle', 'yaml', 'write'].includes(k);
const checksTotal = (p) => Object.entries(p).filter(([k]) => k.startsWith('check ')).reduce((a, [, v]) => a + v, 0);
console.log('\nwhere the time goes (MeshApp, one chart, ms; CDK8S_ISTIO_PROFILE=1):');
console.log(`| phase | ${largest.map((r) => `${r.objects.toLocaleString('en-US')} objects`).join(' | ')} | slope |`);
console.log(`| --- | ${largest.map(() => '---:').join(' | ')} | ---: |`);
const line = (name, vals) => {
  const s = vals.length > 1 && vals[0] > 0 ? slope(largest[0].objects, largest[largest.length - 1].objects, vals[0], vals[vals.length - 1]) : NaN;
  console.log(`| ${name} | ${vals.map((v) => v.toFixed(0)).join(' | ')} | ${Number.isFinite(s) ? s.toFixed(2) : '-'} |`);
  return s;
};
for (const k of ['construct', 'render', 'resolve dependencies', 'construct validations', 'mesh model', 'settle', 'yaml', 'write']) {
  if (labels.has(k)) line(k, largest.map((r) => r.profile[k] ?? 0));
}
line('all checks', largest.map((r) => checksTotal(r.profile)));
line('synth() in all', largest.map((r) => r.profile.synth));
const big = largest[largest.length - 1];
const topChecks = [...labels].filter((k) => k.startsWith('check ')).sort((a, b) => (big.profile[b] ?? 0) - (big.profile[a] ?? 0));
const worstSlopes = [];
for (const k of topChecks.slice(0, 15)) worstSlopes.push([k, line(k, largest.map((r) => r.profile[k] ?? 0))]);
// every check with a measurable cost: its slope (noise below 20 ms at the largest size is ignored)
const superLinear = topChecks.filter((k) => (big.profile[k] ?? 0) >= 20)
  .map((k) => [k, slope(largest[0].objects, big.objects, Math.max(largest[0].profile[k] ?? 0, 0.1), big.profile[k])])
  .filter(([, s]) => s > 1.2);
console.log(`checks costing >= 20 ms at ${big.objects} objects with a slope above 1.2: ${superLinear.length === 0 ? 'none' : superLinear.map(([k, s]) => `${k} (${s.toFixed(2)})`).join(', ')}`);

// 2. start-up of Bookinfo's synth
const startRuns = Math.max(5, runs);
const st = { node: [], npmEnv: [], npmSynth: [], synthScript: [] };
for (let i = 0; i < startRuns + 1; i++) {
  const keep = i > 0; // the first round warms the caches up
  const a = measure('node', ['-e', '0']);
  const b = measure('npm', ['run', '--silent', 'env']);
  const c = measure('npm', ['run', '--silent', 'synth', '--', '--outdir', path.join(tmp, 'bookinfo')]);
  const d = measure('node', ['scripts/synth.mjs', '--outdir', path.join(tmp, 'bookinfo')]);
  if (keep) { st.node.push(a); st.npmEnv.push(b); st.npmSynth.push(c); st.synthScript.push(d); }
}
const m = (list, k) => median(list.map((s) => s[k]));
const own = { wall: median(st.npmSynth.map((s, i) => s.wall - st.npmEnv[i].wall)), cpu: median(st.npmSynth.map((s, i) => s.cpu - st.npmEnv[i].cpu)) };
const startRatio = { wall: median(st.npmSynth.map((s, i) => (s.wall - st.npmEnv[i].wall) / st.node[i].wall)), cpu: median(st.npmSynth.map((s, i) => (s.cpu - st.npmEnv[i].cpu) / st.node[i].cpu)) };
console.log(`\nstart-up (Bookinfo, ${startRuns} runs): node -e 0 ${m(st.node, 'wall').toFixed(3)} s (cpu ${m(st.node, 'cpu').toFixed(3)}); npm run env ${m(st.npmEnv, 'wall').toFixed(3)} s; npm run synth ${m(st.npmSynth, 'wall').toFixed(3)} s (cpu ${m(st.npmSynth, 'cpu').toFixed(3)}, ${m(st.npmSynth, 'mib').toFixed(0)} MiB); node scripts/synth.mjs ${m(st.synthScript, 'wall').toFixed(3)} s (cpu ${m(st.synthScript, 'cpu').toFixed(3)})`);
console.log(`  the synth program's own cost (npm run synth - npm run env): ${own.wall.toFixed(3)} s wall, ${own.cpu.toFixed(3)} s cpu = ${startRatio.wall.toFixed(2)}x (wall), ${startRatio.cpu.toFixed(2)}x (cpu) a bare node -e 0`);

// 3. a consumer's app: MeshApp vs plain App (the L2 constructs check themselves under a plain App too)
const consumer = { services: servicesFor(200), runs: Math.max(5, runs) };
const cs = { app: [], meshapp: [] };
for (let i = 0; i < consumer.runs + 1; i++) {
  const a = mesh(consumer.services, 'per-service', 'app', path.join(tmp, 'c-app'));
  const b = mesh(consumer.services, 'per-service', 'meshapp', path.join(tmp, 'c-mesh'));
  if (i > 0) { cs.app.push(a); cs.meshapp.push(b); }
}
const consumerRatio = { wall: median(cs.meshapp.map((s, i) => s.wall / cs.app[i].wall)), cpu: median(cs.meshapp.map((s, i) => s.cpu / cs.app[i].cpu)) };
console.log(`\nconsumer app (${objectCount(consumer.services)} objects, a chart per service, ${consumer.runs} runs): App ${m(cs.app, 'wall').toFixed(3)} s (cpu ${m(cs.app, 'cpu').toFixed(3)}), MeshApp with every check ${m(cs.meshapp, 'wall').toFixed(3)} s (cpu ${m(cs.meshapp, 'cpu').toFixed(3)}): MeshApp/App ${consumerRatio.wall.toFixed(2)}x wall, ${consumerRatio.cpu.toFixed(2)}x cpu`);
const consumer2k = results.find((r) => r.layout === 'single' && r.app);
if (consumer2k) console.log(`  and at ${consumer2k.objects} objects, one chart: App ${consumer2k.app.wall.toFixed(2)} s, MeshApp ${consumer2k.meshapp.wall.toFixed(2)} s (${(consumer2k.meshapp.wall / consumer2k.app.wall).toFixed(2)}x)`);

// targets
console.log('\ntargets:');
const verdict = (ok) => (ok ? 'met' : 'NOT MET');
// the targets are set at 8,000 and 20,000 objects (or the largest size asked for)
for (const r of results.filter((x) => x.requested >= 8000 || x.requested === sizes[sizes.length - 1])) {
  const okT = r.ratios.wall <= 2 && r.ratios.cpu <= 2;
  console.log(`  MeshApp <= 2x the floor in time, ${r.objects} objects, ${r.layout}: ${verdict(okT)} (wall ${r.ratios.wall.toFixed(2)}x, cpu ${r.ratios.cpu.toFixed(2)}x)${!okT && (r.ratios.wall <= 2 || r.ratios.cpu <= 2) ? ' (met on one of the two)' : ''}`);
  console.log(`  MeshApp <= 2x the floor in peak memory, ${r.objects} objects, ${r.layout}: ${verdict(r.ratios.mib <= 2)} (${r.ratios.mib.toFixed(2)}x)`);
}
for (const [layout, s] of Object.entries(slopes)) {
  console.log(`  slope <= 1.1 from ${s.from} to ${s.to} objects, ${layout}: ${verdict(s.wall <= 1.1 && s.cpu <= 1.1)} (wall ${s.wall.toFixed(2)}, cpu ${s.cpu.toFixed(2)}; synth() alone ${s.synth.toFixed(2)})`);
}
console.log(`  every check linear (no check >= 20 ms with a slope above 1.2): ${verdict(superLinear.length === 0)}`);
console.log(`  start-up: npm run synth - npm run env <= 3x node -e 0: ${verdict(startRatio.wall <= 3 && startRatio.cpu <= 3)} (wall ${startRatio.wall.toFixed(2)}x, cpu ${startRatio.cpu.toFixed(2)}x)`);
console.log(`  consumer: MeshApp <= 1.1x plain App: ${verdict(consumerRatio.wall <= 1.1 && consumerRatio.cpu <= 1.1)} (wall ${consumerRatio.wall.toFixed(2)}x, cpu ${consumerRatio.cpu.toFixed(2)}x)`);
fs.rmSync(tmp, { recursive: true, force: true });
