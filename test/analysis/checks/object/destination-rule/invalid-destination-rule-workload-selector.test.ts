import { InvalidDestinationRuleWorkloadSelector } from '../../../../../lib/analysis/checks/object/destination-rule/invalid-destination-rule-workload-selector';
import { Case, destinationRule, E, fieldsOf, findings, W } from './helpers';

const selecting = (matchLabels: unknown) => ({ host: 'r', workloadSelector: { matchLabels } });

const CASES: Case[] = [
  { name: 'no workload selector', spec: { host: 'r' }, expected: [] },
  { name: 'exact labels', spec: selecting({ 'app': 'productpage', 'app.kubernetes.io/version': 'v1' }), expected: [] },
  { name: 'no labels', spec: selecting({}), expected: [['spec.workloadSelector.matchLabels', W]] },
  { name: 'no matchLabels', spec: { host: 'r', workloadSelector: {} }, expected: [['spec.workloadSelector.matchLabels', W]] },
  { name: 'a wildcard value', spec: selecting({ app: 'product*' }), expected: [['spec.workloadSelector.matchLabels.app', E]] },
  { name: 'a wildcard key', spec: selecting({ 'app*': 'productpage' }), expected: [['spec.workloadSelector.matchLabels', E]] },
  { name: 'an empty key', spec: selecting({ '': 'productpage' }), expected: [['spec.workloadSelector.matchLabels', E]] },
  { name: 'a key no pod can carry', spec: selecting({ 'bad key': 'x' }), expected: [['spec.workloadSelector.matchLabels', W]] },
  { name: 'a value no pod can carry', spec: selecting({ app: 'product page' }), expected: [['spec.workloadSelector.matchLabels.app', W]] },
];

describe('CI0205 InvalidDestinationRuleWorkloadSelector', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(InvalidDestinationRuleWorkloadSelector, spec)).toEqual(expected);
  });

  test('says why a wildcard does not work', () => {
    const [f] = findings(InvalidDestinationRuleWorkloadSelector, destinationRule(selecting({ app: 'product*' })));
    expect(f).toMatchObject({ code: 'CI0205', value: 'product*', message: 'workload selector value \'product*\' of \'app\' has a wildcard \'*\'; selectors match labels exactly' });
    expect(f.fix).toBe('select the client pods by their exact labels in spec.workloadSelector.matchLabels, such as app: productpage');
  });
});
