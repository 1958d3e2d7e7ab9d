import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { SHARED_DIR } from './tree';

/** The Istio 1.30.3 reference folder in `../shared`. */
export const ISTIO_DIR = path.join(SHARED_DIR, 'istio', '1.30.3');

/**
 * `describe` when every given file under `../shared/istio/1.30.3` exists, else `describe.skip`
 * with a printed reason: a user's fresh clone has no `../shared`, CI does.
 */
export function describeWithShared(files: string[]): jest.Describe {
  const missing = files.map((f) => path.join(ISTIO_DIR, f)).filter((p) => !fs.existsSync(p));
  if (missing.length > 0) {
    // eslint-disable-next-line no-console
    console.warn(`skipping upstream comparison: ../shared is absent (${missing.join(', ')} not found)`);
    return describe.skip;
  }
  return describe;
}

/** The YAML documents of a file under `../shared/istio/1.30.3`, without empty documents. */
export function readUpstream(file: string): any[] {
  return YAML.parseAllDocuments(fs.readFileSync(path.join(ISTIO_DIR, file), 'utf8'))
    .map((d) => d.toJS())
    .filter((d) => d && typeof d === 'object');
}
