import { App, AppProps, Chart, Yaml } from 'cdk8s';
import { analyze, AnalyzedObject, collectObjects } from '../analysis/analyzer';
import { Finding, formatFinding, Severity } from '../analysis/finding';
import { schemaProblems } from '../analysis/schema';
import { IstioResource, toFinding } from '../istio/base';
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
 * Everything the checks found in an app, before anything is written.
 *
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export interface MeshReport {
  /** Findings that fail synthesis, sorted by path, code and field. */
  readonly errors: Finding[];
  /** Findings that are printed but do not fail synthesis. */
  readonly warnings: Finding[];
  /** Findings a user suppressed on a construct, with the reason. */
  readonly suppressed: Array<Finding & { readonly reason: string }>;
}

/**
 * The error a failed synthesis throws: every error finding, one per line.
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/
 */
export class MeshSynthError extends Error {
  constructor(public readonly report: MeshReport) {
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
    this.warningsAsErrors = props.warningsAsErrors ?? process.env.CDK8S_ISTIO_WARNINGS_AS_ERRORS === 'true';
    this.log = props.log ?? ((line) => process.stderr.write(line + '\n'));
  }

  /**
   * Runs every check and returns the findings, without writing anything.
   */
  public check(): MeshReport {
    const all: Finding[] = [];
    for (const c of this.node.findAll()) {
      if (IstioResource.isIstioResource(c)) {
        all.push(...c._findings());
      } else if (!(c instanceof App)) {
        for (const message of c.node.validate()) {
          all.push(toFinding(c.node.path, { code: 'CI0019', field: '(construct)', message, fix: 'see the message; it comes from cdk8s or cdk8s-plus' }));
        }
      }
    }

    // render each chart once; a chart that cannot render is one more finding, not a crash, so
    // that every other problem is still reported with it
    const rendered = new Map<Chart, AnalyzedObject[]>();
    for (const chart of this.charts) {
      try {
        rendered.set(chart, collectObjects(chart));
      } catch (e) {
        rendered.set(chart, []);
        all.push(toFinding(chart.node.path, { code: 'CI0019', field: '(render)', message: `the chart could not be rendered: ${(e as Error).message}`, fix: 'fix the errors reported with it; they usually cause this' }));
      }
    }
    for (const o of objectsForSchema([...rendered.values()].flat())) {
      all.push(...schemaProblems(o.manifest).map((p) => toFinding(o.path, p)));
    }

    // the base app alone, then each layer on top of the base (layers are alternatives)
    const layers = this.layers();
    const objectsOf = (charts: Chart[]) => charts.flatMap((chart) => rendered.get(chart) ?? []);
    const base = objectsOf(layers.get('') ?? []);
    const units: AnalyzedObject[][] = [base];
    for (const [layer, charts] of layers) {
      if (layer !== '') units.push([...base, ...objectsOf(charts)]);
    }
    const suppressed: Array<Finding & { reason: string }> = [];
    for (const unit of units) {
      const result = analyze(unit, { warningsAsErrors: this.warningsAsErrors });
      all.push(...result.findings);
      suppressed.push(...result.suppressed);
    }

    const findings = sortFindings(dedupe(all)).map((f) =>
      this.warningsAsErrors && f.severity === Severity.WARNING ? { ...f, severity: Severity.ERROR } : f);
    return {
      errors: findings.filter((f) => f.severity === Severity.ERROR),
      warnings: findings.filter((f) => f.severity === Severity.WARNING),
      suppressed: sortFindings(dedupe(suppressed)) as Array<Finding & { reason: string }>,
    };
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

function objectsForSchema(objects: AnalyzedObject[]): AnalyzedObject[] {
  return objects.filter((o) => typeof o.manifest?.apiVersion === 'string' && o.manifest.apiVersion.includes('istio.io/'));
}

function dedupe<T extends Finding>(findings: T[]): T[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.path}\0${f.code}\0${f.field}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortFindings<T extends Finding>(findings: T[]): T[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...findings].sort((a, b) => cmp(a.path, b.path) || cmp(a.code, b.code) || cmp(a.field, b.field) || cmp(a.message, b.message));
}

function summarize(app: MeshApp, docsByFile: Map<string, any[]>, report: MeshReport): string {
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

