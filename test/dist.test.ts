import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readTree, REPO_ROOT } from './util/tree';

// CI fails when the committed dist/ is not exactly what `npm run synth` produces from the commit.
test('the committed dist/ equals a fresh `npm run synth`, byte for byte', () => {
  // GIVEN
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-check-'));
  const out = path.join(tmp, 'dist');
  try {
    // WHEN the documented synth path runs into a temp folder
    execFileSync(process.execPath, ['scripts/synth.mjs', '--outdir', out], { cwd: REPO_ROOT, stdio: 'pipe' });

    // THEN
    const fresh = readTree(out);
    const committed = readTree(path.join(REPO_ROOT, 'dist'));
    expect(Object.keys(fresh).length).toBeGreaterThan(0);
    expect(Object.keys(committed)).toEqual(Object.keys(fresh));
    for (const file of Object.keys(fresh)) {
      expect({ file, content: committed[file] }).toEqual({ file, content: fresh[file] });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}, 60_000);
