import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { describeUnlessSkipped, Suite } from './skip';
import { REPO_ROOT, SHARED_DIR } from './tree';

/** The Istio 1.30.3 reference folder in `../shared`. */
export const ISTIO_DIR = path.join(SHARED_DIR, 'istio', '1.30.3');

/**
 * Why a suite that reads `paths` (under `../shared/istio/1.30.3`, or absolute) cannot run, or
 * `undefined` when they all exist: a user's fresh clone has no `../shared`, CI does.
 */
export function sharedMissing(paths: readonly string[]): string | undefined {
  const missing = paths.map((p) => path.resolve(ISTIO_DIR, p)).filter((p) => !fs.existsSync(p));
  if (missing.length === 0) return undefined;
  const shown = missing.map((p) => path.relative(REPO_ROOT, p));
  return `../shared is absent (${shown[0]}${shown.length > 1 ? ` and ${shown.length - 1} more` : ''} not found)`;
}

/**
 * `describe` when every given file under `../shared/istio/1.30.3` exists; else a skipped suite
 * (its body never runs) and one printed line saying why.
 */
export function describeWithShared(files: readonly string[]): Suite {
  return describeUnlessSkipped(sharedMissing(files));
}

/** The YAML documents of a file under `../shared/istio/1.30.3`, without empty documents. */
export function readUpstream(file: string): any[] {
  return YAML.parseAllDocuments(fs.readFileSync(path.join(ISTIO_DIR, file), 'utf8'))
    .map((d) => d.toJS())
    .filter((d) => d && typeof d === 'object');
}
