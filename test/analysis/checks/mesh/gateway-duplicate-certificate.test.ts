import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, findingsOf, gateway } from '../../fixtures';

const https = (host: string, tls: Record<string, unknown>) => ({ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: [host], tls: { mode: 'SIMPLE', ...tls } });
const gw = (name: string, selector: Record<string, string>, tls: Record<string, unknown>, ns = 'istio-system') => gateway(name, { selector, servers: [https(`${name}.example.com`, tls)] }, ns);
const ingress = { istio: 'ingressgateway' };
const internal = { istio: 'ingressgateway', type: 'internal' };

// as istioctl's gateway.CertificateAnalyzer (testdata/gateway-duplicate-certificate.yaml)
describe('CI1043 GatewayDuplicateCertificate', () => {
  test.each<[string, AnalyzedObject[]]>([
    ['different credentials', [gw('a', ingress, { credentialName: 'a-cert' }), gw('b', ingress, { credentialName: 'b-cert' })]],
    ['one Gateway with the credential twice', [gateway('a', { selector: ingress, servers: [https('a.example.com', { credentialName: 'c' }), https('b.example.com', { credentialName: 'c' })] })]],
    ['the same certificate file with different keys', [gw('a', ingress, { serverCertificate: '/c.pem', privateKey: '/a.key' }), gw('b', ingress, { serverCertificate: '/c.pem', privateKey: '/b.key' })]],
    ['plain HTTP servers', [gateway('a', { selector: ingress, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] }), gateway('b', { selector: ingress, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] })]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1043')).toEqual([]);
  });

  test('fails (warning) on both Gateways for one credential and one selector', () => {
    // WHEN
    const findings = findingsOf([gw('gateway-01', ingress, { credentialName: 'wildcard-cert' }), gw('gateway-02', ingress, { credentialName: 'wildcard-cert' })], 'CI1043');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.severity])).toEqual([
      ['istio-system/Gateway/gateway-01', 'spec.servers[0].tls', Severity.WARNING], ['istio-system/Gateway/gateway-02', 'spec.servers[0].tls', Severity.WARNING],
    ]);
    expect(findings[0].message).toBe("Gateway 'istio-system/gateway-01' (selector {istio=ingressgateway}) presents credentialName 'wildcard-cert', as Gateway 'istio-system/gateway-02' does on the same proxies: "
      + "clients that re-use an HTTP/2 connection for the other Gateway's hosts get 404s");
  });

  test('fails only on the Gateway whose selector is a subset of the other\'s, in any namespace (as istioctl)', () => {
    const objects = [gw('broad', ingress, { credentialName: 'c' }, 'default'), gw('narrow', internal, { credentialName: 'c' })];
    expect(findingsOf(objects, 'CI1043').map((f) => f.path)).toEqual(['default/Gateway/broad']);
  });

  test('fails for the same certificate and key files', () => {
    const files = { serverCertificate: '/etc/certs/tls.crt', privateKey: '/etc/certs/tls.key' };
    expect(findingsOf([gw('a', ingress, files), gw('b', ingress, files)], 'CI1043').map((f) => f.message)).toEqual([
      expect.stringContaining("presents serverCertificate '/etc/certs/tls.crt' with privateKey '/etc/certs/tls.key'"), expect.anything(),
    ]);
  });
});
