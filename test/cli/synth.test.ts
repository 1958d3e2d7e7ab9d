/**
 * `cdk8s-istio synth` without a cdk8s CLI in the project; the rest (a real cdk8s synth that
 * succeeds, fails, and keeps the output) runs in test/consumer/packed-package.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { synthCommand } from '../../lib/cli/synth';

test('fails with exit code 2 and one line when the project has no cdk8s CLI, and touches nothing', async () => {
  // GIVEN a project folder with a previous output and no node_modules
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-no-cli-'));
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.writeFileSync(path.join(dir, 'dist', 'app.k8s.yaml'), 'previous\n');
  const out: string[] = [];
  const err: string[] = [];
  try {
    // WHEN
    const code = await synthCommand([], { cwd: dir, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    // THEN
    expect({ code, out, err }).toEqual({ code: 2, out: [], err: [`cdk8s-istio synth: the cdk8s CLI is not installed in ${dir}; install it with npm install --save-dev cdk8s-cli\n`] });
    expect(fs.readdirSync(dir)).toEqual(['dist']);
    expect(fs.readFileSync(path.join(dir, 'dist', 'app.k8s.yaml'), 'utf8')).toBe('previous\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
