import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readTree, REPO_ROOT } from './util/tree';

/** Runs the documented synth path (`npm run synth` runs exactly this script). */
function synth(outdir: string, env: Record<string, string> = {}, args: string[] = []) {
  return spawnSync(process.execPath, ['scripts/synth.mjs', '--outdir', outdir, ...args], {
    cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env },
  });
}

let tmp: string;
beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-script-')); });
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('fails a synth with errors: exit 1, every finding on stderr, and the previous output untouched', () => {
  // GIVEN a previous output
  const out = path.join(tmp, 'dist');
  fs.mkdirSync(path.join(out, 'scenarios', 'all-v1'), { recursive: true });
  fs.writeFileSync(path.join(out, '00-bookinfo-namespace.k8s.yaml'), 'previous\n');
  fs.writeFileSync(path.join(out, 'scenarios', 'all-v1', 'all-v1.k8s.yaml'), 'previous scenario\n');
  const before = readTree(out);

  // WHEN the app is synthesized into a namespace that is not a valid name
  const r = synth(out, { BOOKINFO_NAMESPACE: 'Book_Info' });

  // THEN
  expect(r.status).toBe(1);
  // the findings, one a line (suppressed ones with their reasons), then what happened to the output
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines.pop()).toBe(`synthesis failed with 2 error(s); ${out}/ was left as it was`);
  expect(lines.filter((l) => l.startsWith('error ')).map((l) => l.slice(0, 32))).toEqual(['error CI0019 [bookinfo-namespace', 'error CI0019 [bookinfo-workloads']);
  for (const l of lines) expect(l).toMatch(/^(error|suppressed) CI\d{4} \[[^\]]+\] .*(; fix: |\(reason: )/);
  expect(readTree(out)).toEqual(before);
  expect(fs.readdirSync(tmp)).toEqual(['dist']);
}, 60_000);

test('a revision renders istio.io/rev instead of istio-injection, and the summary is printed', () => {
  // WHEN
  const out = path.join(tmp, 'dist');
  const r = synth(out, { BOOKINFO_NAMESPACE: 'shop', BOOKINFO_REVISION: 'canary' });

  // THEN
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/synthesized 17 charts into 17 files/);
  expect(r.stderr).toMatch(/findings: 0 errors, 0 warnings, 3 suppressed/);
  const ns = readTree(out)['00-bookinfo-namespace.k8s.yaml'];
  expect(ns).toMatch(/name: shop/);
  expect(ns).toMatch(/istio.io\/rev: canary/);
  expect(ns).not.toMatch(/istio-injection/);
}, 60_000);
