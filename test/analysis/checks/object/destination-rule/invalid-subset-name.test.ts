import { InvalidSubsetName } from '../../../../../lib/analysis/checks/object/destination-rule/invalid-subset-name';
import { Case, destinationRule, E, fieldsOf, findings } from './helpers';

const subset = (name: unknown) => ({ name, labels: { version: 'v1' } });

const CASES: Case[] = [
  { name: 'lowercase names', spec: { host: 'r', subsets: [subset('v1'), subset('v2-canary')] }, expected: [] },
  { name: 'uppercase letters (Istio\'s DNS-1123 label accepts them)', spec: { host: 'r', subsets: [subset('V1'), subset('Canary')] }, expected: [] },
  { name: 'a subset without labels (Istio\'s egress-gateway task)', spec: { host: 'r', subsets: [{ name: 'cnn' }] }, expected: [] },
  { name: 'a name with a dot', spec: { host: 'r', subsets: [subset('v1.0')] }, expected: [['spec.subsets[0].name', E]] },
  { name: 'a name with an underscore', spec: { host: 'r', subsets: [subset('v_1')] }, expected: [['spec.subsets[0].name', E]] },
  { name: 'a name starting with -', spec: { host: 'r', subsets: [subset('-v1')] }, expected: [['spec.subsets[0].name', E]] },
  { name: 'a name over 63 characters', spec: { host: 'r', subsets: [subset('v'.repeat(64))] }, expected: [['spec.subsets[0].name', E]] },
  { name: 'an empty name', spec: { host: 'r', subsets: [subset('')] }, expected: [['spec.subsets[0].name', E]] },
  { name: 'no name', spec: { host: 'r', subsets: [{ labels: { version: 'v1' } }] }, expected: [['spec.subsets[0].name', E]] },
  { name: 'a null subset', spec: { host: 'r', subsets: [subset('v1'), null] }, expected: [['spec.subsets[1]', E]] },
  { name: 'a name used twice', spec: { host: 'r', subsets: [subset('v1'), subset('v2'), subset('v1')] }, expected: [['spec.subsets[2].name', E]] },
  { name: 'a name used three times', spec: { host: 'r', subsets: [subset('v1'), subset('v1'), subset('v1')] }, expected: [['spec.subsets[1].name', E], ['spec.subsets[2].name', E]] },
  { name: 'subsets that are not a list (left to the CRD schema)', spec: { host: 'r', subsets: { v1: {} } }, expected: [] },
];

describe('CI0202 InvalidSubsetName', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(InvalidSubsetName, spec)).toEqual(expected);
  });

  test('names the earlier subset of a duplicate', () => {
    const [f] = findings(InvalidSubsetName, destinationRule({ host: 'r', subsets: [subset('v1'), subset('v1')] }));
    expect(f).toMatchObject({ code: 'CI0202', field: 'spec.subsets[1].name', value: 'v1', message: 'subset name \'v1\' is already used by spec.subsets[0]' });
    expect(f.fix).toBe('give spec.subsets[1].name a name of its own, or merge the two subsets');
  });

  test('says what a subset name may hold', () => {
    const [f] = findings(InvalidSubsetName, destinationRule({ host: 'r', subsets: [subset('v1.0')] }));
    expect(f.message).toBe('subset name \'v1.0\' is not a DNS-1123 label (letters, digits and \'-\', starting and ending with a letter or digit, at most 63 characters)');
  });
});
