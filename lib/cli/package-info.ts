import * as fs from 'fs';
import * as path from 'path';

/**
 * The name, version and documentation address of this package, read from its package.json
 * (found above this file whether it runs from the sources, the tsc build or a bundle).
 *
 * @see https://docs.npmjs.com/cli/v10/configuring-npm/package-json
 */
export interface PackageInfo {
  /** `cdk8s-istio`. */
  readonly name: string;
  /** The package version, e.g. `0.1.0`. */
  readonly version: string;
  /**
   * Where the README is published (package.json's `homepage`), for links to its check table.
   * @default - none: the package declares no homepage, and no link is made up
   */
  readonly readmeUri?: string;
}

/**
 * The package's name, version and README address.
 *
 * @see https://docs.npmjs.com/cli/v10/configuring-npm/package-json
 */
export function packageInfo(): PackageInfo {
  let version = '0.0.0';
  let homepage: string | undefined;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'cdk8s-istio') {
        version = String(pkg.version);
        homepage = typeof pkg.homepage === 'string' && /^https?:\/\//.test(pkg.homepage) ? pkg.homepage : undefined;
        break;
      }
    } catch {
      // no package.json here: look further up
    }
    if (path.dirname(dir) === dir) break;
  }
  // a link only where the package says its README is published (not yet: it is installed from a tarball)
  return { name: 'cdk8s-istio', version, ...(homepage ? { readmeUri: homepage } : {}) };
}
