import { InvalidDestinationSubnet } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-destination-subnet';
import { describeCheck, findingsOf } from './util';

const tcp = (destinationSubnets: string[]) => ({ hosts: ['db'], tcp: [{ match: [{ destinationSubnets }], route: [{ destination: { host: 'db' } }] }] });

describeCheck(InvalidDestinationSubnet, {
  valid: [
    ['addresses and CIDR blocks', tcp(['10.0.0.1', '10.0.0.0/8', '2001:db8::/32', '192.168.1.7/32'])],
  ],
  invalid: [
    ['a prefix length above 32', tcp(['10.0.0.0/33']), [['spec.tcp[0].match[0].destinationSubnets[0]']]],
    ['a host name and two slashes', tcp(['db.example.com', '10.0.0.0/8/9']), [['spec.tcp[0].match[0].destinationSubnets[0]'], ['spec.tcp[0].match[0].destinationSubnets[1]']]],
    ['in a TLS match', { hosts: ['a.example.com'], tls: [{ match: [{ sniHosts: ['a.example.com'], destinationSubnets: ['300.0.0.0/8'] }], route: [{ destination: { host: 'a' } }] }] },
      [['spec.tls[0].match[0].destinationSubnets[0]']]],
  ],
});

test('CI0131 names the subnet', () => {
  expect(findingsOf(InvalidDestinationSubnet, tcp(['10.0.0.0/33']))[0].message).toBe('destination subnet \'10.0.0.0/33\' is not a valid CIDR block (address/prefix length)');
});
