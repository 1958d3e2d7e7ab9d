import { InvalidGatewayName } from '../../../../../lib/analysis/checks/object/gateway/invalid-gateway-name';
import { Severity } from '../../../../../lib/analysis/finding';
import { findings, manifest, server, VERSIONS } from './helpers';

describe('CI0301 InvalidGatewayName', () => {
  test.each(['bookinfo-gateway', 'gw', 'a'.repeat(63)])('accepts %s', (name) => {
    expect(findings(InvalidGatewayName, manifest('Gateway', { servers: [server()] }, { name }))).toEqual([]);
  });

  // names Kubernetes rejects (uppercase, underscores) are CI0001's, not reported twice
  test.each(['Bookinfo', 'book_info', ''])('leaves %j to CI0001', (name) => {
    expect(findings(InvalidGatewayName, manifest('Gateway', { servers: [server()] }, { name }))).toEqual([]);
  });

  test.each(VERSIONS)('fails for a dotted name in %s', (apiVersion) => {
    // GIVEN a Gateway named <name>.<namespace>, as old VirtualServices referred to gateways
    const object = manifest('Gateway', { servers: [server()] }, { name: 'bookinfo.shop', apiVersion });
    // WHEN
    const [f, ...rest] = findings(InvalidGatewayName, object);
    // THEN
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'CI0301', field: 'metadata.name', value: 'bookinfo.shop', severity: Severity.ERROR });
    expect(f.message).toBe("gateway name 'bookinfo.shop' must be a DNS-1123 label: no dots, at most 63 characters");
    expect(f.fix).toMatch(/^rename the Gateway without dots/);
  });
});
