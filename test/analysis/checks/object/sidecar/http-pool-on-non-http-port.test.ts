import { HttpPoolOnNonHttpPort } from '../../../../../lib/analysis/checks/object/sidecar/http-pool-on-non-http-port';
import { Severity } from '../../../../../lib/analysis/finding';
import { findings, sidecar, VERSIONS } from './helpers';

const pooled = (protocol: string | undefined, connectionPool: unknown = { http: { maxRetries: 1 } }) =>
  sidecar({ ingress: [{ port: { number: 9080, protocol, name: 'p' }, connectionPool }] });

describe('CI0510 HttpPoolOnNonHttpPort', () => {
  test.each(['HTTP', 'http2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY'])('accepts HTTP pool settings on %s', (protocol) => {
    expect(findings(HttpPoolOnNonHttpPort, pooled(protocol))).toEqual([]);
  });

  test('accepts TCP pool settings on a TCP port', () => {
    expect(findings(HttpPoolOnNonHttpPort, pooled('TCP', { tcp: { maxConnections: 1 } }))).toEqual([]);
  });

  test.each([['TCP'], ['HTTPS'], [undefined]])('warns for HTTP pool settings on protocol %s', (protocol) => {
    const [f, ...rest] = findings(HttpPoolOnNonHttpPort, pooled(protocol));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'CI0510', field: 'spec.ingress[0].connectionPool.http', severity: Severity.WARNING });
  });

  test.each(VERSIONS)('says only the tcp settings apply (%s)', (apiVersion) => {
    const [f] = findings(HttpPoolOnNonHttpPort, sidecar({ ingress: [{ port: { number: 5432, protocol: 'TCP' }, connectionPool: { http: { maxRetries: 1 } } }] }, apiVersion));
    expect(f.message).toBe('HTTP connection pool settings have no effect on port 5432 with protocol TCP; only the tcp settings apply');
    expect(f.fix).toBe('set port.protocol to HTTP (or HTTP2, GRPC) if the port carries HTTP, or remove connectionPool.http');
  });
});
