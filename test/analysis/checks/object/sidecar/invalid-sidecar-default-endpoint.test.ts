import { InvalidSidecarDefaultEndpoint } from '../../../../../lib/analysis/checks/object/sidecar/invalid-sidecar-default-endpoint';
import { findings, ingress, sidecar, summary, VERSIONS } from './helpers';

const endpoint = (defaultEndpoint: unknown) => sidecar({ ingress: [ingress({ defaultEndpoint })] });

describe('CI0507 InvalidSidecarDefaultEndpoint', () => {
  test.each(['127.0.0.1:8080', '0.0.0.0:8080', '[::1]:8080', '[::]:8080', ':8080', 'unix:///var/run/app.sock', 'unix://@app', ''])('accepts %j', (value) => {
    expect(findings(InvalidSidecarDefaultEndpoint, endpoint(value))).toEqual([]);
  });

  test.each([
    ['a pod IP', '10.0.0.5:8080'],
    ['an IPv6 address', '[1:1:1:1:1:1:1:1]:90'],
    ['a host name', 'localhost:8080'],
    ['no port', '127.0.0.1'],
    ['an empty port', '127.0.0.1:'],
    ['a named port', '127.0.0.1:http'],
    ['port 0', '127.0.0.1:0'],
    ['a bare IPv6 loopback with a port', '::1:8080'],
    ['a unix directory', 'unix:///'],
  ])('fails for %s', (_, value) => {
    expect(summary(InvalidSidecarDefaultEndpoint, endpoint(value))).toEqual(['spec.ingress[0].defaultEndpoint error']);
  });

  test.each(VERSIONS)('names the forms Istio accepts (%s)', (apiVersion) => {
    const [f] = findings(InvalidSidecarDefaultEndpoint, sidecar({ ingress: [ingress({ defaultEndpoint: '10.0.0.5:8080' })] }, apiVersion));
    expect(f.message).toBe("defaultEndpoint '10.0.0.5:8080' must be 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port>, :<port> or unix:///path");
    expect(f.fix).toBe("point it at the application inside the pod, e.g. '127.0.0.1:8080'");
  });
});
