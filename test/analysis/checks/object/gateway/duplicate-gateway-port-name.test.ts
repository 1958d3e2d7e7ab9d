import { DuplicateGatewayPortName } from '../../../../../lib/analysis/checks/object/gateway/duplicate-gateway-port-name';
import { Severity } from '../../../../../lib/analysis/finding';
import { findings, manifest, server, VERSIONS } from './helpers';

const port = (number: number, name?: string) => server({ port: { number, name, protocol: 'HTTP' } });

describe('CI0305 DuplicateGatewayPortName', () => {
  test('accepts distinct port names, even on one port number', () => {
    expect(findings(DuplicateGatewayPortName, manifest('Gateway', { servers: [port(80, 'http'), port(80, 'http-2'), port(8080, 'Http')] }))).toEqual([]);
  });

  test('leaves missing names to CI0304', () => {
    expect(findings(DuplicateGatewayPortName, manifest('Gateway', { servers: [port(80), port(8080)] }))).toEqual([]);
  });

  test.each(VERSIONS)('fails for a repeated port name (%s)', (apiVersion) => {
    // GIVEN three servers, the second and third reusing the first one's port name
    const object = manifest('Gateway', { servers: [port(80, 'http'), port(8080, 'http'), port(9090, 'http')] }, { apiVersion });
    // WHEN
    const found = findings(DuplicateGatewayPortName, object);
    // THEN
    expect(found.map((f) => [f.field, f.severity])).toEqual([['spec.servers[1].port.name', Severity.ERROR], ['spec.servers[2].port.name', Severity.ERROR]]);
    expect(found[0].message).toBe("port name 'http' is already used by spec.servers[0]; port names must be unique in a Gateway");
    expect(found[0].fix).toBe("rename this server's port.name, e.g. 'http-8080'");
  });
});
