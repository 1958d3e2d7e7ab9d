// The process `npm run bench -- --scale` measures: builds the generated mesh and synthesizes it one
// way. Usage: node build/bench-mesh.js --services N --layout single|per-service --mode meshapp|app|dump --outdir DIR
//   meshapp   MeshApp with every check (the profile, CDK8S_ISTIO_PROFILE=1, adds where the time goes)
//   app       cdk8s's plain App
//   dump      writes the rendered documents as JSON (DIR/docs.json), the input of the floor (floor.mjs)
// Prints one JSON line on stderr: { constructMs, synthMs, maxRssKb, profile? }.
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { MeshApp } from '../../lib';
import { profile, PROFILING } from '../../lib/analysis/private/profile';
import { buildMesh, Layout } from './generated-mesh';

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const services = Number(arg('services', '100'));
const layout = arg('layout', 'single') as Layout;
const mode = arg('mode', 'meshapp');
const outdir = arg('outdir')!;

const t0 = performance.now();
const app = mode === 'meshapp' ? new MeshApp({ outdir, log: () => undefined }) : new App({ outdir });
// the floor's documents come from one chart: the same objects, without cdk8s's per-chart validation of the whole app
buildMesh(app, services, mode === 'dump' ? 'single' : layout);
const t1 = performance.now();
if (mode === 'dump') {
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(path.join(outdir, 'docs.json'), JSON.stringify(app.charts.flatMap((c) => c.toJson())));
} else {
  app.synth();
}
const t2 = performance.now();
process.stderr.write(JSON.stringify({
  constructMs: Math.round(t1 - t0),
  synthMs: Math.round(t2 - t1),
  maxRssKb: process.resourceUsage().maxRSS,
  ...PROFILING ? { profile: profile() } : {},
}) + '\n');
