import * as path from 'path';
import { REPO_ROOT } from './tree';

/** A `describe` as the suites that may be skipped use it. */
export type Suite = (name: string, body: () => void) => void;

/** Where skip lines go (standard error; a test of this helper captures them). */
export let skipLog = (line: string): void => void process.stderr.write(`${line}\n`);

/** Replaces where skip lines go, for a test of this helper; returns the previous one. */
export function setSkipLog(log: (line: string) => void): (line: string) => void {
  const previous = skipLog;
  skipLog = log;
  return previous;
}

/**
 * `describe` when `reason` is undefined. Otherwise a skipped suite whose body never runs (it may
 * read the files that are missing), and ONE short line on standard error: the test file, the
 * suite and the reason. Written to the stream directly, not with console.warn (jest prints no
 * console output for a file whose tests are all skipped, and a code frame for every call).
 */
export function describeUnlessSkipped(reason: string | undefined): Suite {
  if (reason === undefined) return describe;
  return (name, _body) => {
    const file = path.relative(REPO_ROOT, String(expect.getState().testPath ?? '(unknown test file)'));
    skipLog(`skipped ${file} (${name}): ${reason}`);
    describe.skip(name, () => test.skip(reason, () => undefined));
  };
}
