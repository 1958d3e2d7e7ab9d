/**
 * Istio's own test data for its CRD rules (`pkg/config/validation/testdata/crds/`), read through
 * the `cdk8s-istio check` command's reader and run through every check: each invalid document of
 * the networking and security kinds must get at least one error, and each valid document none.
 * `_err` is Istio's marker of an invalid document (its expected message), not a field: it is
 * removed before the checks run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runChecks } from '../../lib/analysis/engine';
import { parseManifests } from '../../lib/analysis/sources/yaml';
import { describeWithShared, ISTIO_DIR } from '../util/shared';

const DIR = 'conformance/pkg/config/validation/testdata/crds';
/** The networking and security kinds' files (EnvoyFilter and ProxyConfig are networking too, and included). */
const FILES = ['authz', 'destinationrule', 'envoyfilter', 'peerauth', 'proxyconfig', 'reqauth', 'serviceentry', 'workloadentry', 'workloadgroup'];

interface Outcome { readonly file: string; readonly name: string; readonly expected: string; readonly errors: string[] }

/** Every document of `<kind>-<valid|invalid>.yaml`, without `_err`, through the reader and every check. */
function outcomes(kind: string, validity: 'valid' | 'invalid'): Outcome[] {
  const file = `${kind}-${validity}.yaml`;
  const text = fs.readFileSync(path.join(ISTIO_DIR, DIR, file), 'utf8');
  const out: Outcome[] = [];
  // each document as written (the reader must read it as kubectl does), without its `_err` line
  for (const written of text.split(/^---\s*$/m)) {
    const expected = /^_err:\s*(.*)$/m.exec(written)?.[1] ?? '';
    const { objects, findings } = parseManifests(written.replace(/^_err:.*$/m, ''), file);
    if (objects.length === 0 && findings.length === 0) continue; // a commented-out case
    const report = runChecks(objects, { inputFindings: findings });
    out.push({ file, name: objects[0]?.name ?? '(unreadable)', expected, errors: report.errors.map((f) => `${f.code} ${f.field}`) });
  }
  return out;
}

describeWithShared(FILES.flatMap((k) => [`${DIR}/${k}-valid.yaml`, `${DIR}/${k}-invalid.yaml`]))('Istio\'s CRD test data (networking and security kinds)', () => {
  const invalid = FILES.flatMap((k) => outcomes(k, 'invalid'));
  const valid = FILES.flatMap((k) => outcomes(k, 'valid'));

  test('every invalid document gets at least one error', () => {
    expect(invalid.filter((o) => o.errors.length === 0).map((o) => `${o.file} ${o.name}: ${o.expected}`)).toEqual([]);
  });

  test('no valid document gets an error', () => {
    expect(valid.filter((o) => o.errors.length > 0).map((o) => `${o.file} ${o.name}: ${o.errors.join(', ')}`)).toEqual([]);
  });

  test('the measured counts: 57 invalid documents (52 without EnvoyFilter and ProxyConfig) and 26 valid ones (20 without)', () => {
    const core = (o: Outcome) => !/^(envoyfilter|proxyconfig)-/.test(o.file);
    expect([invalid.length, invalid.filter(core).length, valid.length, valid.filter(core).length]).toEqual([57, 52, 26, 20]);
  });
});
