import { Duration, Testing } from 'cdk8s';
import { renderDuration } from '../../lib/istio/private/duration';
import { Destination } from '../../lib/istio/routing/destination';
import { VirtualService } from '../../lib/istio/virtual-service';
import { findingsOf } from '../util/findings';

test('renders whole seconds as s and the rest as ms', () => {
  expect(renderDuration(Duration.seconds(7))).toBe('7s');
  expect(renderDuration(Duration.millis(500))).toBe('500ms');
  expect(renderDuration(Duration.minutes(3))).toBe('180s');
});

test('renders a duration Istio rejects as it is; the check says what is wrong once, and the fix is an action', () => {
  // GIVEN timeouts below 1ms and with a fraction of a millisecond
  const chart = Testing.chart();
  const route = (timeout: Duration) => ({ route: [{ destination: Destination.fromHost('reviews') }], timeout });
  const vs = new VirtualService(chart, 'reviews', { hosts: ['reviews'], httpRoutes: [route(Duration.millis(0.5)), route(Duration.millis(1500.5))] });

  // WHEN
  const findings = findingsOf(vs).filter((f) => f.code === 'CI0127');

  // THEN
  expect(findings.map((f) => [f.field, f.value, f.message])).toEqual([
    ['spec.http[0].timeout', '0.5ms', 'timeout must be at least 1ms, got 0.5ms'],
    ['spec.http[1].timeout', '1500.5ms', 'timeout must be a whole number of milliseconds, got 1500.5ms'],
  ]);
  for (const f of findings) {
    expect(f.fix).toBe(`give ${f.field} a duration of at least 1ms in whole milliseconds (e.g. 10s or 500ms), or leave it out for no timeout`);
  }
});
