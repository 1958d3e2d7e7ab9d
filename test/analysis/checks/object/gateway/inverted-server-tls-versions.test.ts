import { InvertedServerTlsVersions } from '../../../../../lib/analysis/checks/object/gateway/inverted-server-tls-versions';
import { Severity } from '../../../../../lib/analysis/finding';
import { findings, httpsServer, manifest, VERSIONS } from './helpers';

const range = (minProtocolVersion?: string, maxProtocolVersion?: string) =>
  manifest('Gateway', { servers: [httpsServer({ mode: 'SIMPLE', credentialName: 'c', minProtocolVersion, maxProtocolVersion })] });

describe('CI0311 InvertedServerTlsVersions', () => {
  test.each([
    ['TLSV1_2', 'TLSV1_3'], ['TLSV1_2', 'TLSV1_2'], ['TLSV1_3', undefined], [undefined, 'TLSV1_0'], ['TLSV1_3', 'TLS_AUTO'], ['TLS_AUTO', 'TLSV1_0'],
  ])('accepts min %s max %s', (min, max) => {
    expect(findings(InvertedServerTlsVersions, range(min, max))).toEqual([]);
  });

  test.each(VERSIONS)('warns when min is above max, stricter than Istio (%s)', (apiVersion) => {
    const object = manifest('Gateway', { servers: [httpsServer({ mode: 'SIMPLE', credentialName: 'c', minProtocolVersion: 'TLSV1_3', maxProtocolVersion: 'TLSV1_2' })] }, { apiVersion });
    const [f, ...rest] = findings(InvertedServerTlsVersions, object);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'CI0311', field: 'spec.servers[0].tls.minProtocolVersion', value: 'TLSV1_3', severity: Severity.WARNING });
    expect(f.message).toMatch(/stricter than Istio, which accepts it\)$/);
  });
});
