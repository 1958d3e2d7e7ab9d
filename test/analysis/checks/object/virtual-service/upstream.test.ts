/**
 * The VirtualService checks over Istio 1.30.3's own VirtualService documents in ../shared. Istio
 * 1.30.3 has no virtualservice-valid.yaml / -invalid.yaml in its CRD test data, so these are the
 * Bookinfo sample and the `istioctl analyze` test data: each error must be one Istio's webhook
 * also reports (the reason is written next to it), and the webhook warnings about unused matches
 * must land on the VirtualServices Istio's analyzer test expects them on.
 */
import { checkObjects } from '../../../../../lib/analysis/engine';
import { Severity } from '../../../../../lib/analysis/finding';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';
import { VIRTUAL_SERVICE_CHECKS } from '../../../../../lib/analysis/checks/object/virtual-service';
import { describeWithShared, readUpstream } from '../../../../util/shared';

const ANALYZERS = 'conformance/pkg/config/analysis/analyzers/testdata';
const FILES = [
  'samples/bookinfo/networking/bookinfo-gateway.yaml',
  ...['deprecation', 'virtualservice_conflictingmeshgatewayhosts', 'virtualservice_conflictingmeshgatewayhosts_with_exportto', 'virtualservice_destinationhosts',
    'virtualservice_destinationrules', 'virtualservice_dupmatches', 'virtualservice_gateways', 'virtualservice_host_not_found_gateway',
    'virtualservice_host_not_found_gateway_beta', 'virtualservice_host_not_found_gateway_with_ns_prefix', 'virtualservice_host_not_found_gateway_with_ns_prefix_beta',
    'virtualservice_internal_gateway_ref', 'virtualservice_jwtclaimroute', 'virtualservice_overlappingmatches', 'virtualservice_route_rule_no_effects_ingress',
  ].map((f) => `${ANALYZERS}/${f}.yaml`),
];

/** The errors on Istio's documents, by `file name code field`: each is one Istio's webhook reports too. */
const EXPECTED_ERRORS = [
  // "delegate with no destination" style: a route entry {} ("destination is required"), and so "total destination weight = 0"
  'virtualservice_destinationhosts.yaml reviews-bogushost CI0125 spec.http[0].route[0].destination',
  'virtualservice_destinationhosts.yaml reviews-bogushost CI0126 spec.http[0].route',
  // a fault without route: "HTTP route, redirect or direct_response is required"
  'deprecation.yaml productpage CI0108 spec.http[0]',
  // analyzer data without routes: "http, tcp or tls must be provided in virtual service"
  'virtualservice_gateways.yaml httpbin CI0103 spec.http',
  'virtualservice_gateways.yaml httpbin-bogus CI0103 spec.http',
  'virtualservice_gateways.yaml httpbin-mesh CI0103 spec.http',
  'virtualservice_gateways.yaml cross-test CI0103 spec.http',
  // "wildcard host * is not allowed for virtual services bound to the mesh gateway"
  'virtualservice_gateways.yaml httpbin-mesh CI0101 spec.hosts[0]',
  // the internal name of a generated gateway: "invalid value for gateway name" without Istio's internal annotation
  'virtualservice_internal_gateway_ref.yaml httpbin CI0105 spec.gateways[0]',
].sort();

/** The VirtualServices Istio's analyzer test expects IST0130/IST0131 on (the HTTP route after a route without matches is CI1008's). */
const EXPECTED_UNUSED_MATCHES = ['almost-duplicate-match', 'almost-duplicate-tcp-match', 'duplicate-empty-tcp', 'duplicate-match', 'duplicate-tcp-match',
  'non-method-get', 'overlapping-in-single-match', 'overlapping-in-two-matches', 'overlapping-mathes-with-different-methods', 'tls-routing', 'tls-routing-almostmatch'];

describeWithShared(FILES)('VirtualService checks over Istio 1.30.3\'s VirtualService documents', () => {
  const findings = FILES.flatMap((file) => readUpstream(file)
    .filter((d) => d.kind === 'VirtualService')
    .flatMap((d) => checkObjects([ManifestObject.of(d)!], VIRTUAL_SERVICE_CHECKS).map((r) => ({ file: file.split('/').pop(), name: d.metadata.name, ...r.finding }))));

  test('the documents hold the VirtualServices this test is about', () => {
    expect(FILES.flatMap((f) => readUpstream(f)).filter((d) => d.kind === 'VirtualService').length).toBeGreaterThan(40);
  });

  test('every error is one Istio\'s webhook reports too', () => {
    const errors = findings.filter((f) => f.severity === Severity.ERROR).map((f) => `${f.file} ${f.name} ${f.code} ${f.field}`);
    expect(errors.sort()).toEqual(EXPECTED_ERRORS);
  });

  test('the unused-match warnings are where Istio\'s analyzer test expects them, and nothing else warns', () => {
    const warnings = findings.filter((f) => f.severity === Severity.WARNING);
    expect(warnings.filter((f) => f.code !== 'CI0132').map((f) => `${f.name} ${f.code} ${f.field}`)).toEqual([
      // a delay without fixedDelay: stricter than Istio (nothing is delayed)
      'productpage CI0119 spec.http[0].fault.delay.fixedDelay',
    ]);
    expect([...new Set(warnings.filter((f) => f.code === 'CI0132').map((f) => f.name))].sort()).toEqual(EXPECTED_UNUSED_MATCHES);
  });
});
