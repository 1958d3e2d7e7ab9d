import * as fs from 'fs';
import * as path from 'path';

/** Every file under `dir` (relative path → content), or `{}` when `dir` does not exist. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p).split(path.sep).join('/')] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * `../shared` beside the repository (CI has it; a user's fresh clone does not).
 * `CDK8S_ISTIO_SHARED_DIR` points elsewhere: `CDK8S_ISTIO_SHARED_DIR=/nonexistent npx jest` runs
 * the tests as a fresh clone does.
 */
export const SHARED_DIR = process.env.CDK8S_ISTIO_SHARED_DIR ? path.resolve(process.env.CDK8S_ISTIO_SHARED_DIR) : path.resolve(REPO_ROOT, '..', 'shared');
