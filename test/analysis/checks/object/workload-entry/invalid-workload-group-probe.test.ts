import { InvalidWorkloadGroupProbe } from '../../../../../lib/analysis/checks/object/workload-entry/invalid-workload-group-probe';
import { findingsOf, linesOf, manifest } from '../service-entry/check-util';

const lines = (probe: unknown) => linesOf(InvalidWorkloadGroupProbe, 'WorkloadGroup', { template: {}, probe });

describe('InvalidWorkloadGroupProbe (CI0606)', () => {
  test.each<[string, unknown]>([
    ['an httpGet probe with every field', { failureThreshold: 2, initialDelaySeconds: 1, periodSeconds: 1, successThreshold: 1, timeoutSeconds: 0, httpGet: { port: 8080, host: 'bar', scheme: 'HTTPS', path: '/bar', httpHeaders: [{ name: 'foo', value: 'bar' }] } }],
    ['a tcpSocket probe', { tcpSocket: { port: 5 } }],
    ['an exec probe', { exec: { command: ['/bin/check'] } }],
  ])('accepts %s', (_name, probe) => {
    expect(lines(probe)).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['no method', { periodSeconds: 5 }, ['error spec.probe']],
    ['a null method', { httpGet: null }, ['error spec.probe']],
    ['a grpc probe (the webhook does not know it)', { grpc: { port: 9090 } }, ['error spec.probe.grpc']],
    ['negative counters', { periodSeconds: -1, failureThreshold: -2, tcpSocket: { port: 5 } }, ['error spec.probe.periodSeconds', 'error spec.probe.failureThreshold']],
    ['an httpGet without port', { httpGet: {} }, ['error spec.probe.httpGet.port']],
    ['a tcpSocket port 65536', { tcpSocket: { port: 65536 } }, ['error spec.probe.tcpSocket.port']],
    ['a lowercase scheme', { httpGet: { port: 80, scheme: 'https' } }, ['error spec.probe.httpGet.scheme']],
    ['header names with an underscore and **', { httpGet: { port: 80, httpHeaders: [{ name: 'x_probe' }, { name: '**' }, { value: 'v' }] } }, ['error spec.probe.httpGet.httpHeaders[0].name', 'error spec.probe.httpGet.httpHeaders[1].name', 'error spec.probe.httpGet.httpHeaders[2].name']],
    ['an exec without command', { exec: { command: [] } }, ['error spec.probe.exec.command']],
  ])('reports %s', (_name, probe, expected) => {
    expect(lines(probe)).toEqual(expected);
  });

  test('says why a grpc probe is rejected and what to use instead', () => {
    const [f] = findingsOf(InvalidWorkloadGroupProbe, manifest('WorkloadGroup', { template: {}, probe: { grpc: { port: 9090 } } }));
    expect(f.message).toBe('Istio 1.30\'s webhook rejects a grpc probe as an unknown health-check method, although the CRD has the field');
    expect(f.fix).toBe('probe the gRPC port with tcpSocket (port) or with exec running a gRPC health client');
  });
});
