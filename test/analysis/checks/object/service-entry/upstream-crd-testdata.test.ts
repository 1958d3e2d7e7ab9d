import { SERVICE_ENTRY_CHECKS } from '../../../../../lib/analysis/checks/object/service-entry';
import { InvalidExportTo } from '../../../../../lib/analysis/checks/object/common/invalid-export-to';
import { InvalidWorkloadSelector } from '../../../../../lib/analysis/checks/object/common/invalid-workload-selector';
import { checkObjects } from '../../../../../lib/analysis/engine';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';
import { describeWithShared, readUpstream } from '../../../../util/shared';

const DIR = 'conformance/pkg/config/validation/testdata/crds';
const CHECKS = [...SERVICE_ENTRY_CHECKS, InvalidExportTo, InvalidWorkloadSelector];

/** `severity code field` of our checks' findings on one upstream document, without Istio's `_err` marker. */
function findingsOf(doc: any): string[] {
  const { _err, ...manifest } = doc;
  return checkObjects([ManifestObject.of(manifest)!], CHECKS).map((r) => `${r.finding.severity} ${r.finding.code} ${r.finding.field}`);
}

describeWithShared([`${DIR}/serviceentry-valid.yaml`, `${DIR}/serviceentry-invalid.yaml`])('Istio\'s ServiceEntry CRD test data', () => {
  test('the valid documents give no error (only the webhook\'s warnings)', () => {
    const byName = Object.fromEntries(readUpstream(`${DIR}/serviceentry-valid.yaml`).map((d) => [d.metadata.name, findingsOf(d)]));
    expect(byName).toEqual({
      'full': [],
      'static-endpoints': [],
      'empty-selector': ['warning CI0409 spec.workloadSelector', 'warning CI0024 spec.workloadSelector'],
      'partial-wildcard': ['warning CI0401 spec.hosts[0]'],
      'none-cidr': [],
    });
  });

  test('every invalid document is caught by the webhook\'s rules', () => {
    const byName = Object.fromEntries(readUpstream(`${DIR}/serviceentry-invalid.yaml`).map((d) => [d.metadata.name, findingsOf(d).filter((f) => f.startsWith('error'))]));
    expect(byName).toEqual({
      'no-spec': ['error CI0401 spec.hosts'],
      'missing-host': ['error CI0401 spec.hosts'],
      'bad-selector-value': ['error CI0024 spec.workloadSelector.labels.val'],
      'selector-and-endpoints': ['error CI0407 spec.workloadSelector', 'error CI0407 spec.endpoints'],
      'bad-host-wildcard': ['error CI0401 spec.hosts[0]'],
      'bad-cidr-resolution': ['error CI0402 spec.addresses[0]'],
      'duplicate-ports-name': ['error CI0404 spec.ports[1].name'],
      'duplicate-ports-number': ['error CI0404 spec.ports[1].number'],
      'bad-port': ['error CI0403 spec.ports[0].number'],
      'bad-port-target': ['error CI0403 spec.ports[0].targetPort'],
      'none-with-endpoints': ['error CI0407 spec.endpoints'],
      'dns-rr-with-multiple-endpoints': ['error CI0407 spec.endpoints'],
    });
  });
});
