import { InvalidWorkloadEntryAddress } from '../../../../../lib/analysis/checks/object/workload-entry/invalid-workload-entry-address';
import { findingsOf, linesOf, manifest } from '../service-entry/check-util';

const lines = (spec: unknown) => linesOf(InvalidWorkloadEntryAddress, 'WorkloadEntry', spec);

describe('InvalidWorkloadEntryAddress (CI0601)', () => {
  test.each<[string, unknown]>([
    ['an IP', { address: '172.16.1.1', ports: { '7777': 7777 } }],
    ['an IPv6 address', { address: '2001:db8::1' }],
    ['a DNS name', { address: 'validdns.com' }],
    ['an absolute unix socket', { address: 'unix:///lon/google/com' }],
    ['an abstract unix socket', { address: 'unix://@foo' }],
  ])('accepts %s', (_name, spec) => {
    expect(lines(spec)).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['no spec', undefined, ['error spec.address']],
    ['no address', {}, ['error spec.address']],
    ['an empty address', { address: '' }, ['error spec.address']],
    ['only a network (warning)', { network: 'network-2' }, ['warning spec.address']],
    ['a DNS name with a port', { address: 'invaliddns.com:9443' }, ['error spec.address']],
    ['a relative unix socket', { address: 'unix://relative' }, ['error spec.address']],
    ['a unix socket directory', { address: 'unix:///dir/' }, ['error spec.address']],
    ['a unix socket with ports', { address: 'unix:///lon/google/com', ports: { '7777': 7777 } }, ['error spec.ports']],
  ])('reports %s', (_name, spec, expected) => {
    expect(lines(spec)).toEqual(expected);
  });

  test('names the address and what is allowed', () => {
    const [f] = findingsOf(InvalidWorkloadEntryAddress, manifest('WorkloadEntry', { address: 'vm-1.example.com:8080' }));
    expect(f.message).toBe('address \'vm-1.example.com:8080\' is neither an IP address nor a valid DNS name: it has an invalid label \'com:8080\'');
    expect(f.fix).toBe('use an IP address (no port) or a DNS name such as vm-1.example.com in address');
  });
});
