import { App, AppProps, Chart, Yaml } from 'cdk8s';
import { AnalysisReport, checkMesh, checkObjects, RawFinding, settle } from '../analysis/engine';
import { formatFinding } from '../analysis/finding';
import { markChecked } from '../analysis/sources/construct-hooks';
import { renderCharts } from '../analysis/sources/construct-tree';
import { replaceDirectory } from './atomic-directory';
import { placementOf } from './output-layout';

/**
 * Properties of a {@link MeshApp}.
 *
 * @see https://cdk8s.io/docs/latest/basics/app/
 */
export interface MeshAppProps extends AppProps {
  /**
   * Treat warnings as errors: any unsuppressed warning fails synthesis.
   *
   * @default - true when the environment variable `CDK8S_ISTIO_WARNINGS_AS_ERRORS` is `true`
   *   (`npm run synth -- --warnings-as-errors` sets it), else false
   */
  readonly warningsAsErrors?: boolean;

  /**
   * Where the synthesis report (findings and summary) is printed.
   *
   * @default - lines are written to standard error
   */
  readonly log?: (line: string) => void;
}

/**
 * The error a failed synthesis throws: every error finding, one per line.
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/
 */
export class MeshSynthError extends Error {
  constructor(public readonly report: AnalysisReport) {
    super(`synthesis failed with ${report.errors.length} error(s); the output folder was left as it was:\n${report.errors.map((f) => '  ' + formatFinding(f)).join('\n')}`);
    this.name = 'MeshSynthError';
  }
}

/**
 * A cdk8s App that checks the whole mesh before it writes anything.
 *
 * `synth()` runs every check (the per-object rules of each Istio construct, cdk8s and
 * cdk8s-plus validations, the CRD schema of every Istio object, and the cross-resource analysis
 * of the base app and of each layer on top of it), reports all findings together, and only
 * when there is no error replaces the output folder, atomically, with one file per placement
 * (see `placeChart`). A failed synthesis throws {@link MeshSynthError} and leaves the previous
 * output exactly as it was.
 *
 * @see https://cdk8s.io/docs/latest/basics/app/
 * @see https://cdk8s.io/docs/latest/cli/synth/
 */
export class MeshApp extends App {
  private readonly warningsAsErrors: boolean;
  private readonly log: (line: string) => void;

  constructor(props: MeshAppProps = {}) {
    super(props);
    markChecked(this);
    this.warningsAsErrors = props.warningsAsErrors ?? process.env.CDK8S_ISTIO_WARNINGS_AS_ERRORS === 'true';
    this.log = props.log ?? ((line) => process.stderr.write(line + '\n'));
  }

  /**
   * Runs every check and returns the findings, without writing anything.
   *
   * Each object is rendered once and checked once; the mesh checks run over the base app, then
   * over the base app with each layer on top of it (layers are alternatives).
   */
  public check(): AnalysisReport {
    const rendered = new Map(renderCharts(this).map((r) => [r.chart, r]));
    const all = [...rendered.values()].flatMap((r) => r.objects);
    const raw: RawFinding[] = [];
    for (const r of rendered.values()) raw.push(...r.findings);
    raw.push(...checkObjects(all));

    const objectsOf = (charts: Chart[]) => charts.flatMap((chart) => rendered.get(chart)?.objects ?? []);
    const layers = this.layers();
    const base = objectsOf(layers.get('') ?? []);
    raw.push(...checkMesh(base));
    for (const [layer, charts] of layers) {
      if (layer !== '') raw.push(...checkMesh([...base, ...objectsOf(charts)]));
    }
    return settle(raw, { warningsAsErrors: this.warningsAsErrors, objects: all });
  }

  /**
   * Renders every chart into the file its placement names, without checks or writing.
   */
  public render(): Map<string, any[]> {
    const docsByFile = new Map<string, any[]>();
    for (const chart of this.charts) {
      const file = placementOf(chart).file;
      const docs = docsByFile.get(file) ?? [];
      docs.push(...chart.toJson());
      docsByFile.set(file, docs);
    }
    for (const [file, docs] of docsByFile) {
      if (docs.length === 0) docsByFile.delete(file);
    }
    return docsByFile;
  }

  /**
   * Checks the app, prints the findings and a summary, and, when no check failed, replaces the
   * output folder atomically. Throws {@link MeshSynthError} otherwise.
   */
  public synth(): void {
    const report = this.check();
    // errors travel in the thrown MeshSynthError (printed once by whoever catches it)
    for (const f of report.warnings) this.log(formatFinding(f));
    for (const f of report.suppressed) this.log(`suppressed ${f.code} [${f.path}] ${f.field}: ${f.message} (reason: ${f.reason})`);
    if (report.errors.length > 0) {
      throw new MeshSynthError(report);
    }
    const docsByFile = this.render();
    replaceDirectory(this.outdir, new Map([...docsByFile].map(([file, docs]) => [file, Yaml.stringify(...docs)])));
    this.log(summarize(this, docsByFile, report));
  }

  /** Charts by layer name ('' is the base app), in topological order. */
  private layers(): Map<string, Chart[]> {
    const out = new Map<string, Chart[]>([['', []]]);
    for (const chart of this.charts) {
      const layer = placementOf(chart).layer ?? '';
      out.set(layer, [...(out.get(layer) ?? []), chart]);
    }
    return out;
  }
}

function summarize(app: MeshApp, docsByFile: Map<string, any[]>, report: AnalysisReport): string {
  const kinds = new Map<string, number>();
  let objects = 0;
  for (const docs of docsByFile.values()) {
    for (const doc of docs) {
      objects++;
      kinds.set(doc.kind, (kinds.get(doc.kind) ?? 0) + 1);
    }
  }
  const perKind = [...kinds.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    `synthesized ${app.charts.length} charts into ${docsByFile.size} files under ${app.outdir}/`,
    `  objects: ${objects} (${perKind})`,
    `  findings: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.suppressed.length} suppressed`,
  ].join('\n');
}

