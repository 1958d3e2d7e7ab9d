import { DuplicateSidecarListener } from '../../../../../lib/analysis/checks/object/sidecar/duplicate-sidecar-listener';
import { findings, sidecar, summary, VERSIONS } from './helpers';

const port = (number: number) => ({ port: { number }, hosts: ['./*'] });
const socket = (bind: string) => ({ port: { number: 0 }, bind, hosts: ['./*'] });

describe('CI0504 DuplicateSidecarListener', () => {
  test('accepts one port in ingress and egress, and distinct sockets', () => {
    const object = sidecar({ ingress: [{ port: { number: 9080 } }], egress: [port(9080), port(3306), socket('unix:///a.sock'), socket('unix:///b.sock')] });
    expect(findings(DuplicateSidecarListener, object)).toEqual([]);
  });

  test.each([
    ['two ingress listeners on one port', { ingress: [{ port: { number: 9080 } }, { port: { number: 9080, name: 'other' } }] }, ['spec.ingress[1].port.number error']],
    ['two egress listeners on one port', { egress: [port(3306), port(3306)] }, ['spec.egress[1].port.number error']],
    ['two egress listeners on one socket', { egress: [socket('unix:///a.sock'), socket('unix:///a.sock')] }, ['spec.egress[1].bind error']],
  ])('fails for %s', (_, spec, expected) => {
    expect(summary(DuplicateSidecarListener, sidecar(spec))).toEqual(expected);
  });

  test.each(VERSIONS)('names the first listener (%s)', (apiVersion) => {
    const [f] = findings(DuplicateSidecarListener, sidecar({ egress: [port(3306), port(3306)] }, apiVersion));
    expect(f.message).toBe('egress port 3306 is already used by spec.egress[0]; listeners must not share it');
    expect(f.fix).toBe('merge the two listeners, or give this one another port');
  });
});
