import { InvalidSidecarIngressTls } from '../../../../../lib/analysis/checks/object/sidecar/invalid-sidecar-ingress-tls';
import { findings, sidecar, summary, VERSIONS } from './helpers';

const FILES = { serverCertificate: '/etc/certs/cert.pem', privateKey: '/etc/certs/key.pem' };
const tlsOn = (tls: Record<string, unknown>, protocol = 'HTTPS') => sidecar({ ingress: [{ port: { number: 9443, protocol, name: 'https' }, tls }] });

describe('CI0508 InvalidSidecarIngressTls', () => {
  test.each([
    ['SIMPLE with files on HTTPS', tlsOn({ mode: 'SIMPLE', ...FILES })],
    ['MUTUAL with files and a CA on TLS', tlsOn({ mode: 'MUTUAL', ...FILES, caCertificates: '/etc/certs/ca.pem' }, 'TLS')],
    ['no tls', sidecar({ ingress: [{ port: { number: 9080, protocol: 'HTTP' } }] })],
  ])('accepts %s', (_, object) => {
    expect(findings(InvalidSidecarIngressTls, object)).toEqual([]);
  });

  test.each([
    ['a credentialName', tlsOn({ mode: 'SIMPLE', credentialName: 'c' }), ['spec.ingress[0].tls.credentialName error']],
    ['subjectAltNames', tlsOn({ mode: 'MUTUAL', ...FILES, caCertificates: '/ca', subjectAltNames: ['a'] }), ['spec.ingress[0].tls.subjectAltNames error']],
    ['httpsRedirect', tlsOn({ mode: 'SIMPLE', ...FILES, httpsRedirect: true }), ['spec.ingress[0].tls.httpsRedirect error']],
    ['tlsCertificates', tlsOn({ mode: 'SIMPLE', tlsCertificates: [FILES] }), ['spec.ingress[0].tls.tlsCertificates error']],
    ['mode ISTIO_MUTUAL', tlsOn({ mode: 'ISTIO_MUTUAL' }), ['spec.ingress[0].tls.mode error']],
    ['mode AUTO_PASSTHROUGH', tlsOn({ mode: 'AUTO_PASSTHROUGH' }), ['spec.ingress[0].tls.mode error']],
    ['an HTTP port', tlsOn({ mode: 'SIMPLE', ...FILES }, 'HTTP'), ['spec.ingress[0].port.protocol error']],
    ['SIMPLE without files', tlsOn({ mode: 'SIMPLE' }), ['spec.ingress[0].tls.serverCertificate error', 'spec.ingress[0].tls.privateKey error']],
    ['MUTUAL without a CA', tlsOn({ mode: 'MUTUAL', ...FILES }), ['spec.ingress[0].tls.caCertificates error']],
    ['an unknown cipher suite (Istio warns)', tlsOn({ mode: 'SIMPLE', ...FILES, cipherSuites: ['RC4-MD5'] }), ['spec.ingress[0].tls.cipherSuites[0] warning']],
  ])('fails for %s', (_, object, expected) => {
    expect(summary(InvalidSidecarIngressTls, object)).toEqual(expected);
  });

  test.each(VERSIONS)('says a Sidecar uses certificate files instead of a credential (%s)', (apiVersion) => {
    const object = sidecar({ ingress: [{ port: { number: 9443, protocol: 'HTTPS' }, tls: { mode: 'SIMPLE', credentialName: 'c' } }] }, apiVersion);
    const [f] = findings(InvalidSidecarIngressTls, object);
    expect(f.message).toBe("credentialName is not supported in a Sidecar ingress listener's tls");
    expect(f.fix).toBe("remove it, and set serverCertificate and privateKey to certificate files mounted in the workload's proxy");
  });
});
