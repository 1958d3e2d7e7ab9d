import { InvalidServerCipherSuites } from '../../../../../lib/analysis/checks/object/gateway/invalid-server-cipher-suites';
import { findings, httpsServer, manifest, summary, VERSIONS } from './helpers';

const withTls = (tls: Record<string, unknown>) => manifest('Gateway', { servers: [httpsServer({ mode: 'SIMPLE', credentialName: 'c', ...tls })] });

describe('CI0310 InvalidServerCipherSuites', () => {
  test.each([
    ['no cipher suites', {}],
    ['known suites', { cipherSuites: ['ECDHE-ECDSA-AES128-GCM-SHA256', 'AES256-SHA'] }],
    ['ALL and operator expressions', { cipherSuites: ['ALL', '-AES128-SHA', '!DES-CBC3-SHA', '[ECDHE-ECDSA-AES128-GCM-SHA256|ECDHE-ECDSA-CHACHA20-POLY1305]'] }],
    ['TLS 1.1 with suites', { minProtocolVersion: 'TLSV1_1', cipherSuites: ['ECDHE-RSA-AES128-SHA'] }],
    ['TLS 1.2', { minProtocolVersion: 'TLSV1_2' }],
  ])('accepts %s', (_, tls) => {
    expect(findings(InvalidServerCipherSuites, withTls(tls))).toEqual([]);
  });

  test.each([
    ['TLS 1.0 without suites', { minProtocolVersion: 'TLSV1_0' }, ['spec.servers[0].tls.cipherSuites warning']],
    ['an unknown suite', { cipherSuites: ['AES128-SHA', 'TLS_AES_128_GCM_SHA256'] }, ['spec.servers[0].tls.cipherSuites[1] warning']],
    ['a duplicate suite', { cipherSuites: ['AES128-SHA', 'AES256-SHA', 'AES128-SHA'] }, ['spec.servers[0].tls.cipherSuites[2] warning']],
  ])('warns for %s', (_, tls, expected) => {
    expect(summary(InvalidServerCipherSuites, withTls(tls))).toEqual(expected);
  });

  test.each(VERSIONS)('names the suite Envoy ignores (%s)', (apiVersion) => {
    const object = manifest('Gateway', { servers: [httpsServer({ mode: 'SIMPLE', credentialName: 'c', cipherSuites: ['RC4-MD5'] })] }, { apiVersion });
    const [f] = findings(InvalidServerCipherSuites, object);
    expect(f.message).toMatch(/^cipher suite 'RC4-MD5' is not one Envoy supports, so Istio ignores it; supported: ECDHE-ECDSA-AES128-GCM-SHA256, /);
    expect(f.fix).toBe('use an OpenSSL-style cipher suite name from the supported list, or remove it');
  });
});
