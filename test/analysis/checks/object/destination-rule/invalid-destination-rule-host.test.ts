import { InvalidDestinationRuleHost } from '../../../../../lib/analysis/checks/object/destination-rule/invalid-destination-rule-host';
import { Case, destinationRule, E, fieldsOf, findings, SERVED_VERSIONS, W } from './helpers';

const CASES: Case[] = [
  { name: 'a short name', spec: { host: 'reviews' }, expected: [] },
  { name: 'an FQDN', spec: { host: 'reviews.prod.svc.cluster.local' }, expected: [] },
  { name: 'a trailing-dot FQDN', spec: { host: 'api.example.com.' }, expected: [] },
  { name: 'a wildcard first label', spec: { host: '*.example.com' }, expected: [] },
  { name: 'the mesh-wide *.local', spec: { host: '*.local' }, expected: [] },
  { name: 'a *- wildcard prefix', spec: { host: '*-api.example.com' }, expected: [] },
  { name: 'uppercase letters (Istio accepts them)', spec: { host: 'Reviews.Prod' }, expected: [] },
  { name: 'a single all-numeric label (only a top-level domain after a dot is checked)', spec: { host: '123' }, expected: [] },
  { name: 'a bare *', spec: { host: '*' }, expected: [['spec.host', W]] },
  { name: 'no host', spec: {}, expected: [['spec.host', E]] },
  { name: 'an empty host', spec: { host: '' }, expected: [['spec.host', E]] },
  { name: 'a wildcard in the second label', spec: { host: 'a.*.example.com' }, expected: [['spec.host', E]] },
  { name: 'a wildcard in the middle of the first label', spec: { host: 'a*b.example.com' }, expected: [['spec.host', E]] },
  { name: 'a URL', spec: { host: 'http://reviews' }, expected: [['spec.host', E]] },
  { name: 'an all-numeric top-level domain', spec: { host: 'api.example.123' }, expected: [['spec.host', E]] },
  { name: 'an empty label', spec: { host: 'a..b' }, expected: [['spec.host', E]] },
  { name: 'a label over 63 characters', spec: { host: `${'a'.repeat(64)}.example.com` }, expected: [['spec.host', E]] },
  { name: 'a host over 255 characters', spec: { host: `${'a.'.repeat(128)}com` }, expected: [['spec.host', E]] },
  { name: 'a number (left to the CRD schema)', spec: { host: 42 }, expected: [] },
];

describe('CI0201 InvalidDestinationRuleHost', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(InvalidDestinationRuleHost, spec)).toEqual(expected);
  });

  test.each(SERVED_VERSIONS)('checks %s', (apiVersion) => {
    expect(fieldsOf(InvalidDestinationRuleHost, { host: 'a.*.b' }, { apiVersion })).toEqual([['spec.host', E]]);
  });

  test('names the value, the label at fault and how to write a host', () => {
    const [f] = findings(InvalidDestinationRuleHost, destinationRule({ host: 'reviews.prod_ns' }));
    expect(f).toMatchObject({ code: 'CI0201', value: 'reviews.prod_ns', counterpart: 'webhook' });
    expect(f.message).toBe('host \'reviews.prod_ns\' has an invalid label \'prod_ns\': use letters, digits and \'-\', starting and ending with a letter or digit, at most 63 characters');
    expect(f.fix).toMatch(/^set spec\.host to a service name/);
  });

  test('says that a bare * is accepted by Istio and what to use instead', () => {
    const [f] = findings(InvalidDestinationRuleHost, destinationRule({ host: '*' }));
    expect(f.message).toMatch(/stricter than Istio/);
    expect(f.fix).toMatch(/'\*\.local'/);
  });

  test('does not throw on a manifest without spec', () => {
    expect(findings(InvalidDestinationRuleHost, { apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'x' } }).map((f) => f.field)).toEqual(['spec.host']);
  });
});
