/**
 * Istio's own Gateway documents through the CI03xx checks. Istio 1.30.3 has no
 * `gateway-valid.yaml` in its CRD validation test data, so the documents are the Bookinfo
 * sample's and those of the analyzer test data. The analyzer test data are not webhook-validated:
 * the few documents Istio's webhook would reject are pinned below with the rule they break; every
 * other document must give no finding at all.
 */
import * as fs from 'fs';
import * as path from 'path';
import { GATEWAY_CHECKS } from '../../../../../lib/analysis/checks/object/gateway';
import { checkObjects } from '../../../../../lib/analysis/engine';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';
import { describeWithShared, ISTIO_DIR, readUpstream } from '../../../../util/shared';

const ANALYZERS = 'conformance/pkg/config/analysis/analyzers/testdata';
const BOOKINFO = 'samples/bookinfo/networking/bookinfo-gateway.yaml';

function gatewayFindings(file: string): string[] {
  return readUpstream(file)
    .filter((d) => d.kind === 'Gateway' && String(d.apiVersion).startsWith('networking.istio.io/'))
    .flatMap((d) => {
      const object = ManifestObject.of(d)!;
      return checkObjects([object], GATEWAY_CHECKS).map((r) => `${path.basename(file)} ${object.name} ${r.finding.code} ${r.finding.severity} ${r.finding.field}`);
    });
}

describeWithShared([ANALYZERS, BOOKINFO])('Istio 1.30.3 Gateway documents', () => {
  test('the Bookinfo gateway passes every Gateway check', () => {
    expect(gatewayFindings(BOOKINFO)).toEqual([]);
  });

  test('the analyzer test data give findings only where Istio\'s webhook would reject them', () => {
    // GIVEN every Gateway of the analyzer test data
    const files = fs.readdirSync(path.join(ISTIO_DIR, ANALYZERS)).filter((f) => f.endsWith('.yaml')).sort();
    // WHEN
    const found = files.flatMap((f) => gatewayFindings(path.join(ANALYZERS, f)));
    // THEN
    expect(found).toEqual([
      // a server without port: "port is required"
      'conflicting-gateways-invalid-port.yaml beta CI0304 error spec.servers[0].port',
      'conflicting-gateways-invalid-port.yaml alpha CI0304 error spec.servers[0].port',
      // "port names in servers must be unique"
      'conflicting-gateways-multiple-ports.yaml beta CI0305 error spec.servers[1].port.name',
      'conflicting-gateways-multiple-ports.yaml alpha CI0305 error spec.servers[1].port.name',
      // "gateway must have at least one server"
      'gateway-no-workload.yaml httpbin-gateway CI0302 error spec.servers',
      // SIMPLE without credentialName: "SIMPLE TLS requires a server certificate" (and a private key)
      'gateway-secrets.yaml defaultgateway-nocredential CI0308 error spec.servers[0].tls.credentialName',
      'virtualservice_gateways.yaml httpbin-gateway CI0302 error spec.servers',
      'virtualservice_gateways.yaml crossnamespace-gw CI0302 error spec.servers',
      'virtualservice_host_not_found_gateway.yaml testing-gateway-01-test-04 CI0305 error spec.servers[1].port.name',
      'virtualservice_host_not_found_gateway_beta.yaml testing-gateway-01-test-04 CI0305 error spec.servers[1].port.name',
    ]);
  });
});
