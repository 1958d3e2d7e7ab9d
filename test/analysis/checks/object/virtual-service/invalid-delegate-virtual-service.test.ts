import { InvalidDelegateVirtualService } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-delegate-virtual-service';
import { describeCheck, findingsOf, spec, to } from './util';

const tcp = [{ route: [{ destination: { host: 'mongo' } }] }];
const tls = [{ match: [{ sniHosts: ['a.example.com'] }], route: [{ destination: { host: 'a' } }] }];

describeCheck(InvalidDelegateVirtualService, {
  valid: [
    ['a delegate with HTTP routes only', { http: [to()] }],
    ['a root VirtualService with gateways, TCP and TLS routes', spec({ hosts: ['a.example.com'], gateways: ['gw'], tcp, tls })],
    ['a delegate with a sourceNamespace match', { http: [{ match: [{ sourceNamespace: 'test' }], ...to() }] }],
    ['hosts of the wrong type (the schema check reports them; this is not a delegate)', { hosts: 'reviews', gateways: ['gw'], http: [to()] }],
  ],
  invalid: [
    ['a delegate with gateways', { gateways: ['istio-system/gw'], http: [to()] }, [['spec.gateways']]],
    ['a delegate with TCP and TLS routes (empty hosts list)', { hosts: [], tcp, tls }, [['spec.tcp'], ['spec.tls']]],
  ],
});

test('CI0104 explains that a VirtualService without hosts is a delegate', () => {
  const [f] = findingsOf(InvalidDelegateVirtualService, { gateways: ['gw'], http: [to()] });
  expect(f.message).toBe('a VirtualService without hosts is a delegate, and a delegate must have no gateways (the root VirtualService that delegates to it has them)');
  expect(f.fix).toBe('remove spec.gateways, or add spec.hosts if this VirtualService is not a delegate');
});
