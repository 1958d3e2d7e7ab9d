import { MissingGatewayServers } from '../../../../../lib/analysis/checks/object/gateway/missing-gateway-servers';
import { findings, manifest, server, summary, VERSIONS } from './helpers';

describe('CI0302 MissingGatewayServers', () => {
  test('accepts a Gateway with a server', () => {
    expect(findings(MissingGatewayServers, manifest('Gateway', { selector: { istio: 'ingressgateway' }, servers: [server()] }))).toEqual([]);
  });

  test.each([
    ['no spec', undefined, ['spec.servers error']],
    ['no servers', { selector: { istio: 'ingressgateway' } }, ['spec.servers error']],
    ['an empty list', { servers: [] }, ['spec.servers error']],
    ['a null server', { servers: [server(), null] }, ['spec.servers[1] error']],
  ])('fails for %s', (_, spec, expected) => {
    expect(summary(MissingGatewayServers, manifest('Gateway', spec))).toEqual(expected);
  });

  test.each(VERSIONS)('says what is missing and how to add it (%s)', (apiVersion) => {
    const [f] = findings(MissingGatewayServers, manifest('Gateway', { servers: [] }, { apiVersion }));
    expect(f.message).toBe('gateway has no servers; Istio requires at least one');
    expect(f.fix).toMatch(/^add a server under spec.servers/);
  });
});
