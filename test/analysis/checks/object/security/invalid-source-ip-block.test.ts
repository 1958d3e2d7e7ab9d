import { InvalidSourceIpBlock } from '../../../../../lib/analysis/checks/object/security/invalid-source-ip-block';
import { authz, brief, run, SECURITY_VERSIONS } from '../run';

const source = (s: unknown) => ({ rules: [{ from: [{ source: s }] }] });
const check = (spec: unknown, apiVersion?: string) => brief(run(InvalidSourceIpBlock, authz(spec, apiVersion)));

describe('InvalidSourceIpBlock', () => {
  test('passes IPv4 and IPv6 addresses and CIDR blocks in every IP field', () => {
    expect(check(source({
      ipBlocks: ['1.2.3.4', '5.6.0.0/16', '10.1.2.3/8'], notIpBlocks: ['2001:db8::1', '2001:db8::/32'],
      remoteIpBlocks: ['0.0.0.0/0', '::/0'], notRemoteIpBlocks: ['::ffff:10.0.0.1', 'fe80::1%eth0'],
    }))).toEqual([]);
  });

  test.each([
    ['a host name', 'localhost'],
    ['a prefix too long', '10.0.0.0/33'],
    ['an IPv6 prefix too long', '2001:db8::/129'],
    ['a leading zero in an octet', '010.0.0.1'],
    ['a leading zero in the prefix length', '10.0.0.0/08'],
    ['two slashes', '10.0.0.0/8/8'],
    ['a zone in a prefix', 'fe80::1%eth0/64'],
    ['no prefix length', '10.0.0.0/'],
  ])('fails: %s', (_, value) => {
    expect(check(source({ remoteIpBlocks: [value] }))).toEqual(['error spec.rules[0].from[0].source.remoteIpBlocks[0]']);
  });

  test('names the value and the problem', () => {
    const [f] = run(InvalidSourceIpBlock, authz(source({ ipBlocks: ['10.0.0.0/40'] })));
    expect(f.message).toBe('ipBlocks entry \'10.0.0.0/40\' is not a CIDR block: prefix length 40 is out of range 0-32');
    expect(f.fix).toBe('write an IP address such as 10.1.2.3 or a CIDR block such as 10.0.0.0/16 in ipBlocks');
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check(source({ notIpBlocks: ['nope'] }), apiVersion)).toEqual(['error spec.rules[0].from[0].source.notIpBlocks[0]']);
  });
});
