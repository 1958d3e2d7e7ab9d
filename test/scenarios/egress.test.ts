import { find, inventory, synthScenario } from './util';

describe('egress-tls-origination', () => {
  test('a ServiceEntry for edition.cnn.com (80 to 443, and 443) and TLS origination on port 80', () => {
    // WHEN
    const { objects } = synthScenario('egress-tls-origination');
    // THEN
    expect(objects).toMatchSnapshot();
    expect(inventory(objects)).toEqual(['DestinationRule/edition-cnn-com', 'ServiceEntry/edition-cnn-com']);
    expect(find(objects, 'ServiceEntry', 'edition-cnn-com').spec).toEqual({
      hosts: ['edition.cnn.com'],
      ports: [
        { number: 80, name: 'http-port', protocol: 'HTTP', targetPort: 443 },
        { number: 443, name: 'https-port', protocol: 'HTTPS' },
      ],
      location: 'MESH_EXTERNAL',
      resolution: 'DNS',
    });
    expect(find(objects, 'DestinationRule', 'edition-cnn-com').spec).toEqual({
      host: 'edition.cnn.com',
      trafficPolicy: { portLevelSettings: [{ port: { number: 80 }, tls: { mode: 'SIMPLE' } }] },
    });
    // the sidecar verifies the public certificate against its OS CA bundle: no caCertificates, on purpose
    expect(find(objects, 'DestinationRule', 'edition-cnn-com').metadata.annotations).toEqual({
      'suppress.cdk8s-istio.io/CI1044': expect.stringMatching(/^edition\.cnn\.com presents a publicly trusted certificate/),
    });
  });
});

describe('egress-locked-down', () => {
  test('the default Sidecar scopes egress to the own namespace and istio-system, REGISTRY_ONLY, with httpbin.org registered', () => {
    // WHEN
    const { objects } = synthScenario('egress-locked-down');
    // THEN
    expect(objects).toMatchSnapshot();
    expect(inventory(objects)).toEqual(['ServiceEntry/httpbin-ext', 'Sidecar/default']);
    expect(find(objects, 'Sidecar', 'default').spec).toEqual({
      egress: [{ hosts: ['./*', 'istio-system/*'] }],
      outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
    });
    expect(find(objects, 'ServiceEntry', 'httpbin-ext').spec.hosts).toEqual(['httpbin.org']);
  });
});
