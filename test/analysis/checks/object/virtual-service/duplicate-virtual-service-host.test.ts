import { DuplicateVirtualServiceHost } from '../../../../../lib/analysis/checks/object/virtual-service/duplicate-virtual-service-host';
import { describeCheck, findingsOf, spec } from './util';

describeCheck(DuplicateVirtualServiceHost, {
  valid: [
    ['distinct hosts', spec({ hosts: ['a.example.com', 'b.example.com', '*.example.org'] })],
    ['a wildcard that does not cover the other host (*.foo.com and foo.com)', spec({ hosts: ['*.foo.com', 'foo.com'] })],
    ['duplicates next to an invalid host (Istio compares only valid hosts)', spec({ hosts: ['a.com', 'a.com', 'bad_host'] })],
  ],
  invalid: [
    ['the same host twice', spec({ hosts: ['reviews', 'reviews'] }), [['spec.hosts[1]']]],
    ['a host under a wildcard host, and nested wildcards', spec({ hosts: ['a.example.com', '*.example.com', '*.bar', '*.foo.bar'] }), [['spec.hosts[1]'], ['spec.hosts[3]']]],
    ['* at a gateway covers every other host', spec({ hosts: ['*', 'a.example.com'], gateways: ['istio-system/gw'] }), [['spec.hosts[1]']]],
  ],
});

test('CI0102 names both hosts', () => {
  const [f] = findingsOf(DuplicateVirtualServiceHost, spec({ hosts: ['*.foo.bar', '*.bar'] }));
  expect(f.message).toBe('host \'*.bar\' duplicates or overlaps host \'*.foo.bar\' (spec.hosts[0])');
});
