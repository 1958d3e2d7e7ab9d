/**
 * Istio's own CRD test data for DestinationRule: the valid documents give no error from the
 * DestinationRule checks, and the invalid ones are each caught (by which check, on which field).
 */
import { DESTINATION_RULE_CHECKS } from '../../../../../lib/analysis/checks/object/destination-rule';
import { checkObjects } from '../../../../../lib/analysis/engine';
import { Severity } from '../../../../../lib/analysis/finding';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';
import { describeWithShared, readUpstream } from '../../../../util/shared';

const DIR = 'conformance/pkg/config/validation/testdata/crds';
const VALID = `${DIR}/destinationrule-valid.yaml`;
const INVALID = `${DIR}/destinationrule-invalid.yaml`;

/** The documents of a test-data file, without Istio's `_err` marker (not a field). */
function documents(file: string): Array<{ err?: string; object: ManifestObject }> {
  return readUpstream(file).map(({ _err, ...manifest }) => ({ err: _err, object: ManifestObject.of(manifest)! }));
}

function errorsOf(object: ManifestObject): string[] {
  return checkObjects([object], DESTINATION_RULE_CHECKS).map((r) => r.finding)
    .filter((f) => f.severity === Severity.ERROR).map((f) => `${f.code} ${f.field}`);
}

describeWithShared([VALID, INVALID])('Istio 1.30.3 DestinationRule CRD test data', () => {
  test('the valid documents give no error', () => {
    const docs = documents(VALID);
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.map((d) => errorsOf(d.object))).toEqual(docs.map(() => []));
  });

  test('every invalid document is caught on the field Istio names', () => {
    const docs = documents(INVALID);
    expect(docs.map((d) => ({ err: d.err, errors: errorsOf(d.object) }))).toEqual([
      { err: 'spec.trafficPolicy.loadBalancer.warmup.minimumPercent: Invalid value', errors: ['CI0210 spec.trafficPolicy.loadBalancer.warmup.minimumPercent'] },
      { err: 'spec.trafficPolicy.loadBalancer.warmup.duration: Required value', errors: ['CI0210 spec.trafficPolicy.loadBalancer.warmup.duration'] },
      { err: 'spec.trafficPolicy.loadBalancer.warmup.aggression: Invalid value', errors: ['CI0210 spec.trafficPolicy.loadBalancer.warmup.aggression'] },
    ]);
  });
});
