import * as fs from 'fs';
import * as timers from 'timers';
import * as util from 'util';

/**
 * Set by `cdk8s-istio synth` for the app it runs (through the cdk8s CLI): the output folder it
 * keeps, which it replaces only when the whole synthesis succeeded.
 */
export const SAFE_SYNTH_ENV = 'CDK8S_ISTIO_SAFE_SYNTH';

/** Whether the cdk8s CLI runs this process: `cdk8s synth` sets this variable for every app it runs. */
function runByCdk8sCli(): boolean {
  return process.env.CDK8S_RECORD_CONSTRUCT_METADATA !== undefined;
}

/** A folder as messages name it: as given, with a trailing slash. */
export function folderName(dir: string): string {
  return dir.endsWith('/') ? dir : `${dir}/`;
}

/** Whether `dir` exists and holds at least one entry. */
export function hasContent(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/**
 * What a synthesis that failed before writing did to its output folder, true on every path:
 * run directly, by the cdk8s CLI (which empties the folder before it runs the app), or by
 * `cdk8s-istio synth` (which keeps the folder until the whole synthesis succeeded).
 *
 * @param outdir the folder the app writes to
 * @param hadContent whether it held files when the synthesis started
 */
export function outputStatement(outdir: string, hadContent: boolean): string {
  const kept = process.env[SAFE_SYNTH_ENV];
  if (kept) return `${folderName(kept)} was left as it was`;
  if (runByCdk8sCli()) {
    return `nothing was written to ${folderName(outdir)}, which the cdk8s CLI empties before it runs the app (\`npx cdk8s-istio synth\` keeps the last good output)`;
  }
  return hadContent ? `${folderName(outdir)} was left as it was` : `nothing was written to ${folderName(outdir)}`;
}

/** Errors thrown in this event-loop turn, with what each prints if it is left uncaught. */
const pending = new Map<unknown, () => string>();
let armed = false;

function onUncaught(e: unknown): void {
  const text = pending.get(e);
  disarm();
  if (process.listenerCount('uncaughtException') > 0) return; // someone else handles it
  fs.writeSync(2, text ? text() : `${util.inspect(e)}\n`);
  process.exit(1);
}

function disarm(): void {
  pending.clear();
  if (armed) process.removeListener('uncaughtException', onUncaught);
  armed = false;
}

/**
 * When `error` reaches the top level uncaught (the `app.synth()` at the end of main.ts), prints
 * `text()` on standard error instead of Node's report of an uncaught error (the source line,
 * the error with its stack, the Node version) and exits with code 1. A caller that catches the
 * error sees it as thrown; the hook (one listener, however many errors) is gone before the next
 * event-loop turn. It steps aside when anyone else listens for uncaught errors (a test runner,
 * the app itself). An unrelated error that arrives while it waits is printed as Node prints an
 * error, with exit code 1.
 */
export function printWhenUncaught(error: Error, text: () => string): void {
  pending.set(error, text);
  if (armed) return;
  armed = true;
  process.on('uncaughtException', onUncaught);
  // timers' own setImmediate: a test's fake timers must not keep the hook forever
  timers.setImmediate(disarm);
}
