import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { swapIntoPlace } from '../synth/atomic-directory';
import { SAFE_SYNTH_ENV } from '../synth/private/failure';

/**
 * Where `cdk8s-istio synth` reads and writes: the project folder, its environment and its
 * standard streams.
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/
 */
export interface SynthIo {
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /**
   * The project folder (where cdk8s.yaml is).
   * @default - the current working directory
   */
  readonly cwd?: string;
  /**
   * The environment of the cdk8s CLI and of the app.
   * @default - this process's environment
   */
  readonly env?: NodeJS.ProcessEnv;
}

/** `--output X`, `--output=X`, `-o X` or `-o=X` of the cdk8s CLI: the value and the other arguments. */
function splitOutput(args: readonly string[]): { output?: string; rest: string[] } {
  const rest: string[] = [];
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = /^(?:--output|-o)=(.*)$/.exec(a);
    if (eq) output = eq[1];
    else if (a === '--output' || a === '-o') output = args[++i];
    else rest.push(a);
  }
  return { output, rest };
}

/** The output folder the cdk8s CLI would use: --output, else CDK8S_OUTPUT, else cdk8s.yaml's `output`, else dist. */
function keptFolder(output: string | undefined, cwd: string, env: NodeJS.ProcessEnv): string {
  if (output) return output;
  if (env.CDK8S_OUTPUT) return env.CDK8S_OUTPUT;
  try {
    const config = YAML.parse(fs.readFileSync(path.join(cwd, 'cdk8s.yaml'), 'utf8'));
    if (typeof config?.output === 'string' && config.output !== '') return config.output;
  } catch {
    // no cdk8s.yaml, or not YAML: the cdk8s CLI reports it itself
  }
  return 'dist';
}

/** The cdk8s CLI installed in the project (cdk8s-cli's bin/cdk8s), or `undefined`. */
function cdk8sCli(cwd: string): string | undefined {
  try {
    return path.join(path.dirname(require.resolve('cdk8s-cli/package.json', { paths: [cwd] })), 'bin', 'cdk8s');
  } catch {
    return undefined;
  }
}

/**
 * Passes `stream`'s text on line by line: every occurrence of the staging folder names the kept
 * folder instead (its files are there once the synthesis succeeded), and the cdk8s CLI's own
 * report of a failed app (`Error: command "..." returned a non-zero exit code 1` and its stack
 * trace) is left out: the app printed why it failed, and `cdk8s-istio synth` says what happened
 * to the output folder.
 */
function relay(stream: NodeJS.ReadableStream, write: (text: string) => void, rename: (line: string) => string): Promise<void> {
  let pending = '';
  let inCliError = false;
  const emit = (line: string) => {
    if (/^Error: command ".*returned a non-zero exit code \d+$/.test(line)) {
      inCliError = true;
      return;
    }
    if (inCliError && /^\s+at /.test(line)) return;
    inCliError = false;
    write(`${rename(line)}\n`);
  };
  return new Promise((resolve) => {
    stream.setEncoding?.('utf8');
    stream.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) emit(line);
    });
    stream.on('end', () => {
      if (pending !== '') emit(pending);
      resolve();
    });
  });
}

/**
 * `cdk8s-istio synth [cdk8s synth options]`: `cdk8s synth` that never loses the last good
 * output.
 *
 * The cdk8s CLI empties its output folder before it runs the app, so a failed `cdk8s synth`
 * (a failed check, a compile error, a validation plugin's failure) leaves it empty. This runs
 * the project's own cdk8s CLI with the same options but with a staging folder as its output
 * (a sibling of the output folder: `.dist.staging-<pid>`), and replaces the output folder with
 * it, atomically, only when the whole `cdk8s synth` succeeded; otherwise the output folder is
 * left as it was and the staging folder removed. The output folder is the one `cdk8s synth`
 * would use (`--output`, `CDK8S_OUTPUT`, `output` in cdk8s.yaml, else `dist`). With `--stdout`
 * nothing is written, so the CLI runs as it is.
 *
 * Returns the exit code: the cdk8s CLI's (0 when the output folder was replaced), or 2 when no
 * cdk8s CLI is installed in the project.
 *
 * @param args the options for `cdk8s synth`
 * @param io the project folder, the environment and the output streams
 * @example
 * // package.json of a cdk8s app: "synth": "cdk8s-istio synth"
 * const code = await synthCommand(process.argv.slice(3), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
 * @see https://cdk8s.io/docs/latest/cli/synth/
 */
export async function synthCommand(args: readonly string[], io: SynthIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const env = io.env ?? process.env;
  const cli = cdk8sCli(cwd);
  if (!cli) {
    io.stderr(`cdk8s-istio synth: the cdk8s CLI is not installed in ${cwd}; install it with npm install --save-dev cdk8s-cli\n`);
    return 2;
  }
  const toStdout = args.some((a) => a === '--stdout' || a === '-p' || a.startsWith('--stdout='));
  const { output, rest } = splitOutput(args);
  const kept = keptFolder(output, cwd, env);
  const staging = path.join(path.dirname(kept), `.${path.basename(kept)}.staging-${process.pid}`);
  const stagingAbs = path.resolve(cwd, staging);
  const keptAbs = path.resolve(cwd, kept);
  if (!toStdout) fs.rmSync(stagingAbs, { recursive: true, force: true });

  const child = spawn(process.execPath, [cli, 'synth', ...(toStdout ? args : [...rest, '--output', staging])], {
    cwd, env: toStdout ? env : { ...env, [SAFE_SYNTH_ENV]: kept }, stdio: ['inherit', 'pipe', 'pipe'],
  });
  const rename = (line: string) => (toStdout ? line : line.split(stagingAbs).join(keptAbs).split(staging).join(kept));
  const relayed = Promise.all([relay(child.stdout!, io.stdout, (l) => (toStdout ? l : rename(l))), relay(child.stderr!, io.stderr, rename)]);
  const code: number = await new Promise((resolve) => {
    child.once('error', (e) => {
      io.stderr(`cdk8s-istio synth: cannot run the cdk8s CLI: ${e.message}\n`);
      resolve(1);
    });
    child.once('close', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  await relayed;
  if (toStdout) return code;

  if (code === 0 && fs.existsSync(stagingAbs)) {
    swapIntoPlace(stagingAbs, keptAbs);
    return 0;
  }
  fs.rmSync(stagingAbs, { recursive: true, force: true });
  io.stderr(`cdk8s-istio synth: cdk8s synth failed (exit code ${code === 0 ? 1 : code}); ${kept.endsWith('/') ? kept : `${kept}/`} was left as it was\n`);
  return code === 0 ? 1 : code;
}
