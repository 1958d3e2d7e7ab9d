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
  /** Where the README is published, for links to its check table. */
  readonly readmeUri: string;
}

/**
 * The package's name, version and README address.
 *
 * @see https://docs.npmjs.com/cli/v10/configuring-npm/package-json
 */
export function packageInfo(): PackageInfo {
  let version = '0.0.0';
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'cdk8s-istio') {
        version = String(pkg.version);
        break;
      }
    } catch {
      // no package.json here: look further up
    }
    if (path.dirname(dir) === dir) break;
  }
  // the package's README as the npm registry publishes it (its headings are anchors)
  return { name: 'cdk8s-istio', version, readmeUri: 'https://www.npmjs.com/package/cdk8s-istio' };
}
