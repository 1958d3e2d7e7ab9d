/**
 * Istio's own Sidecar documents through the CI05xx checks. Istio 1.30.3 has no
 * `sidecar-valid.yaml` in its CRD validation test data, so the documents are those of the
 * analyzer test data, which are not webhook-validated: the ones Istio's webhook would reject are
 * pinned below with the rule they break; every other document must give no finding at all.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SIDECAR_CHECKS } from '../../../../../lib/analysis/checks/object/sidecar';
import { checkObjects } from '../../../../../lib/analysis/engine';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';
import { describeWithShared, ISTIO_DIR, readUpstream } from '../../../../util/shared';

const ANALYZERS = 'conformance/pkg/config/analysis/analyzers/testdata';

describeWithShared([ANALYZERS])('Istio 1.30.3 Sidecar documents', () => {
  test('the analyzer test data give findings only where Istio\'s webhook would reject them', () => {
    // GIVEN every Sidecar of the analyzer test data
    const files = fs.readdirSync(path.join(ISTIO_DIR, ANALYZERS)).filter((f) => f.endsWith('.yaml')).sort();
    const sidecars = files.flatMap((f) => readUpstream(path.join(ANALYZERS, f))
      .filter((d) => d.kind === 'Sidecar' && String(d.apiVersion).startsWith('networking.istio.io/'))
      .map((d) => ({ file: f, object: ManifestObject.of(d)! })));
    // WHEN
    const found = sidecars.flatMap(({ file, object }) =>
      checkObjects([object], SIDECAR_CHECKS).map((r) => `${file} ${object.qualifiedName} ${r.finding.code} ${r.finding.severity} ${r.finding.field}`));
    // THEN the test data hold Sidecars, and only the empty ones fail ("sidecar: empty configuration provided")
    expect(sidecars.length).toBeGreaterThan(5);
    expect(found).toEqual([
      'sidecar-default-selector.yaml ns-ambient/namespace-scoped CI0501 error spec',
      'sidecar-default-selector.yaml ns-ambient/pod-scoped CI0501 error spec',
      'sidecar-default-selector.yaml ns-not-ambient/namespace-not-ambient CI0501 error spec',
      'sidecar-default-selector.yaml ns-not-ambient-rev/namespace-not-ambient CI0501 error spec',
    ]);
  });
});
