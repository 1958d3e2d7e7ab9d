import { Duration } from 'cdk8s';
import { OutlierDetection } from '../../../lib/istio/traffic-policy/outlier-detection';
import { TrafficPolicy } from '../../../lib/istio/traffic-policy/traffic-policy';
import { policyFindings } from './helpers';

const findingsOf = (outlierDetection: OutlierDetection) => policyFindings(TrafficPolicy.of({ outlierDetection }));
const OD = 'outlierDetection';

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
  expect(findingsOf(o)).toEqual([]);
  expect(o.settings.consecutive5xxErrors).toBe(7);
});

test('an empty outlier detection is valid (Istio defaults)', () => {
  expect(findingsOf(OutlierDetection.of())).toEqual([]);
  expect(OutlierDetection.of()._toIstio()).toEqual({});
  expect(OutlierDetection.of(null as any)._toIstio()).toEqual({});
});

test('durations given as strings from plain JavaScript render as given', () => {
  const o = OutlierDetection.of({ interval: '10s' as any, baseEjectionTime: '0s' as any });
  expect(o._toIstio()).toEqual({ interval: '10s', baseEjectionTime: '0s' });
  expect(findingsOf(o).map((f) => [f.code, f.field, f.value])).toEqual([['CI0212', `${OD}.baseEjectionTime`, '0s']]);
});

test('fails (CI0212) on percentages outside 0-100', () => {
  const findings = findingsOf(OutlierDetection.of({ maxEjectionPercent: 101, minHealthPercent: -1 }));
  expect(findings.map((f) => [f.code, f.field, f.value])).toEqual([
    ['CI0212', `${OD}.maxEjectionPercent`, 101],
    ['CI0212', `${OD}.minHealthPercent`, -1],
  ]);
  expect(findings[0].message).toBe('maxEjectionPercent must be a percentage from 0 to 100, got 101');
});

test('fails (CI0212) on durations below 1ms', () => {
  const findings = findingsOf(OutlierDetection.of({ interval: Duration.millis(0), baseEjectionTime: Duration.millis(0) }));
  expect(findings.map((f) => [f.code, f.field])).toEqual([['CI0212', `${OD}.baseEjectionTime`], ['CI0212', `${OD}.interval`]]);
});

test('fails (CI0016, the CRD schema) on negative or fractional counts', () => {
  const findings = findingsOf(OutlierDetection.of({ consecutive5xxErrors: -1, consecutiveGatewayErrors: 0.5 }));
  expect(findings.map((f) => [f.code, f.field])).toEqual([['CI0016', `${OD}.consecutive5xxErrors`], ['CI0016', `${OD}.consecutiveGatewayErrors`]]);
});

test('fails (CI0212) on consecutiveLocalOriginFailures without splitExternalLocalOriginErrors', () => {
  const [f] = findingsOf(OutlierDetection.of({ consecutiveLocalOriginFailures: 5 }));
  expect(f).toMatchObject({ code: 'CI0212', field: `${OD}.consecutiveLocalOriginFailures`, value: 5 });
  expect(f.message).toMatch(/splitExternalLocalOriginErrors/);
});
