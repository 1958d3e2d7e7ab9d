import { InvalidSubsetLabels } from '../../../../../lib/analysis/checks/object/destination-rule/invalid-subset-labels';
import { Case, destinationRule, E, fieldsOf, findings, W } from './helpers';

const withLabels = (labels: unknown) => ({ host: 'r', subsets: [{ name: 'v1', labels }] });

const CASES: Case[] = [
  { name: 'plain labels', spec: withLabels({ 'version': 'v1', 'app.kubernetes.io/name': 'reviews', 'track': '' }), expected: [] },
  { name: 'no labels (selects every endpoint, as in Istio\'s egress-gateway task)', spec: { host: 'r', subsets: [{ name: 'cnn' }] }, expected: [] },
  { name: 'empty labels', spec: withLabels({}), expected: [] },
  { name: 'uppercase in the name part and the value', spec: withLabels({ Version: 'V1' }), expected: [] },
  { name: 'a value with a +', spec: withLabels({ version: 'v1+build.7' }), expected: [['spec.subsets[0].labels.version', E]] },
  { name: 'a wildcard value', spec: withLabels({ version: 'v*' }), expected: [['spec.subsets[0].labels.version', E]] },
  { name: 'a key with a space', spec: withLabels({ 'bad key': 'v1' }), expected: [['spec.subsets[0].labels[\'bad key\']', E]] },
  { name: 'a key with two slashes', spec: withLabels({ 'a/b/c': 'v1' }), expected: [['spec.subsets[0].labels[\'a/b/c\']', E]] },
  { name: 'an empty key', spec: withLabels({ '': 'v1' }), expected: [['spec.subsets[0].labels[\'\']', E]] },
  { name: 'a key name over 63 characters', spec: withLabels({ ['k'.repeat(64)]: 'v1' }), expected: [[`spec.subsets[0].labels.${'k'.repeat(64)}`, E]] },
  { name: 'a value over 63 characters (no pod carries it)', spec: withLabels({ version: 'v'.repeat(64) }), expected: [['spec.subsets[0].labels.version', W]] },
  { name: 'an uppercase key prefix (no pod carries it)', spec: withLabels({ 'Example.com/tier': 'web' }), expected: [['spec.subsets[0].labels[\'Example.com/tier\']', W]] },
  { name: 'a number value (left to the CRD schema)', spec: withLabels({ version: 1 }), expected: [] },
];

describe('CI0203 InvalidSubsetLabels', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(InvalidSubsetLabels, spec)).toEqual(expected);
  });

  test('names the value and the characters allowed', () => {
    const [f] = findings(InvalidSubsetLabels, destinationRule(withLabels({ version: 'v1+build.7' })));
    expect(f).toMatchObject({ code: 'CI0203', value: 'v1+build.7' });
    expect(f.message).toBe('subset label value \'v1+build.7\' of \'version\' is invalid: use letters, digits, \'-\', \'_\' or \'.\', starting and ending with a letter or digit (or an empty value)');
    expect(f.fix).toBe('use a Kubernetes label of the pods, such as version: v1, in spec.subsets[0].labels');
  });
});
