import { Duration } from 'cdk8s';
import { durationProblem, renderDuration } from '../../lib/istio/private/duration';

test('renders whole seconds as s and the rest as ms', () => {
  expect(renderDuration(Duration.seconds(7))).toBe('7s');
  expect(renderDuration(Duration.millis(500))).toBe('500ms');
  expect(renderDuration(Duration.minutes(3))).toBe('180s');
});

test('fails below 1ms', () => {
  expect(durationProblem(Duration.millis(0))).toMatch(/at least 1ms/);
  expect(durationProblem(Duration.millis(1))).toBeUndefined();
});
