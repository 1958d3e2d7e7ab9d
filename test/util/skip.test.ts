/**
 * Without ../shared (a user's fresh clone), each suite that needs it is skipped with ONE short
 * line saying why, and its body (which would read the missing files) never runs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { sharedMissing } from './shared';
import { describeUnlessSkipped, setSkipLog } from './skip';
import { REPO_ROOT, SHARED_DIR } from './tree';

// GIVEN a suite whose files are missing, registered as a test file registers it
const lines: string[] = [];
let bodyRan = false;
const previous = setSkipLog((line) => lines.push(line));
describeUnlessSkipped(sharedMissing(['no/such/file.yaml', 'no/other.yaml']))('upstream documents', () => {
  bodyRan = true;
  fs.readFileSync(path.join(SHARED_DIR, 'no', 'such', 'file.yaml'));
});
setSkipLog(previous);

test('a skipped suite prints one line (file, suite, reason) and never runs its body', () => {
  expect(lines).toEqual([
    `skipped test/util/skip.test.ts (upstream documents): ../shared is absent (${path.relative(REPO_ROOT, path.join(SHARED_DIR, 'istio', '1.30.3', 'no', 'such', 'file.yaml'))} and 1 more not found)`,
  ]);
  expect(bodyRan).toBe(false);
});

test('a suite whose files exist is a plain describe', () => {
  expect(describeUnlessSkipped(undefined)).toBe(describe);
  expect(sharedMissing([path.join(REPO_ROOT, 'package.json')])).toBeUndefined();
});

/** Every test file under test/, relative to the repository. */
function testFiles(dir = path.join(REPO_ROOT, 'test')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return e.name.endsWith('.ts') ? [path.relative(REPO_ROOT, p)] : [];
  });
}

test('every suite that reads ../shared skips through these helpers: no console.warn (jest adds a code frame to each, and prints nothing for a file skipped whole), no hand-made skip', () => {
  const offenders = testFiles().filter((file) => {
    if (file === path.join('test', 'util', 'skip.ts') || file === path.join('test', 'util', 'skip.test.ts')) return false;
    const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
    return /console\.warn\(/.test(text) || /\?\s*(describe|test)\s*:\s*(describe|test)\.skip/.test(text);
  });
  expect(offenders).toEqual([]);
});
