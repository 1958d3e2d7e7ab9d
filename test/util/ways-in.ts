/**
 * The ways an Istio object reaches the checks (issue 7), each run the way a user runs it, and the
 * findings each shows, reduced to what must be the same whatever the way: the check's code, the
 * manifest field, the severity and the fix.
 *
 * Every way starts from the same base objects (a Service, two Deployments and a DestinationRule
 * in namespace `shop`, written as plain manifests) and adds one object under test, which every
 * way names alike: construct id `row` in chart `shop`, and the object's own `metadata.name`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Include, Yaml } from 'cdk8s';
import type { ValidationContext as CliValidationContext } from 'cdk8s-cli/plugins';
import { IstioChecks, MeshApp, MeshSynthError } from '../../lib';
import { main } from '../../lib/cli/main';
import { networking, security } from '../../lib/istio/private/l1';
import { IstioValidation } from '../../lib/plugin/istio-validation';

// the CLI's package exports './plugins' only
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ValidationContext } = require('cdk8s-cli/plugins') as { ValidationContext: typeof CliValidationContext };

/** A Kubernetes object as YAML writes it. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string };
  readonly [field: string]: unknown;
}

/** One finding as every way shows it. */
export interface Seen {
  readonly code: string;
  readonly field: string;
  readonly severity: string;
  /** The fix, as the way prints it. */
  readonly fix?: string;
  /** Whether the finding is about the object under test (else it is about a base object, or nothing). */
  readonly onRow?: boolean;
}

/** Builds the object under test in `chart` (namespace `shop`), with construct id `row`. */
export type Build = (chart: Chart) => void;

/** Why a way in cannot write a row. */
export interface NotExpressible {
  readonly notExpressible: string;
}

/** A builder, or why there is none. */
export type Builder = Build | NotExpressible;

/** The ways in, in the order the table shows them. */
export const WAYS = [
  'L2 API', 'JSON patch on an L2', 'L1 class', 'plain ApiObject', 'Include', 'App + IstioChecks.enable', 'validation plugin', 'cdk8s-istio check',
] as const;

/** One way in. */
export type Way = typeof WAYS[number];

/** The base objects every way starts from: reviews (Service), reviews-v1 and -v2, DestinationRule reviews (subsets v1, v2). */
export const BASE: readonly Manifest[] = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'reviews', namespace: 'shop' }, spec: { selector: { app: 'reviews' }, ports: [{ name: 'http', port: 9080 }] } },
  ...['v1', 'v2'].map((v): Manifest => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `reviews-${v}`, namespace: 'shop' },
    spec: {
      selector: { matchLabels: { app: 'reviews', version: v } },
      template: { metadata: { labels: { app: 'reviews', version: v } }, spec: { containers: [{ name: 'reviews', image: `example/reviews:${v}` }] } },
    },
  })),
  {
    apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'reviews', namespace: 'shop' },
    spec: { host: 'reviews', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] },
  },
];

/** `Build` or `NotExpressible`. */
export function isBuild(b: Builder): b is Build {
  return typeof b === 'function';
}

/** A temporary folder, removed by {@link cleanUp}. */
const folders: string[] = [];
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** Removes every folder {@link tempDir} made. */
export function cleanUp(): void {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** The imported (L1) class of each Istio kind a row uses, as `cdk8s import` generated it. */
const L1_CLASSES: Record<string, new (scope: Chart, id: string, props: any) => ApiObject> = {
  VirtualService: networking.VirtualService,
  DestinationRule: networking.DestinationRule,
  Gateway: networking.Gateway,
  ServiceEntry: networking.ServiceEntry,
  Sidecar: networking.Sidecar,
  AuthorizationPolicy: security.AuthorizationPolicy,
  PeerAuthentication: security.PeerAuthentication,
  RequestAuthentication: security.RequestAuthentication,
};

/** The object written with its imported L1 class: `new networking.VirtualService(chart, 'row', { metadata, spec })`. */
export function l1Object(chart: Chart, manifest: Manifest): ApiObject {
  const cls = L1_CLASSES[manifest.kind];
  if (!cls) throw new Error(`no L1 class for ${manifest.kind}`);
  const { apiVersion: _a, kind: _k, ...props } = manifest;
  return new cls(chart, 'row', props);
}

function addBase(chart: Chart): void {
  BASE.forEach((m, i) => new ApiObject(chart, `base-${i}`, { ...m }));
}

/** What `MeshApp.check()` reports for the base plus `build`. */
export function viaMeshApp(build: Build): Seen[] {
  const app = new MeshApp({ outdir: '/nonexistent', log: () => undefined });
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  addBase(chart);
  build(chart);
  const report = app.check();
  return [...report.errors, ...report.warnings].map((f) => ({ code: f.code, field: f.field, severity: f.severity, fix: f.fix, onRow: f.path === 'shop/row' || f.path.startsWith('shop/row/') }));
}

/** The object as a plain `ApiObject`. */
export function apiObject(manifest: Manifest): Build {
  return (chart) => { new ApiObject(chart, 'row', { ...manifest }); };
}

/**
 * Every row written to one YAML file, each with its own copy of the base, in namespace `row-<i>`
 * (so that rows do not see each other), and brought in with one cdk8s `Include` into one
 * `MeshApp`: the findings of each row. One file for the whole table, because `Include` reads
 * each file in a child process (about 0.2 s each).
 */
export function viaIncludeTable(manifests: readonly Manifest[]): Seen[][] {
  const file = path.join(tempDir('ways-in-include-'), 'table.yaml');
  fs.writeFileSync(file, manifests.map((m, i) => rowYaml(m, `row-${i}`)).join('---\n'));
  const app = new MeshApp({ outdir: '/nonexistent', log: () => undefined });
  new Include(new Chart(app, 'table'), 'include', { url: file });
  const report = app.check();
  const out: Seen[][] = manifests.map(() => []);
  for (const f of [...report.errors, ...report.warnings]) {
    // Include names each object's construct name-kind-namespace
    const m = /^table\/include\/(.*)-row-(\d+)$/.exec(f.path);
    if (!m) throw new Error(`a finding on no row: ${f.path} ${f.code} ${f.field}`);
    const i = Number(m[2]);
    const manifest = manifests[i];
    out[i].push({ code: f.code, field: f.field, severity: f.severity, fix: f.fix, onRow: m[1] === `${manifest.metadata.name}-${manifest.kind.toLowerCase()}` });
  }
  return out;
}

// one finding line as formatFinding prints it: `error CI0109 [shop/row] spec.http[0].match[0].uri.regex = '...': message; fix: ...`
const FINDING_LINE = /^(error|warning) (CI\d{4}) (?:\S+:\d+ )?\[([^\]]*)\] (\S+?)(?= = |: )(.*?); fix: (.*?)(?: \[[^\]]*\])?$/;

/**
 * What cdk8s's own `App` with `IstioChecks.enable(app)` shows on `app.synthYaml()`: the errors in
 * the thrown `MeshSynthError`'s message, the warnings in the lines it prints, each line parsed
 * back as the user reads it.
 */
export function viaIstioChecks(build: Build): { seen: Seen[]; threw: boolean } {
  const app = new App({ outdir: '/nonexistent' });
  const printed: string[] = [];
  IstioChecks.enable(app, { log: (line) => printed.push(line), warningsAsErrors: false });
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  addBase(chart);
  build(chart);
  let threw = false;
  try {
    app.synthYaml();
  } catch (e) {
    if (!(e instanceof MeshSynthError)) throw e;
    threw = true;
    printed.push(...e.message.split('\n').slice(1).map((l) => l.trim()));
  }
  const seen = printed.map((line) => {
    const m = FINDING_LINE.exec(line);
    if (!m) throw new Error(`not a finding line: ${line}`);
    return { code: m[2], field: m[4], severity: m[1], fix: m[6], onRow: m[3] === 'shop/row' || m[3].startsWith('shop/row/') };
  });
  return { seen, threw };
}

/**
 * What the cdk8s CLI validation plugin reports: the base plus `build` synthesized by a plain cdk8s
 * `App` (with construct metadata, as `cdk8s synth` asks for), then `IstioValidation` run through
 * the CLI's own `ValidationContext` over the written manifests.
 */
export async function viaPlugin(build: Build): Promise<{ seen: Seen[]; success: boolean }> {
  const outdir = tempDir('ways-in-plugin-');
  const app = new App({ outdir, recordConstructMetadata: true });
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  addBase(chart);
  build(chart);
  app.synth();
  const files = fs.readdirSync(outdir).filter((f) => f.endsWith('.yaml')).map((f) => path.join(outdir, f));
  const metadata = JSON.parse(fs.readFileSync(path.join(outdir, 'construct-metadata.json'), 'utf8')).resources;
  const context = new ValidationContext(files, 'cdk8s-istio', '0.1.0', metadata, false);
  (context.logger as any).log = () => undefined;
  await new IstioValidation().validate(context as any);
  const json = context.report.toJson();
  const seen = json.violations.map((v) => {
    const rule = /^(CI\d{4}) \S+ \((error|warning)\)$/.exec(v.ruleName);
    const resource = v.violatingConstructs[0];
    const field = /^(\S+?)(?: = .*)?(?: \([^)]*:\d+\))?$/.exec(resource.locations![0])![1];
    return { code: rule![1], field, severity: rule![2], fix: v.fix, onRow: resource.constructPath === 'shop/row' };
  });
  return { seen, success: context.report.success };
}

function inNamespace(m: Manifest, namespace: string): Manifest {
  return { ...m, metadata: { ...m.metadata, namespace } };
}

/** The base and the object under test as YAML, in `namespace`. */
function rowYaml(manifest: Manifest, namespace: string): string {
  return Yaml.stringify(...[...BASE, manifest].map((m) => inNamespace(m, namespace)));
}

/** The base and the object under test as YAML files in `dir` (a new folder by default), in `namespace`. */
export function writeRow(manifest: Manifest, dir = tempDir('ways-in-check-'), namespace = 'shop'): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'base.yaml'), Yaml.stringify(...BASE.map((m) => inNamespace(m, namespace))));
  fs.writeFileSync(path.join(dir, 'row.yaml'), Yaml.stringify(inNamespace(manifest, namespace)));
  return dir;
}

/** A finding of `cdk8s-istio check --format json`, as `Seen` (the object under test named `Kind namespace/name`). */
export function fromJsonFinding(f: { code: string; field: string; severity: string; fix: string; object: string }, row: string): Seen {
  return { code: f.code, field: f.field, severity: f.severity, fix: f.fix, onRow: f.object === row };
}

/** What `cdk8s-istio check --format json` reports for the base and `manifest` as YAML files, in-process; and its exit code. */
export function viaCheckCommand(manifest: Manifest): { seen: Seen[]; code: number } {
  const dir = writeRow(manifest);
  let stdout = '';
  const code = main(['check', '--format', 'json', dir], { stdout: (t) => void (stdout += t), stderr: () => undefined });
  const row = `${manifest.kind} shop/${manifest.metadata.name}`;
  return { seen: JSON.parse(stdout).findings.map((f: any) => fromJsonFinding(f, row)), code };
}
