import { InvalidOutlierDetection } from '../../../../../lib/analysis/checks/object/destination-rule/invalid-outlier-detection';
import { Case, destinationRule, E, fieldsOf, findings, W } from './helpers';

const detecting = (outlierDetection: unknown) => ({ host: 'r', trafficPolicy: { outlierDetection } });
const AT = 'spec.trafficPolicy.outlierDetection';

const CASES: Case[] = [
  { name: 'the circuit-breaking task', spec: detecting({ consecutive5xxErrors: 1, interval: '1s', baseEjectionTime: '3m', maxEjectionPercent: 100 }), expected: [] },
  { name: 'an empty outlier detection (Istio\'s defaults)', spec: detecting({}), expected: [] },
  { name: 'local-origin failures counted apart', spec: detecting({ consecutiveLocalOriginFailures: 3, splitExternalLocalOriginErrors: true }), expected: [] },
  { name: 'percentages at the bounds', spec: detecting({ maxEjectionPercent: 0, minHealthPercent: 100 }), expected: [] },
  { name: 'an interval of 0s', spec: detecting({ interval: '0s' }), expected: [[`${AT}.interval`, E]] },
  { name: 'a baseEjectionTime finer than a millisecond', spec: detecting({ baseEjectionTime: '1.5ms' }), expected: [[`${AT}.baseEjectionTime`, E]] },
  { name: 'maxEjectionPercent 120', spec: detecting({ maxEjectionPercent: 120 }), expected: [[`${AT}.maxEjectionPercent`, E]] },
  { name: 'minHealthPercent -1', spec: detecting({ minHealthPercent: -1 }), expected: [[`${AT}.minHealthPercent`, E]] },
  { name: 'local-origin failures without splitting', spec: detecting({ consecutiveLocalOriginFailures: 3 }), expected: [[`${AT}.consecutiveLocalOriginFailures`, E]] },
  { name: 'the deprecated consecutiveErrors', spec: detecting({ consecutiveErrors: 5 }), expected: [[`${AT}.consecutiveErrors`, W]] },
];

describe('CI0212 InvalidOutlierDetection', () => {
  test.each(CASES)('$name', ({ spec, expected }) => {
    expect(fieldsOf(InvalidOutlierDetection, spec)).toEqual(expected);
  });

  test('names the percentage and its range', () => {
    const [f] = findings(InvalidOutlierDetection, destinationRule(detecting({ maxEjectionPercent: 120 })));
    expect(f).toMatchObject({ code: 'CI0212', value: 120, message: 'maxEjectionPercent must be a percentage from 0 to 100, got 120' });
    expect(f.fix).toBe(`set ${AT}.maxEjectionPercent to a whole number from 0 to 100`);
  });
});
