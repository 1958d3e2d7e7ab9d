import { App, Testing } from 'cdk8s';
import { AnalysisReport } from '../analysis/engine';
import { ExternalDeclarations, validExternal } from '../analysis/model/external';
import { isChecked, markChecked } from '../analysis/sources/construct-hooks';
import { MeshSynthError } from './mesh-app';
import { checkApp, printReport } from './private/check-app';
import { hasContent, outputStatement } from './private/failure';

/**
 * Options of {@link IstioChecks.enable}.
 *
 * @see https://cdk8s.io/docs/latest/basics/app/
 */
export interface IstioChecksOptions {
  /**
   * Treat warnings as errors: any unsuppressed warning fails synthesis.
   *
   * @default - true when the environment variable `CDK8S_ISTIO_WARNINGS_AS_ERRORS` is `true`, else false
   */
  readonly warningsAsErrors?: boolean;

  /**
   * What lives outside the app, declared so that the checks do not report it missing (see
   * `MeshAppProps.external`).
   *
   * @default - nothing outside the app is declared
   * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
   */
  readonly external?: ExternalDeclarations;

  /**
   * Where warnings and suppressed findings are printed, one a line.
   *
   * @default - lines are written to standard error
   */
  readonly log?: (line: string) => void;
}

/**
 * The cdk8s-istio checks on cdk8s's own `App`, with one line.
 *
 * After `IstioChecks.enable(app)`, `app.synth()`, `app.synthYaml()` and `Testing.synth(chart)`
 * run every check before anything is written, exactly as `MeshApp.check()` does for the same
 * app: the object checks of every rendered object, the mesh checks across all charts, every
 * construct's own validation, and suppressions. Warnings (and suppressed findings, with their
 * reasons) are printed; errors, and warnings under `warningsAsErrors`, fail the synthesis with a
 * {@link MeshSynthError} whose message is the findings, one a line. Left uncaught (the
 * `app.synth()` at the end of main.ts), it prints the findings, one a line, and a summary line
 * saying what happened to the output folder, and nothing else: no stack trace of cdk8s's
 * internals.
 *
 * It hooks into cdk8s's validation pass (the app's `node.addValidation`), which `App.synth()`
 * runs before it writes a file, and wraps the app's `synth` and `synthYaml` so that the checks
 * run once per synthesis (cdk8s validates the whole app again for each chart it writes). Unlike `MeshApp`, the output is cdk8s's own (one file per chart,
 * or whatever `yamlOutputType` says) and is not replaced atomically.
 *
 * @example
 * const app = new App();
 * IstioChecks.enable(app);
 * new MyChart(app, 'shop');
 * app.synth();   // fails on a subset no DestinationRule defines, and on everything Istio rejects
 * @see https://cdk8s.io/docs/latest/basics/app/
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export class IstioChecks {
  /**
   * Runs every check whenever `app` synthesizes (`synth()`, `synthYaml()`, `Testing.synth`).
   * Call it once per app, before or after the charts are added; a `MeshApp` runs the checks
   * already and refuses it.
   *
   * @param app the cdk8s app
   * @param options warnings as errors, and where warnings are printed
   * @example
   * IstioChecks.enable(app, { warningsAsErrors: true });
   */
  public static enable(app: App, options: IstioChecksOptions = {}): void {
    if (isChecked(app)) {
      throw new Error('IstioChecks.enable: this app already runs the checks (a MeshApp, or enable was called before); call it once, on a cdk8s App');
    }
    // the L2 constructs' own validations step back: the app's report holds their findings once
    const external = validExternal('IstioChecks.enable', options.external);
    markChecked(app);
    const warningsAsErrors = options.warningsAsErrors ?? process.env.CDK8S_ISTIO_WARNINGS_AS_ERRORS === 'true';
    const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));

    // cdk8s validates the whole app again for every chart it writes (Chart.toJson), so within one
    // app.synth() or app.synthYaml() the checks run at the first validation only.
    // app.synth() also records whether its output folder held files, for a true failure message
    let synthesis: { checked: boolean; hadContent?: boolean } | undefined;
    const wrappers = (['synth', 'synthYaml'] as const).map((method) => {
      const original = app[method] as (...args: unknown[]) => unknown;
      const wrapper = function (this: App, ...args: unknown[]) {
        const outer = synthesis === undefined;
        if (outer) synthesis = { checked: false, hadContent: method === 'synth' ? hasContent(app.outdir) : undefined };
        try {
          return original.apply(this, args);
        } finally {
          if (outer) synthesis = undefined;
        }
      };
      Object.defineProperty(app, method, { value: wrapper, writable: true, configurable: true });
      return wrapper;
    });
    const entryPoints = [Testing.synth, ...wrappers, App.prototype.synth, App.prototype.synthYaml, (App as any)._synthChart];

    let running = false;
    app.node.addValidation({
      validate: () => {
        // checkApp collects the app's other validations through app.node.validate(), which lands here again
        if (running || synthesis?.checked) return [];
        if (synthesis) synthesis.checked = true;
        running = true;
        let report: AnalysisReport;
        try {
          report = checkApp(app, { warningsAsErrors, external });
        } finally {
          running = false;
        }
        printReport(report, log);
        if (report.errors.length === 0) return [];
        // Thrown rather than returned: cdk8s would prefix each line with the app's path ('[]'),
        // repeat the cdk8s-plus validations the report already holds, and add its own stack.
        // The app is the first construct cdk8s validates, so nothing else has run yet.
        // app.synth() has created its output folder, and written nothing to it; synthYaml() and
        // Testing.synth() write no folder at all
        const output = synthesis?.hadContent !== undefined ? outputStatement(app.outdir, synthesis.hadContent) : undefined;
        throw new MeshSynthError(report, output)._throwable(entryPoints); // the cdk8s-istio checks failed: the findings are the message
      },
    });
  }

  private constructor() {}
}
