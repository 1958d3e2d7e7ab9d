import { InvalidClientTls } from '../../../../../lib/analysis/checks/object/destination-rule/invalid-client-tls';
import { Case, destinationRule, E, fieldsOf, findings } from './helpers';

const secured = (tls: unknown) => ({ host: 'r', trafficPolicy: { tls } });
const AT = 'spec.trafficPolicy.tls';

const CASES: Case[] = [
  { name: 'ISTIO_MUTUAL', spec: secured({ mode: 'ISTIO_MUTUAL' }), expected: [] },
  { name: 'SIMPLE with an SNI', spec: secured({ mode: 'SIMPLE', sni: 'api.example.com' }), expected: [] },
  { name: 'SIMPLE with a CA file', spec: secured({ mode: 'SIMPLE', caCertificates: '/etc/ca.pem', caCrl: '/etc/crl.pem' }), expected: [] },
  { name: 'MUTUAL from a Secret', spec: secured({ mode: 'MUTUAL', credentialName: 'client-credential' }), expected: [] },
  { name: 'MUTUAL from files', spec: secured({ mode: 'MUTUAL', clientCertificate: '/c.pem', privateKey: '/k.pem', caCertificates: '/ca.pem' }), expected: [] },
  { name: 'MUTUAL from a Secret, skipping verification', spec: secured({ mode: 'MUTUAL', credentialName: 'c', insecureSkipVerify: true }), expected: [] },
  { name: 'insecureSkipVerify with empty subjectAltNames (Go reads them as unset)', spec: secured({ mode: 'SIMPLE', insecureSkipVerify: true, subjectAltNames: [] }), expected: [] },
  { name: 'a ConfigMap in the rule\'s namespace', spec: secured({ mode: 'SIMPLE', credentialName: 'configmap://shop/ca' }), expected: [] },
  { name: 'ISTIO_MUTUAL ignores the files (not checked by Istio)', spec: secured({ mode: 'ISTIO_MUTUAL', clientCertificate: '/c.pem' }), expected: [] },
  { name: 'MUTUAL without a certificate', spec: secured({ mode: 'MUTUAL', caCertificates: '/ca.pem' }), expected: [[`${AT}.clientCertificate`, E], [`${AT}.privateKey`, E]] },
  { name: 'MUTUAL without a key', spec: secured({ mode: 'MUTUAL', clientCertificate: '/c.pem' }), expected: [[`${AT}.privateKey`, E]] },
  { name: 'MUTUAL with a Secret and files', spec: secured({ mode: 'MUTUAL', credentialName: 'c', clientCertificate: '/c.pem', privateKey: '/k.pem' }), expected: [[`${AT}.credentialName`, E]] },
  { name: 'SIMPLE with a Secret and a CA file', spec: secured({ mode: 'SIMPLE', credentialName: 'c', caCertificates: '/ca.pem' }), expected: [[`${AT}.credentialName`, E]] },
  { name: 'SIMPLE with a Secret and a CRL file', spec: secured({ mode: 'SIMPLE', credentialName: 'c', caCrl: '/crl.pem' }), expected: [[`${AT}.credentialName`, E]] },
  { name: 'SIMPLE skipping verification with a CA file', spec: secured({ mode: 'SIMPLE', insecureSkipVerify: true, caCertificates: '/ca.pem' }), expected: [[`${AT}.insecureSkipVerify`, E]] },
  { name: 'SIMPLE skipping verification with a Secret', spec: secured({ mode: 'SIMPLE', insecureSkipVerify: true, credentialName: 'c' }), expected: [[`${AT}.insecureSkipVerify`, E]] },
  { name: 'MUTUAL skipping verification with subjectAltNames', spec: secured({ mode: 'MUTUAL', credentialName: 'c', insecureSkipVerify: true, subjectAltNames: ['a'] }), expected: [[`${AT}.insecureSkipVerify`, E]] },
  { name: 'a ConfigMap without a namespace', spec: secured({ mode: 'SIMPLE', credentialName: 'configmap://ca' }), expected: [[`${AT}.credentialName`, E]] },
  { name: 'a ConfigMap in another namespace', spec: secured({ mode: 'SIMPLE', credentialName: 'configmap://istio-system/ca' }), expected: [[`${AT}.credentialName`, E]] },
  { name: 'a subset and a port-level policy', spec: { host: 'r', subsets: [{ name: 'v1', trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'MUTUAL', credentialName: 'c', caCertificates: '/ca.pem' } }] } }] }, expected: [['spec.subsets[0].trafficPolicy.portLevelSettings[0].tls.credentialName', E]] },
];

describe('CI0213 InvalidClientTls', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(InvalidClientTls, spec)).toEqual(expected);
  });

  test('says what MUTUAL needs', () => {
    const [f] = findings(InvalidClientTls, destinationRule(secured({ mode: 'MUTUAL', privateKey: '/k.pem' })));
    expect(f).toMatchObject({ code: 'CI0213', field: `${AT}.clientCertificate`, message: 'MUTUAL tls needs a client certificate: credentialName, or clientCertificate and privateKey' });
    expect(f.fix).toBe(`set ${AT}.credentialName to a Secret holding the client certificate and key, or set both clientCertificate and privateKey (in code: ClientTls.mutual({ credentialName }))`);
  });

  test('names the namespace a configmap:// credential must use', () => {
    const [f] = findings(InvalidClientTls, destinationRule(secured({ mode: 'SIMPLE', credentialName: 'configmap://istio-system/ca' })));
    expect(f.message).toBe('credentialName \'configmap://istio-system/ca\' names namespace \'istio-system\', but a configmap:// credential must be in the rule\'s namespace \'shop\'');
  });
});
