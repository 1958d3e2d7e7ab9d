import { InvalidSidecarPort } from '../../../../../lib/analysis/checks/object/sidecar/invalid-sidecar-port';
import { CATCH_ALL, findings, sidecar, summary, VERSIONS } from './helpers';

const egressPort = (port: unknown, extra: Record<string, unknown> = {}) => sidecar({ egress: [{ port, hosts: ['./*'], ...extra }, CATCH_ALL] });
const ingressPort = (port: unknown) => sidecar({ ingress: [{ port }] });

describe('CI0503 InvalidSidecarPort', () => {
  test.each([
    ['a named HTTP port', { number: 8080, protocol: 'HTTP', name: 'http' }],
    ['an uppercase name (Istio accepts it)', { number: 8080, protocol: 'http', name: 'HTTP-Web' }],
    ['no name and no protocol (sniffed)', { number: 3306 }],
    ['HTTP_PROXY', { number: 3128, protocol: 'HTTP_PROXY' }],
  ])('accepts %s', (_, port) => {
    expect(findings(InvalidSidecarPort, egressPort(port))).toEqual([]);
    expect(findings(InvalidSidecarPort, ingressPort(port))).toEqual([]);
  });

  test('leaves egress port 0 to CI0506 (a unix socket listener)', () => {
    expect(findings(InvalidSidecarPort, egressPort({ number: 0 }, { bind: 'unix:///var/run/out.sock' }))).toEqual([]);
  });

  test.each([
    ['an ingress listener without a port', sidecar({ ingress: [{ defaultEndpoint: '127.0.0.1:8080' }] }), ['spec.ingress[0].port error']],
    ['ingress port 0', ingressPort({ number: 0 }), ['spec.ingress[0].port.number error']],
    ['egress port 70000', egressPort({ number: 70000 }), ['spec.egress[0].port.number error']],
    ['an unknown protocol', egressPort({ number: 80, protocol: 'SPDY' }), ['spec.egress[0].port.protocol error']],
    ['a name with an underscore', ingressPort({ number: 80, name: 'http_web' }), ['spec.ingress[0].port.name error']],
    ['a targetPort', ingressPort({ number: 80, targetPort: 8080 }), ['spec.ingress[0].port.targetPort error']],
  ])('fails for %s', (_, object, expected) => {
    expect(summary(InvalidSidecarPort, object)).toEqual(expected);
  });

  test.each(VERSIONS)('says what a port name may contain (%s)', (apiVersion) => {
    const [f] = findings(InvalidSidecarPort, sidecar({ egress: [{ port: { number: 80, name: 'web_ui' }, hosts: ['./*'] }] }, apiVersion));
    expect(f.message).toBe("port name 'web_ui' must be a DNS-1123 label: letters, digits and '-', starting and ending with a letter or digit, at most 63 characters");
    expect(f.fix).toBe("use a name such as 'http' or 'http-web', or remove it");
  });
});
