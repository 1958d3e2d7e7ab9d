import { Duration } from 'cdk8s';
import { ProblemCollector } from '../../../lib/analysis/finding';
import { OutlierDetection } from '../../../lib/istio/traffic-policy/outlier-detection';

function problemsOf(o: OutlierDetection) {
  const c = new ProblemCollector('od');
  o._validate(c);
  return c.problems;
}

test('renders every option, with the consecutive5xxErrors spelling Istio uses', () => {
  // GIVEN
  const o = OutlierDetection.of({
    consecutive5xxErrors: 7,
    consecutiveGatewayErrors: 3,
    consecutiveLocalOriginFailures: 2,
    splitExternalLocalOriginErrors: true,
    interval: Duration.minutes(5),
    baseEjectionTime: Duration.minutes(15),
    maxEjectionPercent: 100,
    minHealthPercent: 50,
  });
  // THEN
  const rendered = o._toIstio();
  expect(rendered).toMatchObject({
    consecutiveGatewayErrors: 3,
    consecutiveLocalOriginFailures: 2,
    splitExternalLocalOriginErrors: true,
    interval: '300s',
    baseEjectionTime: '900s',
    maxEjectionPercent: 100,
    minHealthPercent: 50,
  });
  // the L1 type's key; cdk8s' toJson turns it into consecutive5xxErrors (asserted in destination-rule.test.ts)
  expect((rendered as any).consecutive5XxErrors).toBe(7);
  expect(problemsOf(o)).toEqual([]);
  expect(o.settings.consecutive5xxErrors).toBe(7);
});

test('an empty outlier detection is valid (Istio defaults)', () => {
  expect(problemsOf(OutlierDetection.of())).toEqual([]);
  expect(OutlierDetection.of()._toIstio()).toEqual({});
});

test('fails on percentages outside 0-100', () => {
  const problems = problemsOf(OutlierDetection.of({ maxEjectionPercent: 101, minHealthPercent: -1 }));
  expect(problems.map((p) => [p.code, p.field, p.value])).toEqual([
    ['CI0005', 'od.maxEjectionPercent', 101],
    ['CI0005', 'od.minHealthPercent', -1],
  ]);
  expect(problems[0].message).toBe('maxEjectionPercent must be an integer from 0 to 100, got 101');
});

test('fails on durations below 1ms', () => {
  const problems = problemsOf(OutlierDetection.of({ interval: Duration.millis(0), baseEjectionTime: Duration.millis(0) }));
  expect(problems.map((p) => [p.code, p.field])).toEqual([['CI0004', 'od.interval'], ['CI0004', 'od.baseEjectionTime']]);
});

test('fails on negative counts', () => {
  const problems = problemsOf(OutlierDetection.of({ consecutive5xxErrors: -1, consecutiveGatewayErrors: 0.5 }));
  expect(problems.map((p) => [p.code, p.field])).toEqual([['CI0017', 'od.consecutive5xxErrors'], ['CI0017', 'od.consecutiveGatewayErrors']]);
});

test('fails on consecutiveLocalOriginFailures without splitExternalLocalOriginErrors', () => {
  const [p] = problemsOf(OutlierDetection.of({ consecutiveLocalOriginFailures: 5 }));
  expect(p).toMatchObject({ code: 'CI0017', field: 'od.consecutiveLocalOriginFailures', value: 5 });
  expect(p.message).toMatch(/splitExternalLocalOriginErrors/);
});
