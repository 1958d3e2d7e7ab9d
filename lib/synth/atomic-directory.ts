import * as fs from 'fs';
import * as path from 'path';

/**
 * Replaces the folder `outdir` with exactly `files` (relative path → content), so that a reader
 * sees either the old folder or the new one, never a half-written or emptied one.
 *
 * The files are written into a sibling temporary folder first; only when all are written is the
 * old folder renamed away and the new one renamed into place (renames on one file system are
 * atomic). If anything fails before the swap, `outdir` is left exactly as it was.
 *
 * @see https://cdk8s.io/docs/latest/cli/synth/
 */
export function replaceDirectory(outdir: string, files: ReadonlyMap<string, string>): void {
  const abs = path.resolve(outdir);
  const parent = path.dirname(abs);
  const base = path.basename(abs);
  fs.mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${base}.staging-${process.pid}`);
  const retired = path.join(parent, `.${base}.retired-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    fs.mkdirSync(staging, { recursive: true });
    for (const rel of [...files.keys()].sort()) {
      const target = path.join(staging, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, files.get(rel)!);
    }
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  const hadOld = fs.existsSync(abs);
  if (hadOld) fs.renameSync(abs, retired);
  try {
    fs.renameSync(staging, abs);
  } catch (e) {
    if (hadOld) fs.renameSync(retired, abs);
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  if (hadOld) fs.rmSync(retired, { recursive: true, force: true });
}
