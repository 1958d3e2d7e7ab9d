import { WORKLOAD_ENTRY_CHECKS } from '../../../../../lib/analysis/checks/object/workload-entry';
import { checkObjects } from '../../../../../lib/analysis/engine';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';
import { describeWithShared, readUpstream } from '../../../../util/shared';

const DIR = 'conformance/pkg/config/validation/testdata/crds';

/** `severity code field` of our checks' findings on one upstream document, without Istio's `_err` marker. */
function findingsOf(doc: any): string[] {
  const { _err, ...manifest } = doc;
  return checkObjects([ManifestObject.of(manifest)!], WORKLOAD_ENTRY_CHECKS).map((r) => `${r.finding.severity} ${r.finding.code} ${r.finding.field}`);
}

const byName = (file: string) => Object.fromEntries(readUpstream(`${DIR}/${file}`).map((d) => [d.metadata.name, findingsOf(d)]));

describeWithShared([
  `${DIR}/workloadentry-valid.yaml`, `${DIR}/workloadentry-invalid.yaml`, `${DIR}/workloadgroup-valid.yaml`, `${DIR}/workloadgroup-invalid.yaml`,
])('Istio\'s WorkloadEntry and WorkloadGroup CRD test data', () => {
  test('the valid documents give no error (only the webhook\'s warning on an entry without address)', () => {
    expect(byName('workloadentry-valid.yaml')).toEqual({
      'full': [], 'missing-address-network-set': ['warning CI0601 spec.address'], 'uds-abstract': [], 'uds-path': [], 'fqdn': [],
    });
    expect(byName('workloadgroup-valid.yaml')).toEqual({ 'full': [], 'tcp-probe': [] });
  });

  test('every invalid document is caught by the webhook\'s rules', () => {
    expect(byName('workloadentry-invalid.yaml')).toEqual({
      'no-spec': ['error CI0601 spec.address'],
      'missing-address': ['error CI0601 spec.address'],
      'bad-uds-dir': ['error CI0601 spec.address'],
      'bad-uds-relative': ['error CI0601 spec.address'],
      'uds-with-ports': ['error CI0601 spec.ports'],
      'high-port': ['error CI0602 spec.ports.http'],
      'bad-port-name': ['error CI0602 spec.ports[\'@\']'],
    });
    expect(byName('workloadgroup-invalid.yaml')).toEqual({
      'no-spec': ['error CI0604 spec.template'],
      'tcp-probe-invalid': ['error CI0606 spec.probe.tcpSocket.port'],
      'http-probe-invalid': ['error CI0606 spec.probe.httpGet.httpHeaders[0].name'],
    });
  });
});
