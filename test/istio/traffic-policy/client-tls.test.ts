import { ClientTls, ClientTlsMode } from '../../../lib/istio/traffic-policy/client-tls';
import { TrafficPolicy } from '../../../lib/istio/traffic-policy/traffic-policy';
import { policyFindings } from './helpers';

const findingsOf = (tls: ClientTls) => policyFindings(TrafficPolicy.of({ tls }));

test('renders DISABLE and ISTIO_MUTUAL', () => {
  expect(ClientTls.disable()._toIstio()).toEqual({ mode: 'DISABLE' });
  expect(ClientTls.istioMutual()._toIstio()).toEqual({ mode: 'ISTIO_MUTUAL' });
  expect(ClientTls.istioMutual({ sni: 'reviews.default', subjectAltNames: ['spiffe://cluster.local/ns/default/sa/reviews'] })._toIstio())
    .toEqual({ mode: 'ISTIO_MUTUAL', sni: 'reviews.default', subjectAltNames: ['spiffe://cluster.local/ns/default/sa/reviews'] });
  expect(ClientTls.istioMutual().mode).toBe(ClientTlsMode.ISTIO_MUTUAL);
  expect(findingsOf(ClientTls.istioMutual())).toEqual([]);
  expect(findingsOf(ClientTls.disable())).toEqual([]);
});

test('renders SIMPLE with every option', () => {
  const tls = ClientTls.simple({ sni: 'api.example.com', credentialName: 'api-ca', subjectAltNames: ['api.example.com'] });
  expect(tls._toIstio()).toEqual({ mode: 'SIMPLE', sni: 'api.example.com', credentialName: 'api-ca', subjectAltNames: ['api.example.com'] });
  expect(ClientTls.simple({ caCertificates: '/etc/certs/ca.pem' })._toIstio()).toEqual({ mode: 'SIMPLE', caCertificates: '/etc/certs/ca.pem' });
  expect(ClientTls.simple({ insecureSkipVerify: true })._toIstio()).toEqual({ mode: 'SIMPLE', insecureSkipVerify: true });
  expect(ClientTls.simple()._toIstio()).toEqual({ mode: 'SIMPLE' });
  expect(findingsOf(tls)).toEqual([]);
});

test('renders MUTUAL from a credential or from files', () => {
  expect(ClientTls.mutual({ credentialName: 'client-credential' })._toIstio()).toEqual({ mode: 'MUTUAL', credentialName: 'client-credential' });
  const files = ClientTls.mutual({ clientCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem', sni: 'x.example.com' });
  expect(files._toIstio()).toEqual({ mode: 'MUTUAL', clientCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem', sni: 'x.example.com' });
  expect(findingsOf(files)).toEqual([]);
});

test('the subjectAltNames given are copied', () => {
  const sans = ['a.example.com'];
  const tls = ClientTls.simple({ subjectAltNames: sans });
  sans.push('b.example.com');
  expect(tls._toIstio().subjectAltNames).toEqual(['a.example.com']);
});

test('options left out by plain JavaScript render the mode alone', () => {
  expect(ClientTls.mutual(undefined as any)._toIstio()).toEqual({ mode: 'MUTUAL' });
  expect(ClientTls.simple(null as any)._toIstio()).toEqual({ mode: 'SIMPLE' });
});

test('fails (CI0213) on MUTUAL without credentialName or certificate files', () => {
  expect(findingsOf(ClientTls.mutual({})).map((f) => [f.code, f.field])).toEqual([['CI0213', 'tls.clientCertificate'], ['CI0213', 'tls.privateKey']]);
  expect(findingsOf(ClientTls.mutual({ clientCertificate: '/c.pem' })).map((f) => [f.code, f.field])).toEqual([['CI0213', 'tls.privateKey']]);
});

test('fails (CI0213) on MUTUAL with both credentialName and certificate files', () => {
  const [f] = findingsOf(ClientTls.mutual({ credentialName: 'cred', clientCertificate: '/c.pem', privateKey: '/k.pem' }));
  expect(f).toMatchObject({ code: 'CI0213', field: 'tls.credentialName', value: 'cred' });
  expect(f.message).toMatch(/clientCertificate, privateKey/);
});

test('fails (CI0213) on insecureSkipVerify with CA certificates or subjectAltNames', () => {
  expect(findingsOf(ClientTls.simple({ insecureSkipVerify: true, credentialName: 'ca', subjectAltNames: ['a'] }))[0])
    .toMatchObject({ code: 'CI0213', field: 'tls.insecureSkipVerify', message: expect.stringMatching(/credentialName, subjectAltNames in SIMPLE/) });
  expect(findingsOf(ClientTls.mutual({ credentialName: 'c', insecureSkipVerify: true, caCertificates: '/ca.pem' })).map((f) => f.field))
    .toEqual(['tls.insecureSkipVerify', 'tls.credentialName']);
  // a MUTUAL credential may hold the CA, so credentialName alone is fine with insecureSkipVerify
  expect(findingsOf(ClientTls.mutual({ credentialName: 'c', insecureSkipVerify: true }))).toEqual([]);
});
