import { InvalidServiceEntryAddress } from '../../../../../lib/analysis/checks/object/service-entry/invalid-service-entry-address';
import { findingsOf, linesOf, manifest } from './check-util';

const lines = (spec: unknown) => linesOf(InvalidServiceEntryAddress, 'ServiceEntry', { hosts: ['a.example.com'], ...(spec as object) });

describe('InvalidServiceEntryAddress (CI0402)', () => {
  test.each<[string, unknown]>([
    ['IPv4 and IPv6 addresses', { addresses: ['1.2.3.4', '001:db8::', '::ffff:1.2.3.4'], resolution: 'DNS' }],
    ['CIDR blocks with NONE (the default) and STATIC', { addresses: ['10.0.0.0/16', '1.1.1.1/32', '2001:db8::/32'] }],
    ['a CIDR block with STATIC', { addresses: ['10.0.0.0/8'], resolution: 'STATIC' }],
  ])('accepts %s', (_name, spec) => {
    expect(lines(spec)).toEqual([]);
  });

  test.each<[string, unknown, string[]]>([
    ['an out-of-range IPv4', { addresses: ['300.1.1.1'] }, ['error spec.addresses[0]']],
    ['a prefix longer than 32 bits', { addresses: ['10.0.0.0/33'] }, ['error spec.addresses[0]']],
    ['a DNS name', { addresses: ['example.com'] }, ['error spec.addresses[0]']],
    ['an address with a port', { addresses: ['10.0.0.1:443'] }, ['error spec.addresses[0]']],
    ['two slashes', { addresses: ['10.0.0.0/8/8'] }, ['error spec.addresses[0]']],
    ['a CIDR block with DNS', { addresses: ['1.2.3.4', '1.2.3.4/16'], resolution: 'DNS' }, ['error spec.addresses[1]']],
    ['a CIDR block with DNS_ROUND_ROBIN', { addresses: ['1.2.3.0/24'], resolution: 'DNS_ROUND_ROBIN' }, ['error spec.addresses[0]']],
  ])('reports %s', (_name, spec, expected) => {
    expect(lines(spec)).toEqual(expected);
  });

  test('says which resolutions allow CIDR blocks', () => {
    const [f] = findingsOf(InvalidServiceEntryAddress, manifest('ServiceEntry', { hosts: ['a.example.com'], addresses: ['1.2.3.4/16'], resolution: 'DNS' }));
    expect(f.message).toBe('CIDR address \'1.2.3.4/16\' is allowed only with resolution NONE or STATIC, not DNS');
    expect(f.fix).toBe('use single IP addresses in spec.addresses, or set resolution to NONE or STATIC');
  });
});
