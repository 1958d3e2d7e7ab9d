import { InvalidDestinationRuleExportTo } from '../../../../../lib/analysis/checks/object/destination-rule/invalid-destination-rule-export-to';
import { Case, destinationRule, E, fieldsOf, findings, W } from './helpers';

const selector = { matchLabels: { app: 'productpage' } };

const CASES: Case[] = [
  { name: 'the own namespace', spec: { host: 'r', exportTo: ['.'] }, expected: [] },
  { name: 'every namespace', spec: { host: 'r', exportTo: ['*'] }, expected: [] },
  { name: 'namespace names', spec: { host: 'r', exportTo: ['.', 'prod', 'istio-system'] }, expected: [] },
  { name: 'an empty list', spec: { host: 'r', exportTo: [] }, expected: [] },
  { name: 'a workloadSelector rule kept in its namespace', spec: { host: 'r', exportTo: ['.'], workloadSelector: selector }, expected: [] },
  { name: 'a workloadSelector rule naming its own namespace', spec: { host: 'r', exportTo: ['shop'], workloadSelector: selector }, expected: [] },
  { name: 'an invalid namespace name', spec: { host: 'r', exportTo: ['Bad_NS'] }, expected: [['spec.exportTo[0]', E]] },
  { name: '~ (only for ServiceEntries)', spec: { host: 'r', exportTo: ['~'] }, expected: [['spec.exportTo[0]', E]] },
  { name: 'a namespace twice', spec: { host: 'r', exportTo: ['prod', 'prod'] }, expected: [['spec.exportTo[1]', E]] },
  { name: '. and the own namespace', spec: { host: 'r', exportTo: ['.', 'shop'] }, expected: [['spec.exportTo[1]', E]] },
  { name: '* with other entries', spec: { host: 'r', exportTo: ['*', 'prod'] }, expected: [['spec.exportTo', E]] },
  { name: 'a workloadSelector rule exported everywhere', spec: { host: 'r', exportTo: ['*'], workloadSelector: selector }, expected: [['spec.exportTo', E]] },
  { name: 'a workloadSelector rule exported to another namespace', spec: { host: 'r', exportTo: ['prod'], workloadSelector: selector }, expected: [['spec.exportTo', E]] },
  { name: 'a workloadSelector rule exported to its namespace and another', spec: { host: 'r', exportTo: ['.', 'prod'], workloadSelector: selector }, expected: [['spec.exportTo', E]] },
  { name: 'an uppercase namespace (Istio accepts it; no namespace has that name)', spec: { host: 'r', exportTo: ['Prod'] }, expected: [['spec.exportTo[0]', W]] },
  { name: 'a number entry (left to the CRD schema)', spec: { host: 'r', exportTo: [1] }, expected: [] },
];

describe('CI0204 InvalidDestinationRuleExportTo', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(InvalidDestinationRuleExportTo, spec)).toEqual(expected);
  });

  test('a rule without a namespace is in default', () => {
    const manifest = destinationRule({ host: 'r', exportTo: ['.', 'default'] });
    delete manifest.metadata.namespace;
    expect(findings(InvalidDestinationRuleExportTo, manifest).map((f) => f.field)).toEqual(['spec.exportTo[1]']);
  });

  test('names the namespace and how to fix a workloadSelector rule', () => {
    const [f] = findings(InvalidDestinationRuleExportTo, destinationRule({ host: 'r', exportTo: ['*'], workloadSelector: selector }));
    expect(f).toMatchObject({ code: 'CI0204', value: ['*'], message: 'a DestinationRule with a workloadSelector cannot be exported beyond its own namespace \'shop\'' });
    expect(f.fix).toBe('set spec.exportTo to [\'.\'], or remove it (the selected workloads are in the rule\'s namespace)');
  });
});
