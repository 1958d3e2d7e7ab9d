import { ApiObject, App, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AnalysisReport, checkMesh, checkObjects, RawFinding, settle } from '../../analysis/engine';
import { Finding, formatFinding, Severity } from '../../analysis/finding';
import { ManifestObject } from '../../analysis/manifest-object';
import { ExternalDeclarations } from '../../analysis/model/external';
import { MeshModel } from '../../analysis/model/mesh-model';
import { profiled } from '../../analysis/private/profile';
import { ALL_CHECKS, checkInfo } from '../../analysis/registry';
import { constructProblems } from '../../analysis/sources/construct-hooks';
import { RenderedChart, renderChart } from '../../analysis/sources/construct-tree';
import { topology } from '../../analysis/sources/topology';
import { placementOf } from '../output-layout';
import { resolveDependencies } from './app-output';

/**
 * What {@link analyzeApp} found, and what it rendered on the way, so that the output is written
 * from the same renderings.
 */
/** How an app is checked. */
export interface CheckAppOptions {
  /** Treat unsuppressed warnings as errors. */
  readonly warningsAsErrors: boolean;
  /** What lives outside the app. */
  readonly external?: ExternalDeclarations;
}

export interface AppAnalysis {
  /** Every finding. */
  readonly report: AnalysisReport;
  /** The app's charts in cdk8s's topological order (`App.charts`). */
  readonly charts: Chart[];
  /** Each chart's rendering. */
  readonly rendered: ReadonlyMap<Chart, RenderedChart>;
  /** Whether a chart depends on another (cdk8s then numbers the files). */
  readonly hasDependantCharts: boolean;
}

/**
 * Every check over a whole app, as `MeshApp.check()` and `IstioChecks.enable` run it: each chart
 * rendered once, the object checks over every object, the mesh checks over the base app and over
 * the base app with each layer on top of it (layers are alternatives), every construct
 * validation, then suppressions and `warningsAsErrors`.
 *
 * The app must be marked checked (`markChecked`), so that the L2 constructs' own cdk8s
 * validations return nothing and the validations collected here are only the ones nobody else
 * reports.
 */
export function checkApp(app: App, options: CheckAppOptions): AnalysisReport {
  return analyzeApp(app, options).report;
}

/**
 * {@link checkApp}, keeping what it rendered: cdk8s's dependencies between charts and objects
 * are resolved first (as `App.synth()` does), so that each chart renders in the order `App`
 * writes it, and the renderings can be written as they are.
 */
export function analyzeApp(app: App, options: CheckAppOptions): AppAnalysis {
  const hasDependantCharts = profiled('resolve dependencies', () => resolveDependencies(app));
  const charts = profiled('render', () => topology(app).filter((c): c is Chart => Chart.isChart(c)));
  const rendered = new Map(charts.map((chart) => [chart, profiled('render', () => renderChart(chart))]));
  const all = [...rendered.values()].flatMap((r) => r.objects);
  const raw: RawFinding[] = [];
  for (const r of rendered.values()) raw.push(...r.findings);
  raw.push(...profiled('construct validations', () => otherValidations(app)));
  raw.push(...checkObjects(all));

  const objectsOf = (charts: Chart[]) => charts.flatMap((chart) => rendered.get(chart)?.objects ?? []);
  const layers = layersOf(charts);
  const base = objectsOf(layers.get('') ?? []);
  const mesh = (objects: ManifestObject[]) => checkMesh(objects, ALL_CHECKS, profiled('mesh model', () => new MeshModel(objects, { external: options.external })));
  raw.push(...mesh(base));
  for (const [layer, charts] of layers) {
    if (layer !== '') raw.push(...mesh([...base, ...objectsOf(charts)]));
  }
  const report = profiled('settle', () => settle(raw, { warningsAsErrors: options.warningsAsErrors, objects: all }));
  return { report, charts, rendered, hasDependantCharts };
}

/**
 * Prints what does not fail a synthesis: each warning, and each suppressed finding with its
 * reason, one a line. Errors travel in the thrown error instead (printed once by whoever catches
 * it).
 */
export function printReport(report: AnalysisReport, log: (line: string) => void): void {
  for (const f of report.warnings) log(formatFinding(f));
  for (const f of report.suppressed) log(`suppressed ${f.code} [${f.path}] ${f.field}: ${f.message} (reason: ${f.reason})`);
}

/**
 * Makes a thrown error show its message and the user's call instead of a long stack: the stack
 * starts at the caller of the first of `entryPoints` that is running (the line of `main.ts` that
 * called `app.synth()`) and holds that one frame. When none is running, the full stack stays.
 * Only for errors whose message is the whole story (a report of findings), never for crashes.
 */
export function trimStack(error: Error, entryPoints: ReadonlyArray<Function | undefined>): void {
  const full = error.stack;
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 1;
    for (const fn of entryPoints) {
      if (typeof fn !== 'function') continue;
      Error.captureStackTrace(error, fn);
      if (/\n\s+at /.test(error.stack ?? '')) return;
    }
    error.stack = full;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Charts by layer name ('' is the base app), in the app's topological order. */
function layersOf(charts: readonly Chart[]): Map<string, Chart[]> {
  const out = new Map<string, Chart[]>([['', []]]);
  for (const chart of charts) {
    const layer = placementOf(chart).layer ?? '';
    const list = out.get(layer);
    if (list) list.push(chart);
    else out.set(layer, [chart]);
  }
  return out;
}

/**
 * The cdk8s validations (`node.validate()`) that rendering the charts does not collect: those of
 * the app itself, of API objects, of constructs outside any chart, and validations added to an
 * L2 construct besides its own (which return nothing in a checked app). Without them, an app
 * whose report replaces cdk8s's own validation pass would drop them.
 */
function otherValidations(app: App): RawFinding[] {
  const out: RawFinding[] = [];
  const info = checkInfo('CI0019');
  for (const c of app.node.findAll()) {
    if (!ApiObject.isApiObject(c) && constructProblems(c) === undefined && chartOf(c) !== undefined) continue; // renderChart has it
    for (const message of c.node.validate()) {
      const finding: Finding = {
        code: 'CI0019',
        path: c.node.path || '(app)',
        field: '(construct)',
        message,
        fix: 'see the message; it comes from a validation added to this construct',
        severity: info?.severity ?? Severity.ERROR,
        counterpart: info?.counterpart === 'none' ? undefined : info?.counterpart,
      };
      out.push({ finding });
    }
  }
  return out;
}

/** The nearest chart at or above `c`, or `undefined` (the app, or a construct outside charts). */
function chartOf(c: IConstruct): Chart | undefined {
  for (let s: IConstruct | undefined = c; s; s = s.node.scope) {
    if (Chart.isChart(s)) return s;
  }
  return undefined;
}
