import { Testing } from 'cdk8s';
import { analyze, collectObjects } from '../../fixtures';
import { Severity } from '../../../../lib/analysis/finding';
import { networking } from '../../../../lib/istio/private/l1';
import { bookinfo, findingsOf, httpGateway, replace, vs } from '../../fixtures';

describe('CI1001 GatewayNotFound', () => {
  test('passes for a gateway in the VirtualService namespace, an ns/name reference and the implicit mesh', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      httpGateway('shared', ['*'], 'istio-system'),
      vs('both', { hosts: ['details'], gateways: ['istio-system/shared', 'mesh'], http: [{ route: [{ destination: { host: 'details' } }] }] }),
    ];
    // WHEN
    const findings = findingsOf(objects, 'CI1001');
    // THEN
    expect(findings).toEqual([]);
  });

  test('fails for a misspelled gateway name', () => {
    // GIVEN
    const objects = replace(bookinfo(), 'default/VirtualService/bookinfo', vs('bookinfo', {
      hosts: ['*'], gateways: ['bookinfo-gw'], http: [{ route: [{ destination: { host: 'productpage' } }] }],
    }));
    // WHEN
    const findings = findingsOf(objects, 'CI1001');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'CI1001', severity: Severity.ERROR, path: 'default/VirtualService/bookinfo', field: 'spec.gateways[0]', value: 'bookinfo-gw',
      counterpart: 'IST0101 ReferencedResourceNotFound / KIA1102',
    });
    expect(findings[0].message).toBe("gateway 'bookinfo-gw' (default/bookinfo-gw) is not in the app; gateways: default/bookinfo-gateway");
  });

  test('fails for a bare gateway name that lives in another namespace', () => {
    // GIVEN: a bare name is read in the VirtualService's namespace
    const objects = [
      ...bookinfo(),
      httpGateway('shared', ['*'], 'istio-system'),
      vs('details', { hosts: ['details.example.com'], gateways: ['shared'], http: [{ route: [{ destination: { host: 'details' } }] }] }),
    ];
    // WHEN
    const findings = findingsOf(objects, 'CI1001');
    // THEN
    expect(findings.map((f) => [f.path, f.field])).toEqual([['default/VirtualService/details', 'spec.gateways[0]']]);
    expect(findings[0].message).toMatch(/'shared' \(default\/shared\) is not in the app; gateways: default\/bookinfo-gateway, istio-system\/shared/);
    expect(findings[0].fix).toMatch(/'<namespace>\/<name>'/);
  });

  test('fails for a wrong namespace in an ns/name reference', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      vs('details', { hosts: ['details'], gateways: ['mesh', 'istio-system/bookinfo-gateway'], http: [{ route: [{ destination: { host: 'details' } }] }] }),
    ];
    // WHEN
    const findings = findingsOf(objects, 'CI1001');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value])).toEqual([['default/VirtualService/details', 'spec.gateways[1]', 'istio-system/bookinfo-gateway']]);
  });

  test('fails for an unknown gateway in an HTTP match', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      vs('details', { hosts: ['details'], http: [{ match: [{ gateways: ['egress'] }], route: [{ destination: { host: 'details' } }] }] }),
    ];
    // WHEN
    const findings = findingsOf(objects, 'CI1001');
    // THEN
    expect(findings.map((f) => f.field)).toEqual(['spec.http[0].match[0].gateways[0]']);
  });

  test('fails with the construct path of an imported L1 VirtualService in a chart', () => {
    // GIVEN
    const chart = Testing.chart();
    new networking.VirtualService(chart, 'ratings', { metadata: { name: 'ratings' }, spec: { hosts: ['ratings'], gateways: ['nowhere'], http: [{ route: [{ destination: { host: 'ratings' } }] }] } });
    // WHEN
    const findings = analyze(collectObjects(chart)).findings.filter((f) => f.code === 'CI1001');
    // THEN
    expect(findings.map((f) => [f.path, f.field])).toEqual([[`${chart.node.path}/ratings`, 'spec.gateways[0]']]);
  });
});
