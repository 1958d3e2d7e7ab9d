import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, dr, findingsOf } from '../../fixtures';

const host = 'mydbserver.prod.svc.cluster.local';
const client = { clientCertificate: '/etc/certs/myclientcert.pem', privateKey: '/etc/certs/client_private_key.pem' };
const atHost = (tls: Record<string, unknown>, extra: Record<string, unknown> = {}) => dr('db-tls', { host, trafficPolicy: { tls }, ...extra });
const atPort = (tls: Record<string, unknown>, extra: Record<string, unknown> = {}) => dr('db-tls', { host, trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls }] }, ...extra });
const selector = { workloadSelector: { matchLabels: { app: 'client' } } };

// as istioctl's destinationrule.CaCertificateAnalyzer (testdata/destinationrule-*.yaml)
describe('CI1044 NoServerCertificateVerification', () => {
  test.each<[string, AnalyzedObject]>([
    ['caCertificates at host level', atHost({ mode: 'SIMPLE', caCertificates: '/etc/certs/ca.pem' })],
    ['caCertificates at port level', atPort({ mode: 'MUTUAL', caCertificates: '/etc/certs/ca.pem', ...client })],
    ['a credentialName with a workloadSelector', atHost({ mode: 'SIMPLE', credentialName: 'db-credential' }, selector)],
    ['a credentialName with a workloadSelector, at port level', atPort({ mode: 'SIMPLE', credentialName: 'db-credential' }, selector)],
    ['ISTIO_MUTUAL and DISABLE', dr('db', { host, trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' }, portLevelSettings: [{ port: { number: 80 }, tls: { mode: 'DISABLE' } }] } })],
  ])('passes for %s', (_name, object) => {
    expect(findingsOf([object], 'CI1044')).toEqual([]);
  });

  test('fails (warning) for SIMPLE at host level, and says what the proxy verifies instead', () => {
    // WHEN
    const findings = findingsOf([atHost({ mode: 'SIMPLE', ...client })], 'CI1044');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([['default/DestinationRule/db-tls', 'spec.trafficPolicy.tls', Severity.WARNING]]);
    expect(findings[0].message).toBe(`DestinationRule 'default/db-tls' originates SIMPLE TLS to '${host}' without caCertificates: the proxy verifies the certificate only against its OS CA bundle `
      + "(Istio's default for an omitted caCertificates), so any publicly trusted certificate for the host is accepted, and a server with a private CA fails the handshake");
    expect(findings[0].fix).toBe("set spec.trafficPolicy.tls.caCertificates to the file of the CA that signs the server's certificate (mounted in the proxy)");
  });

  test('fails at port level, and for a credentialName without workloadSelector (it does not apply to sidecars)', () => {
    const findings = findingsOf([atPort({ mode: 'SIMPLE', credentialName: 'db-credential' })], 'CI1044');
    expect(findings.map((f) => f.field)).toEqual(['spec.trafficPolicy.portLevelSettings[0].tls']);
    expect(findings[0].message).toContain(`to '${host}' port 443 without caCertificates`);
    expect(findings[0].fix).toContain('or add spec.workloadSelector');
  });

  test('fails at both levels (MUTUAL at host, SIMPLE at port), once each', () => {
    const object = dr('db-mtls', { host, trafficPolicy: { tls: { mode: 'MUTUAL', ...client }, portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'SIMPLE', sni: 'db.example.com' } }] } });
    const findings = findingsOf([object], 'CI1044');
    expect(findings.map((f) => f.field)).toEqual(['spec.trafficPolicy.portLevelSettings[0].tls', 'spec.trafficPolicy.tls']);
    expect(findings[0].message).toMatch(/not the server's name \(sni is set and subjectAltNames is empty/);
  });

  test('says when insecureSkipVerify turns verification off', () => {
    expect(findingsOf([atHost({ mode: 'SIMPLE', insecureSkipVerify: true })], 'CI1044')[0].message).toMatch(/does not verify the server's certificate at all$/);
  });
});
