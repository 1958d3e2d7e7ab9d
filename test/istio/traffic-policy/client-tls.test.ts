import { ProblemCollector } from '../../../lib/analysis/finding';
import { ClientTls, ClientTlsMode } from '../../../lib/istio/traffic-policy/client-tls';

function problemsOf(tls: ClientTls) {
  const c = new ProblemCollector('tls');
  tls._validate(c);
  return c.problems;
}

test('renders DISABLE and ISTIO_MUTUAL', () => {
  expect(ClientTls.disable()._toIstio()).toEqual({ mode: 'DISABLE' });
  expect(ClientTls.istioMutual()._toIstio()).toEqual({ mode: 'ISTIO_MUTUAL' });
  expect(ClientTls.istioMutual({ sni: 'reviews.default', subjectAltNames: ['spiffe://cluster.local/ns/default/sa/reviews'] })._toIstio())
    .toEqual({ mode: 'ISTIO_MUTUAL', sni: 'reviews.default', subjectAltNames: ['spiffe://cluster.local/ns/default/sa/reviews'] });
  expect(ClientTls.istioMutual().mode).toBe(ClientTlsMode.ISTIO_MUTUAL);
  expect(problemsOf(ClientTls.istioMutual())).toEqual([]);
  expect(problemsOf(ClientTls.disable())).toEqual([]);
});

test('renders SIMPLE with every option', () => {
  const tls = ClientTls.simple({ sni: 'api.example.com', credentialName: 'api-ca', subjectAltNames: ['api.example.com'] });
  expect(tls._toIstio()).toEqual({ mode: 'SIMPLE', sni: 'api.example.com', credentialName: 'api-ca', subjectAltNames: ['api.example.com'] });
  expect(ClientTls.simple({ caCertificates: '/etc/certs/ca.pem' })._toIstio()).toEqual({ mode: 'SIMPLE', caCertificates: '/etc/certs/ca.pem' });
  expect(ClientTls.simple({ insecureSkipVerify: true })._toIstio()).toEqual({ mode: 'SIMPLE', insecureSkipVerify: true });
  expect(ClientTls.simple()._toIstio()).toEqual({ mode: 'SIMPLE' });
  expect(problemsOf(tls)).toEqual([]);
});

test('renders MUTUAL from a credential or from files', () => {
  expect(ClientTls.mutual({ credentialName: 'client-credential' })._toIstio()).toEqual({ mode: 'MUTUAL', credentialName: 'client-credential' });
  const files = ClientTls.mutual({ clientCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem', sni: 'x.example.com' });
  expect(files._toIstio()).toEqual({ mode: 'MUTUAL', clientCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem', sni: 'x.example.com' });
  expect(problemsOf(files)).toEqual([]);
});

test('the subjectAltNames given are copied', () => {
  const sans = ['a.example.com'];
  const tls = ClientTls.simple({ subjectAltNames: sans });
  sans.push('b.example.com');
  expect(tls._toIstio().subjectAltNames).toEqual(['a.example.com']);
});

test('fails on MUTUAL without credentialName or certificate files', () => {
  const [p] = problemsOf(ClientTls.mutual({}));
  expect(p).toMatchObject({ code: 'CI0013', field: 'tls.clientCertificate' });
  expect(p.message).toMatch(/missing clientCertificate, privateKey/);
  expect(problemsOf(ClientTls.mutual({ clientCertificate: '/c.pem' }))[0]).toMatchObject({ code: 'CI0013', field: 'tls.privateKey' });
});

test('fails on MUTUAL with both credentialName and certificate files', () => {
  const [p] = problemsOf(ClientTls.mutual({ credentialName: 'cred', clientCertificate: '/c.pem', privateKey: '/k.pem' }));
  expect(p).toMatchObject({ code: 'CI0013', field: 'tls.credentialName', value: 'cred' });
  expect(p.message).toMatch(/clientCertificate, privateKey/);
});

test('fails on insecureSkipVerify with CA certificates or subjectAltNames', () => {
  expect(problemsOf(ClientTls.simple({ insecureSkipVerify: true, credentialName: 'ca', subjectAltNames: ['a'] }))[0])
    .toMatchObject({ code: 'CI0013', field: 'tls.insecureSkipVerify', message: expect.stringMatching(/credentialName, subjectAltNames in SIMPLE/) });
  expect(problemsOf(ClientTls.mutual({ credentialName: 'c', insecureSkipVerify: true, caCertificates: '/ca.pem' })).map((p) => p.field))
    .toEqual(['tls.insecureSkipVerify', 'tls.credentialName']);
  // a MUTUAL credential may hold the CA, so credentialName alone is fine with insecureSkipVerify
  expect(problemsOf(ClientTls.mutual({ credentialName: 'c', insecureSkipVerify: true }))).toEqual([]);
});
