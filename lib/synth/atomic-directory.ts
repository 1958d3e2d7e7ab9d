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
  replaceDirectoryWith(outdir, (staging) => {
    for (const rel of [...files.keys()].sort()) {
      const target = path.join(staging, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, files.get(rel)!);
    }
  });
}

/**
 * Replaces the folder `outdir` with what `write` writes into an empty staging folder (a sibling
 * of `outdir`, so that the final rename stays on one file system), atomically as
 * {@link replaceDirectory} does. If `write` throws, `outdir` is left exactly as it was and the
 * staging folder is removed.
 *
 * @param outdir the folder to replace
 * @param write writes the new content into the staging folder it is given
 * @see https://cdk8s.io/docs/latest/cli/synth/
 */
export function replaceDirectoryWith(outdir: string, write: (staging: string) => void): void {
  const abs = path.resolve(outdir);
  const parent = path.dirname(abs);
  const base = path.basename(abs);
  fs.mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${base}.staging-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    fs.mkdirSync(staging, { recursive: true });
    write(staging);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  swapIntoPlace(staging, abs);
}

/**
 * Renames the finished folder `staging` to `outdir`, replacing what was there: the old folder
 * is renamed away first and removed only after the new one is in place (and put back if the
 * rename fails).
 *
 * @param staging a complete folder, a sibling of `outdir`
 * @param outdir the folder it replaces
 * @see https://nodejs.org/api/fs.html#fsrenamesyncoldpath-newpath
 */
export function swapIntoPlace(staging: string, outdir: string): void {
  const abs = path.resolve(outdir);
  const retired = path.join(path.dirname(abs), `.${path.basename(abs)}.retired-${process.pid}`);
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
