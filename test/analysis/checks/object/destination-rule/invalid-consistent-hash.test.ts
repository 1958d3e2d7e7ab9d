import { InvalidConsistentHash } from '../../../../../lib/analysis/checks/object/destination-rule/invalid-consistent-hash';
import { Case, destinationRule, E, fieldsOf, findings, W } from './helpers';

const hashing = (consistentHash: unknown) => ({ host: 'r', trafficPolicy: { loadBalancer: { consistentHash } } });
const AT = 'spec.trafficPolicy.loadBalancer.consistentHash';

const CASES: Case[] = [
  { name: 'a header', spec: hashing({ httpHeaderName: 'x-user' }), expected: [] },
  { name: 'an uppercase header name (Envoy matches names in any case)', spec: hashing({ httpHeaderName: 'X-User-Id' }), expected: [] },
  { name: 'a session cookie', spec: hashing({ httpCookie: { name: 'user', ttl: '0s' } }), expected: [] },
  { name: 'cookie attributes', spec: hashing({ httpCookie: { name: 'user', attributes: [{ name: 'SameSite', value: 'Strict' }, { name: 'Secure' }] } }), expected: [] },
  { name: 'the source IP with ringHash', spec: hashing({ useSourceIp: true, ringHash: { minimumRingSize: 1024 } }), expected: [] },
  { name: 'a query parameter with maglev', spec: hashing({ httpQueryParameterName: 'user', maglev: { tableSize: 65537 } }), expected: [] },
  { name: 'maglev table size 1 (prime to Envoy)', spec: hashing({ useSourceIp: true, maglev: { tableSize: 1 } }), expected: [] },
  { name: 'two hash keys', spec: hashing({ httpHeaderName: 'x-user', useSourceIp: true }), expected: [[AT, E]] },
  { name: 'no hash key', spec: hashing({}), expected: [[AT, W]] },
  { name: 'useSourceIp: false alone', spec: hashing({ useSourceIp: false }), expected: [[AT, W]] },
  { name: 'an empty header name', spec: hashing({ httpHeaderName: '' }), expected: [[`${AT}.httpHeaderName`, W]] },
  { name: 'an empty query parameter name', spec: hashing({ httpQueryParameterName: '' }), expected: [[`${AT}.httpQueryParameterName`, W]] },
  { name: 'a cookie without a name', spec: hashing({ httpCookie: { ttl: '10s' } }), expected: [[`${AT}.httpCookie.name`, E]] },
  { name: 'a cookie with an empty name', spec: hashing({ httpCookie: { name: '' } }), expected: [[`${AT}.httpCookie.name`, E]] },
  { name: 'a cookie attribute without a name', spec: hashing({ httpCookie: { name: 'u', attributes: [{ value: 'x' }] } }), expected: [[`${AT}.httpCookie.attributes[0].name`, E]] },
  { name: 'a cookie attribute twice', spec: hashing({ httpCookie: { name: 'u', attributes: [{ name: 'Secure' }, { name: 'Secure' }] } }), expected: [[`${AT}.httpCookie.attributes[1].name`, E]] },
  { name: 'the deprecated minimumRingSize', spec: hashing({ useSourceIp: true, minimumRingSize: 1024 }), expected: [[`${AT}.minimumRingSize`, W]] },
  { name: 'minimumRingSize with ringHash', spec: hashing({ useSourceIp: true, minimumRingSize: 1024, ringHash: { minimumRingSize: 10 } }), expected: [[`${AT}.minimumRingSize`, E]] },
  { name: 'ringHash and maglev', spec: hashing({ useSourceIp: true, ringHash: {}, maglev: { tableSize: 65537 } }), expected: [[AT, E]] },
  { name: 'maglev without a table size', spec: hashing({ useSourceIp: true, maglev: {} }), expected: [[`${AT}.maglev.tableSize`, E]] },
  { name: 'a maglev table size that is not prime', spec: hashing({ useSourceIp: true, maglev: { tableSize: 65536 } }), expected: [[`${AT}.maglev.tableSize`, E]] },
  { name: 'a maglev table size too large', spec: hashing({ useSourceIp: true, maglev: { tableSize: 5000011 } }), expected: [[`${AT}.maglev.tableSize`, E]] },
  { name: 'a subset and a port-level policy', spec: { host: 'r', subsets: [{ name: 'v1', trafficPolicy: { portLevelSettings: [{ port: { number: 80 }, loadBalancer: { consistentHash: { httpHeaderName: 'a', useSourceIp: true } } }] } }] }, expected: [['spec.subsets[0].trafficPolicy.portLevelSettings[0].loadBalancer.consistentHash', E]] },
];

describe('CI0208 InvalidConsistentHash', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(InvalidConsistentHash, spec)).toEqual(expected);
  });

  test('names the keys that compete', () => {
    const [f] = findings(InvalidConsistentHash, destinationRule(hashing({ httpHeaderName: 'x-user', useSourceIp: true })));
    expect(f).toMatchObject({ code: 'CI0208', value: ['httpHeaderName', 'useSourceIp'], message: 'consistentHash sets 2 hash keys (httpHeaderName, useSourceIp); Istio accepts one' });
    expect(f.fix).toBe(`keep one of httpHeaderName, useSourceIp in ${AT}`);
  });

  test('says why a maglev table size is wrong', () => {
    const [f] = findings(InvalidConsistentHash, destinationRule(hashing({ useSourceIp: true, maglev: { tableSize: 5000012 } })));
    expect(f.message).toBe('maglev tableSize must be below 5000011 and a prime number, got 5000012');
  });
});
