import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, AppProps, Chart, Yaml } from 'cdk8s';
import { AnalysisReport } from '../analysis/engine';
import { ExternalDeclarations, validExternal } from '../analysis/model/external';
import { formatFinding } from '../analysis/finding';
import { profiled } from '../analysis/private/profile';
import { markChecked } from '../analysis/sources/construct-hooks';
import { replaceDirectoryWith } from './atomic-directory';
import { hasPlacement, placementOf } from './output-layout';
import { chartDocuments, writeAppFiles } from './private/app-output';
import { analyzeApp, AppAnalysis, checkApp, printReport, trimStack } from './private/check-app';
import { hasContent, outputStatement, printWhenUncaught, SAFE_SYNTH_ENV } from './private/failure';
import { KUSTOMIZATION_FILE, kustomizationText, layeredKustomizations } from './private/kustomization';

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
   * What lives outside the app, declared so that the checks do not report it missing: hosts and
   * Gateways served elsewhere, namespaces managed elsewhere, the gateway workloads of Istio's
   * installation (the same declarations as `cdk8s-istio check --external-*`).
   *
   * @example
   * new MeshApp({ external: { hosts: ['*.payments.svc.cluster.local'], gateways: ['istio-system/public'] } })
   * @default - nothing outside the app is declared: every reference must resolve inside it
   * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
   */
  readonly external?: ExternalDeclarations;

  /**
   * Where the synthesis report (warnings, suppressed findings and the summary) is printed.
   *
   * @default - lines are written to standard error
   */
  readonly log?: (line: string) => void;

  /**
   * Write a `Kustomization` file with the manifests (at the top of the output folder, and in the
   * folder of each layer placed with `placeChart`), so that `kubectl kustomize`,
   * `kubectl apply -k` and Argo CD's kustomize support read the output as it is. The file has
   * no extension: `kubectl apply -f <folder>`, which reads every `.yaml`, `.yml` and `.json`
   * file of a folder, skips it.
   *
   * @default - true when a chart has a placement (`placeChart`), else false (the files cdk8s's
   *   `App` writes, and nothing more)
   */
  readonly kustomization?: boolean;
}

/**
 * The error a failed synthesis throws: every error finding, one per line. `MeshApp.synth()`
 * throws it, and so do `App.synth()`, `App.synthYaml()` and `Testing.synth()` of an app with
 * `IstioChecks.enable`; `report` holds every finding (errors, warnings, suppressed).
 *
 * Left uncaught (the `app.synth()` at the end of main.ts), it prints {@link MeshSynthError.describe}
 * and nothing else: the findings, one a line, and what happened to the output folder.
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/
 */
export class MeshSynthError extends Error {
  /** Every finding of the synthesis: errors, warnings and suppressed. */
  declare public readonly report: AnalysisReport;

  /**
   * The summary line: `synthesis failed with 1 error(s); dist/ was left as it was`, or without
   * the output folder when the synthesis writes none (`synthYaml()`, `Testing.synth()`).
   */
  declare public readonly summary: string;

  /**
   * @param report every finding of the synthesis
   * @param output what happened to the output folder (for example `dist/ was left as it was`),
   *   when the synthesis writes one
   */
  constructor(report: AnalysisReport, output?: string) {
    const summary = `synthesis failed with ${report.errors.length} error(s)${output ? `; ${output}` : ''}`;
    super(`${summary}:\n${report.errors.map((f) => '  ' + formatFinding(f)).join('\n')}`);
    this.name = 'MeshSynthError';
    // not enumerable, so that Node prints an uncaught error as its message only, without the report's objects
    Object.defineProperty(this, 'report', { value: report, enumerable: false });
    Object.defineProperty(this, 'summary', { value: summary, enumerable: false });
  }

  /**
   * What a failed synthesis prints: each error finding on its own line, then the summary line
   * (left out under `cdk8s-istio synth`, which prints its own).
   */
  public describe(): string {
    const lines = this.report.errors.map((f) => formatFinding(f));
    if (!process.env[SAFE_SYNTH_ENV]) lines.push(this.summary);
    return lines.join('\n') + '\n';
  }

  /**
   * Prints {@link MeshSynthError.describe} instead of Node's report if this error is left
   * uncaught, and trims its stack to the caller of the first running function of `entryPoints`.
   * @internal
   */
  public _throwable(entryPoints: ReadonlyArray<Function | undefined>): this {
    trimStack(this, entryPoints);
    printWhenUncaught(this, () => this.describe());
    return this;
  }
}

/**
 * A cdk8s App that checks the whole mesh before it writes anything, and writes atomically.
 *
 * `synth()` runs every check (the per-object rules of each Istio construct, cdk8s and
 * cdk8s-plus validations, the CRD schema of every Istio object, and the cross-resource analysis
 * of the base app and of each layer on top of it), reports all findings together, and only
 * when there is no error replaces the output folder, atomically. It writes the same files as
 * cdk8s's `App` for the same app (file names, `0000-` prefixes when charts depend on each
 * other, `yamlOutputType`, `outputFileExtension`, `construct-metadata.json` for the cdk8s CLI's
 * validation plugins), unless charts are placed with `placeChart`: then each chart goes to the
 * file its placement names, with a `Kustomization` per folder (see
 * {@link MeshAppProps.kustomization}). A failed synthesis throws {@link MeshSynthError} and
 * leaves the previous output exactly as it was.
 *
 * @see https://cdk8s.io/docs/latest/basics/app/
 * @see https://cdk8s.io/docs/latest/cli/synth/
 */
export class MeshApp extends App {
  private readonly warningsAsErrors: boolean;
  private readonly external?: ExternalDeclarations;
  private readonly log: (line: string) => void;
  private readonly kustomization?: boolean;

  constructor(props: MeshAppProps = {}) {
    super(props);
    markChecked(this);
    this.warningsAsErrors = props.warningsAsErrors ?? process.env.CDK8S_ISTIO_WARNINGS_AS_ERRORS === 'true';
    this.external = validExternal('MeshApp', props.external);
    this.log = props.log ?? ((line) => process.stderr.write(line + '\n'));
    this.kustomization = props.kustomization;
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
    return checkApp(this, { warningsAsErrors: this.warningsAsErrors, external: this.external });
  }

  /**
   * Checks the app, prints the findings and a summary, and, when no check failed, replaces the
   * output folder atomically. Throws {@link MeshSynthError} otherwise.
   */
  public synth(): void {
    const hadContent = hasContent(this.outdir);
    const analysis = analyzeApp(this, { warningsAsErrors: this.warningsAsErrors, external: this.external });
    const report = analysis.report;
    printReport(report, this.log);
    if (report.errors.length > 0) {
      // the checks failed: the findings are the message
      throw new MeshSynthError(report, outputStatement(this.outdir, hadContent))._throwable([MeshApp.prototype.synth]);
    }
    // each object was rendered once, for the checks: the output is written from the same JSON
    const docs = new Map(analysis.charts.map((chart) => [chart, chartDocuments(chart, analysis.rendered.get(chart))]));
    let manifests = 0;
    replaceDirectoryWith(this.outdir, (staging) => {
      manifests = analysis.charts.some(hasPlacement) ? this.writePlaced(staging, analysis.charts, docs)
        : this.writeAsApp(staging, analysis);
    });
    this.log(this.summarize(analysis.charts, docs, manifests, report));
  }

  /** Writes exactly what cdk8s's `App.synth()` writes into `staging`; returns the number of manifest files. */
  private writeAsApp(staging: string, analysis: AppAnalysis): number {
    const manifests = writeAppFiles(this, staging, analysis.charts, analysis.rendered, analysis.hasDependantCharts);
    if (this.kustomization === true) {
      const files = listFiles(staging).filter((f) => f !== 'construct-metadata.json');
      fs.writeFileSync(path.join(staging, KUSTOMIZATION_FILE), kustomizationText(files));
    }
    return manifests;
  }

  /** Writes each chart into the file its placement names (several charts may share one), with the kustomizations. */
  private writePlaced(staging: string, charts: readonly Chart[], docsByChart: ReadonlyMap<Chart, any[]>): number {
    const files = new Map<string, { layer: string; docs: any[] }>();
    for (const chart of charts) {
      const placement = placementOf(chart);
      const entry = files.get(placement.file) ?? { layer: placement.layer ?? '', docs: [] };
      entry.docs.push(...docsByChart.get(chart) ?? []);
      files.set(placement.file, entry);
    }
    for (const [file, entry] of files) if (entry.docs.length === 0) files.delete(file);
    const kustomizations = this.kustomization === false ? new Map<string, string[]>()
      : layeredKustomizations([...files].map(([file, { layer }]) => ({ file, layer })));
    for (const [file, { docs }] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const text = profiled('yaml', () => Yaml.stringify(...docs));
      profiled('write', () => writeFile(path.join(staging, file), text));
    }
    for (const [folder, resources] of kustomizations) writeFile(path.join(staging, folder, KUSTOMIZATION_FILE), kustomizationText(resources));
    if ((this as unknown as { recordConstructMetadata: boolean }).recordConstructMetadata) {
      // what App.synth() writes for the cdk8s CLI's validation plugins: each object's construct path by name
      const resources: Record<string, { path: string }> = {};
      for (const chart of charts) {
        for (const o of chart.node.findAll()) {
          if (ApiObject.isApiObject(o) && Chart.of(o) === chart) resources[o.name] = { path: o.node.path };
        }
      }
      fs.writeFileSync(path.join(staging, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources }));
    }
    return files.size;
  }

  private summarize(charts: readonly Chart[], docsByChart: ReadonlyMap<Chart, any[]>, manifests: number, report: AnalysisReport): string {
    const kinds = new Map<string, number>();
    let objects = 0;
    for (const docs of docsByChart.values()) {
      for (const doc of docs) {
        objects++;
        kinds.set(doc.kind, (kinds.get(doc.kind) ?? 0) + 1);
      }
    }
    const perKind = [...kinds.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ${n}`).join(', ');
    return [
      `synthesized ${charts.length} charts into ${manifests} files under ${this.outdir}/`,
      `  objects: ${objects} (${perKind})`,
      `  findings: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.suppressed.length} suppressed`,
    ].join('\n');
  }
}

function writeFile(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** Every file under `dir`, relative, with `/` separators, in name order (depth first). */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out;
}
