import { InvalidSidecarBind } from '../../../../../lib/analysis/checks/object/sidecar/invalid-sidecar-bind';
import { findings, sidecar, summary, VERSIONS } from './helpers';

const egress = (listener: Record<string, unknown>) => sidecar({ egress: [{ hosts: ['./*'], ...listener }] });
const ingress = (bind: string) => sidecar({ ingress: [{ port: { number: 9080 }, bind }] });

describe('CI0506 InvalidSidecarBind', () => {
  test.each([
    ['an egress IP bind', egress({ port: { number: 3306 }, bind: '127.0.0.1' })],
    ['an egress unix socket on port 0', egress({ port: { number: 0 }, bind: 'unix:///var/run/out.sock', captureMode: 'NONE' })],
    ['an abstract socket', egress({ port: { number: 0 }, bind: 'unix://@out' })],
    ['an ingress IPv6 bind', ingress('::1')],
    ['a catch-all with any bind (Istio does not check it)', egress({ bind: 'anything', captureMode: 'IPTABLES' })],
  ])('accepts %s', (_, object) => {
    expect(findings(InvalidSidecarBind, object)).toEqual([]);
  });

  test.each([
    ['an egress host name bind', egress({ port: { number: 80 }, bind: 'localhost' }), ['spec.egress[0].bind error']],
    ['an egress unix bind on port 80', egress({ port: { number: 80 }, bind: 'unix:///out.sock' }), ['spec.egress[0].bind error']],
    ['egress port 0 without a bind', egress({ port: { number: 0 } }), ['spec.egress[0].bind error']],
    ['egress port 0 with a relative socket', egress({ port: { number: 0 }, bind: 'unix://out.sock' }), ['spec.egress[0].bind error']],
    ['a socket with captureMode IPTABLES', egress({ port: { number: 0 }, bind: 'unix:///out.sock', captureMode: 'IPTABLES' }), ['spec.egress[0].captureMode error']],
    ['an ingress unix bind', ingress('unix:///var/run/app.sock'), ['spec.ingress[0].bind error']],
  ])('fails for %s', (_, object, expected) => {
    expect(summary(InvalidSidecarBind, object)).toEqual(expected);
  });

  test.each(VERSIONS)('says a port-0 listener needs a unix socket (%s)', (apiVersion) => {
    const [f] = findings(InvalidSidecarBind, sidecar({ egress: [{ port: { number: 0 }, hosts: ['./*'] }] }, apiVersion));
    expect(f.message).toBe('an egress listener with port number 0 listens on a unix domain socket and needs a unix:// bind');
    expect(f.fix).toBe('set bind to unix:///absolute/path (or unix://@name), or set port.number to a port from 1 to 65535');
  });
});
