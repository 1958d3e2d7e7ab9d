import { App, AppProps, Yaml } from 'cdk8s';
import { AnalysisReport } from '../analysis/engine';
import { formatFinding } from '../analysis/finding';
import { markChecked } from '../analysis/sources/construct-hooks';
import { replaceDirectory } from './atomic-directory';
import { placementOf } from './output-layout';
import { checkApp, printReport, trimStack } from './private/check-app';

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
 * The error a failed synthesis throws: every error finding, one per line. `MeshApp.synth()`
 * throws it, and so do `App.synth()`, `App.synthYaml()` and `Testing.synth()` of an app with
 * `IstioChecks.enable`; `report` holds every finding (errors, warnings, suppressed).
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/
 */
export class MeshSynthError extends Error {
  /** Every finding of the synthesis: errors, warnings and suppressed. */
  declare public readonly report: AnalysisReport;

  constructor(report: AnalysisReport) {
    super(`synthesis failed with ${report.errors.length} error(s); the output folder was left as it was:\n${report.errors.map((f) => '  ' + formatFinding(f)).join('\n')}`);
    this.name = 'MeshSynthError';
    // not enumerable, so that Node prints an uncaught error as its message only, without the report's objects
    Object.defineProperty(this, 'report', { value: report, enumerable: false });
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
   * over the base app with each layer on top of it (layers are alternatives). The validations of
   * every construct (cdk8s, cdk8s-plus, and any added with `node.addValidation`) are findings too
   * (CI0019). `IstioChecks.enable` runs exactly this on a plain cdk8s `App`.
   */
  public check(): AnalysisReport {
    return checkApp(this, { warningsAsErrors: this.warningsAsErrors });
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
    printReport(report, this.log);
    if (report.errors.length > 0) {
      const error = new MeshSynthError(report);
      trimStack(error, [MeshApp.prototype.synth]);
      throw error; // the checks failed: the findings are the message
    }
    const docsByFile = this.render();
    replaceDirectory(this.outdir, new Map([...docsByFile].map(([file, docs]) => [file, Yaml.stringify(...docs)])));
    this.log(summarize(this, docsByFile, report));
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

