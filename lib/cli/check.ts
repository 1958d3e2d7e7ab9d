import { runChecks } from '../analysis/engine';
import { readManifests } from '../analysis/sources/yaml';
import { CheckOptions, OutputFormat } from './args';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { CheckOutcome, summaryLine } from './outcome';

/**
 * Where a command reads and writes: standard output, standard error, and standard input (for
 * the path `-`).
 *
 * @see https://nodejs.org/api/process.html#processstdout
 */
export interface CommandIo {
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /**
   * Reads all of standard input.
   * @default - reads file descriptor 0
   */
  readonly stdin?: () => string;
}

const FORMATTERS: { readonly [format in OutputFormat]: (outcome: CheckOutcome) => string } = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
};

/**
 * `cdk8s-istio check`: reads the paths as kubectl would, runs every check (object and mesh
 * checks, with the external declarations), prints the findings in the chosen format on standard
 * output, the notes and a one-line summary on standard error, and returns the exit code: 1 when
 * there is an error (after `--warnings-as-errors`), else 0.
 *
 * @example
 * process.exitCode = checkCommand({ paths: ['dist/'], recursive: false, format: 'text', warningsAsErrors: false, namespace: 'default', external: {} }, io);
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function checkCommand(options: CheckOptions, io: CommandIo): number {
  const read = readManifests(options.paths, { recursive: options.recursive, defaultNamespace: options.namespace, stdin: io.stdin });
  const report = runChecks(read.objects, { inputFindings: read.findings, external: options.external, warningsAsErrors: options.warningsAsErrors });
  const outcome: CheckOutcome = { report, objects: read.objects.length, files: read.files.length, notes: read.notes };
  io.stdout(FORMATTERS[options.format](outcome));
  for (const note of read.notes) io.stderr(`note: ${note}\n`);
  io.stderr(`${summaryLine(outcome)}\n`);
  return report.errors.length > 0 ? 1 : 0;
}
