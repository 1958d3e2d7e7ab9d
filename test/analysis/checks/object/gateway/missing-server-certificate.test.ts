import { MissingServerCertificate } from '../../../../../lib/analysis/checks/object/gateway/missing-server-certificate';
import { findings, httpsServer, manifest, summary, VERSIONS } from './helpers';

const withTls = (tls: unknown) => manifest('Gateway', { servers: [httpsServer(tls)] });
const CERT = { serverCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem' };

describe('CI0308 MissingServerCertificate', () => {
  test.each([
    ['SIMPLE with a credentialName', { mode: 'SIMPLE', credentialName: 'c' }],
    ['SIMPLE with credentialNames', { mode: 'SIMPLE', credentialNames: ['rsa', 'ecdsa'] }],
    ['SIMPLE with files', { mode: 'SIMPLE', ...CERT }],
    ['SIMPLE with tlsCertificates', { mode: 'SIMPLE', tlsCertificates: [CERT] }],
    ['MUTUAL with a credentialName (the Secret holds ca.crt)', { mode: 'MUTUAL', credentialName: 'c' }],
    ['MUTUAL with files', { mode: 'MUTUAL', ...CERT, caCertificates: '/etc/certs/ca.pem' }],
    ['OPTIONAL_MUTUAL with tlsCertificates and a CA', { mode: 'OPTIONAL_MUTUAL', tlsCertificates: [CERT], caCertificates: '/ca' }],
    ['PASSTHROUGH', { mode: 'PASSTHROUGH' }],
    ['ISTIO_MUTUAL', { mode: 'ISTIO_MUTUAL' }],
  ])('accepts %s', (_, tls) => {
    expect(findings(MissingServerCertificate, withTls(tls))).toEqual([]);
  });

  test.each([
    ['SIMPLE without anything', { mode: 'SIMPLE' }, ['spec.servers[0].tls.credentialName error']],
    ['SIMPLE with an empty credentialName', { mode: 'SIMPLE', credentialName: '' }, ['spec.servers[0].tls.credentialName error']],
    ['MUTUAL without anything', { mode: 'MUTUAL' }, ['spec.servers[0].tls.credentialName error']],
    ['SIMPLE without a private key', { mode: 'SIMPLE', serverCertificate: '/c' }, ['spec.servers[0].tls.privateKey error']],
    ['MUTUAL without a CA bundle', { mode: 'MUTUAL', ...CERT }, ['spec.servers[0].tls.caCertificates error']],
    ['MUTUAL with only a CA bundle', { mode: 'MUTUAL', caCertificates: '/ca' },
      ['spec.servers[0].tls.serverCertificate error', 'spec.servers[0].tls.privateKey error']],
    ['MUTUAL with tlsCertificates and no CA bundle', { mode: 'MUTUAL', tlsCertificates: [CERT] }, ['spec.servers[0].tls.caCertificates error']],
    ['a tlsCertificates entry without a certificate', { mode: 'SIMPLE', tlsCertificates: [CERT, { privateKey: '/k2' }] },
      ['spec.servers[0].tls.tlsCertificates[1].serverCertificate error']],
    ['three tlsCertificates', { mode: 'SIMPLE', tlsCertificates: [CERT, CERT, CERT] }, ['spec.servers[0].tls.tlsCertificates error']],
  ])('fails for %s', (_, tls, expected) => {
    expect(summary(MissingServerCertificate, withTls(tls))).toEqual(expected);
  });

  test.each(VERSIONS)('a MUTUAL server without a certificate says what to set (%s)', (apiVersion) => {
    // GIVEN a MUTUAL server with neither a credentialName nor certificate files, as users report
    const object = manifest('Gateway', { servers: [httpsServer({ mode: 'MUTUAL' })] }, { apiVersion });
    // WHEN
    const [f] = findings(MissingServerCertificate, object);
    // THEN
    expect(f.message).toBe('MUTUAL tls has no server certificate: neither credentialName nor serverCertificate and privateKey and caCertificates is set');
    expect(f.fix).toBe("set credentialName to a Secret in the gateway's namespace holding tls.crt and tls.key (and ca.crt), "
      + 'or set serverCertificate and privateKey and caCertificates to files mounted in the proxy');
  });
});
