import { ConflictingServerCredentials } from '../../../../../lib/analysis/checks/object/gateway/conflicting-server-credentials';
import { runChecks } from '../../../../../lib/analysis/engine';
import { findings, httpsServer, manifest, summary, VERSIONS } from './helpers';

const withTls = (tls: unknown) => manifest('Gateway', { servers: [httpsServer(tls)] });
const CERT = { serverCertificate: '/c', privateKey: '/k' };

describe('CI0309 ConflictingServerCredentials', () => {
  test.each([
    ['ISTIO_MUTUAL alone', { mode: 'ISTIO_MUTUAL' }],
    ['PASSTHROUGH alone', { mode: 'PASSTHROUGH' }],
    ['SIMPLE with a credentialName and a CA bundle', { mode: 'SIMPLE', credentialName: 'c', caCertificates: '/ca' }],
    ['MUTUAL with files and a CRL', { mode: 'MUTUAL', ...CERT, caCertificates: '/ca', caCrl: '/crl' }],
    ['MUTUAL with a credentialName and a CRL (Istio does not check that combination)', { mode: 'MUTUAL', credentialName: 'c', caCrl: '/crl' }],
  ])('accepts %s', (_, tls) => {
    expect(findings(ConflictingServerCredentials, withTls(tls))).toEqual([]);
  });

  test.each([
    ['ISTIO_MUTUAL with a credentialName and files', { mode: 'ISTIO_MUTUAL', credentialName: 'c', ...CERT },
      ['spec.servers[0].tls.serverCertificate error', 'spec.servers[0].tls.privateKey error', 'spec.servers[0].tls.credentialName error']],
    ['PASSTHROUGH with a credentialName (ignored)', { mode: 'PASSTHROUGH', credentialName: 'c' }, ['spec.servers[0].tls.mode warning']],
    ['no mode (PASSTHROUGH) with a CA bundle', { caCertificates: '/ca' }, ['spec.servers[0].tls.mode warning']],
    ['SIMPLE with a credentialName and files', { mode: 'SIMPLE', credentialName: 'c', ...CERT }, ['spec.servers[0].tls error']],
    ['MUTUAL with credentialNames and tlsCertificates', { mode: 'MUTUAL', credentialNames: ['a'], tlsCertificates: [CERT] }, ['spec.servers[0].tls error']],
    ['SIMPLE files with a CRL', { mode: 'SIMPLE', ...CERT, caCrl: '/crl' }, ['spec.servers[0].tls.caCrl error']],
    ['AUTO_PASSTHROUGH with a credentialName and a CRL', { mode: 'AUTO_PASSTHROUGH', credentialName: 'c', caCrl: '/crl' },
      ['spec.servers[0].tls.mode warning', 'spec.servers[0].tls.caCrl error']],
  ])('fails for %s', (_, tls, expected) => {
    expect(summary(ConflictingServerCredentials, withTls(tls))).toEqual(expected);
  });

  test.each(VERSIONS)('names every ignored certificate field in passthrough mode (%s)', (apiVersion) => {
    const object = manifest('Gateway', { servers: [httpsServer({ credentialName: 'c', caCertificates: '/ca' })] }, { apiVersion });
    const [f] = findings(ConflictingServerCredentials, object);
    expect(f.message).toBe('PASSTHROUGH mode (the default when mode is unset) does not use certificates; Istio ignores credentialName, caCertificates');
    expect(f.fix).toBe('remove credentialName, caCertificates, or set mode SIMPLE or MUTUAL to terminate TLS');
  });

  test('warns on the mode, so that the CRD\'s error on an ignored field still shows', () => {
    // GIVEN a PASSTHROUGH server with three credentialNames (the CRD allows at most two)
    const object = manifest('Gateway', { servers: [httpsServer({ mode: 'PASSTHROUGH', credentialNames: ['a', 'b', 'c'] })] });
    // WHEN every check runs
    const report = runChecks([object]);
    // THEN the schema error and the warning are both reported
    expect(report.errors.map((f) => `${f.code} ${f.field}`)).toEqual(['CI0016 spec.servers[0].tls.credentialNames']);
    expect(report.warnings.map((f) => `${f.code} ${f.field}`)).toEqual(['CI0309 spec.servers[0].tls.mode']);
  });
});
