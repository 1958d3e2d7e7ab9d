import * as fs from 'fs';
import { parseCommand, USAGE } from './args';
import { checkCommand, CommandIo } from './check';
import { packageInfo } from './package-info';
import { synthCommand } from './synth';

/**
 * The `cdk8s-istio` command line: parses `argv` (the arguments after the command name), runs the
 * command, and returns the exit code: 0 no errors, 1 errors found, 2 usage error (with the usage
 * line on standard error). Never throws: an unexpected failure is one line on standard error and
 * exit code 1, never a stack trace.
 *
 * @example
 * const code = main(['check', 'dist/', '--format', 'json'], { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
 * @see https://istio.io/latest/docs/ops/diagnostic-tools/istioctl-analyze/
 */
export function main(argv: readonly string[], io: CommandIo): number {
  const parsed = parseCommand(argv);
  switch (parsed.command) {
    case 'help':
      io.stdout(`${USAGE}\n`);
      return 0;
    case 'version':
      io.stdout(`${packageInfo().version}\n`);
      return 0;
    case 'usage-error':
      io.stderr(`cdk8s-istio: ${parsed.message}\n${USAGE.split('\n')[0]}\n(cdk8s-istio --help for the options)\n`);
      return 2;
    case 'synth':
      // asynchronous (it runs the cdk8s CLI): run() and synthCommand() run it
      io.stderr('cdk8s-istio: synth runs from the command line (run() or synthCommand())\n');
      return 2;
    case 'check':
      try {
        return checkCommand(parsed.options, io);
      } catch (e) {
        io.stderr(`cdk8s-istio: ${(e as Error)?.message ?? String(e)}; this is a bug in cdk8s-istio, please report it with the input\n`);
        return 1;
      }
  }
}

/**
 * Runs {@link main} on `process.argv` with the process's standard streams, and sets
 * `process.exitCode` (so that output piped to another program is flushed before exit). A closed
 * pipe (`cdk8s-istio check dist/ | head`) ends the output quietly; any other failure to write
 * makes the exit code 1.
 *
 * @see https://nodejs.org/api/process.html#processexitcode
 */
export function run(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') process.exitCode = 1;
    });
  }
  const argv = process.argv.slice(2);
  const parsed = parseCommand(argv);
  if (parsed.command === 'synth') {
    void synthCommand(parsed.args, { stdout: (text) => void process.stdout.write(text), stderr: (text) => void process.stderr.write(text) })
      .then((code) => { process.exitCode = code; }, (e) => {
        process.stderr.write(`cdk8s-istio synth: ${(e as Error)?.message ?? String(e)}; this is a bug in cdk8s-istio, please report it\n`);
        process.exitCode = 1;
      });
    return;
  }
  process.exitCode = main(argv, {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdin: () => fs.readFileSync(0, 'utf8'),
  });
}
