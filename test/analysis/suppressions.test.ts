import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { analyze, applySuppressions, collectObjects } from '../../lib/analysis/analyzer';
import { Severity } from '../../lib/analysis/finding';
import { SUPPRESSION_METADATA_TYPE, Suppressions } from '../../lib/analysis/suppressions';
import { networking } from '../../lib/istio/private/l1';

function chartWithUnnamedPort() {
  const app = new App();
  const chart = new Chart(app, 'web');
  const svc = new kplus.Service(chart, 'web', { ports: [{ port: 8080 }] });
  return { app, chart, svc };
}

describe('Suppressions', () => {
  test('a suppression with a reason moves the finding to the suppressed list', () => {
    // GIVEN
    const { app, svc } = chartWithUnnamedPort();
    Suppressions.add(svc, 'CI1011', 'the vendor image speaks raw TCP');
    // WHEN
    const result = analyze(collectObjects(app));
    // THEN
    expect(result.findings).toEqual([]);
    expect(result.suppressed).toHaveLength(1);
    expect(result.suppressed[0]).toMatchObject({ code: 'CI1011', path: 'web/web', field: 'spec.ports[0].name', reason: 'the vendor image speaks raw TCP' });
  });

  test('is stored in construct metadata and applies to the construct and its descendants', () => {
    // GIVEN
    const { app, chart, svc } = chartWithUnnamedPort();
    Suppressions.add(chart, 'CI1011', 'chart-wide: ports are named by the platform');
    // WHEN
    const objects = collectObjects(app);
    const result = analyze(objects);
    // THEN
    expect(chart.node.metadata.map((m) => [m.type, m.data])).toEqual([[SUPPRESSION_METADATA_TYPE, { code: 'CI1011', reason: 'chart-wide: ports are named by the platform' }]]);
    expect(Suppressions.of(svc)).toEqual([{ code: 'CI1011', reason: 'chart-wide: ports are named by the platform', scope: 'web' }]);
    expect(objects[0].suppressions).toEqual([{ code: 'CI1011', reason: 'chart-wide: ports are named by the platform', scope: 'web' }]);
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((f) => f.path)).toEqual(['web/web']);
  });

  test('does not suppress other codes or other constructs', () => {
    // GIVEN
    const { app, chart } = chartWithUnnamedPort();
    const other = new kplus.Service(chart, 'other', { ports: [{ port: 9090 }] });
    Suppressions.add(other, 'CI1011', 'accepted for other only');
    Suppressions.add(chart.node.findChild('web'), 'CI1012', 'wrong code');
    // WHEN
    const result = analyze(collectObjects(app));
    // THEN
    expect(result.findings.map((f) => [f.code, f.path])).toEqual([['CI1011', 'web/web']]);
    expect(result.suppressed.map((f) => [f.code, f.path])).toEqual([['CI1011', 'web/other']]);
  });

  test('a suppressed warning stays suppressed with warningsAsErrors, and unsuppressed ones become errors', () => {
    // GIVEN
    const { app, chart, svc } = chartWithUnnamedPort();
    new kplus.Service(chart, 'other', { ports: [{ port: 9090 }] });
    Suppressions.add(svc, 'CI1011', 'accepted');
    // WHEN
    const result = analyze(collectObjects(app), { warningsAsErrors: true });
    // THEN
    expect(result.findings.map((f) => [f.path, f.severity])).toEqual([['web/other', Severity.ERROR]]);
    expect(result.suppressed.map((f) => [f.path, f.severity])).toEqual([['web/web', Severity.WARNING]]);
  });

  test('fails with CI1016 for a suppression without reason, and does not apply it', () => {
    // GIVEN
    const { app, svc } = chartWithUnnamedPort();
    Suppressions.add(svc, 'CI1011', '   ');
    // WHEN
    const result = analyze(collectObjects(app));
    // THEN
    expect(result.findings.map((f) => [f.code, f.path, f.field, f.severity])).toEqual([
      ['CI1011', 'web/web', 'spec.ports[0].name', Severity.WARNING],
      ['CI1016', 'web/web', 'suppressions.CI1011', Severity.ERROR],
    ]);
    expect(result.findings[1].message).toBe('suppression of CI1011 has no reason; it is not applied');
    expect(result.suppressed).toEqual([]);
  });

  test('fails with CI1016 once, on the chart, for an unknown code added to a chart', () => {
    // GIVEN
    const { app, chart } = chartWithUnnamedPort();
    new kplus.Service(chart, 'other', { ports: [{ port: 9090, name: 'http' }] });
    Suppressions.add(chart, 'CI9999', 'typo');
    Suppressions.add(chart, 'CI1016', 'cannot silence suppression errors');
    // WHEN
    const result = analyze(collectObjects(app));
    // THEN
    const invalid = result.findings.filter((f) => f.code === 'CI1016');
    expect(invalid.map((f) => [f.path, f.field, f.message])).toEqual([
      ['web', 'suppressions.CI1016', 'suppressions of CI1016 (invalid suppression) are not allowed; it is not applied'],
      ['web', 'suppressions.CI9999', "suppression of unknown check 'CI9999'; it is not applied"],
    ]);
  });

  test('fails a suppression of a per-object check: it is not applied and is reported as CI1016', () => {
    // GIVEN a suppression of CI0015 (Istio itself would reject the object, so nothing may hide it)
    const chart = Testing.chart();
    const rule = new networking.VirtualService(chart, 'vs', { spec: { hosts: ['a'] } });
    Suppressions.add(rule, 'CI0015', 'routes are added by a delegate');
    const objects = collectObjects(chart);
    const finding = { code: 'CI0015', path: `${chart.node.path}/vs`, field: 'spec.http', message: 'no routes', fix: 'add a route', severity: Severity.ERROR };
    // WHEN
    const result = applySuppressions([finding], objects);
    const analyzed = analyze(objects);
    // THEN
    expect(result.findings).toEqual([finding]);
    expect(result.suppressed).toEqual([]);
    expect(analyzed.findings.filter((f) => f.code === 'CI1016').map((f) => f.message)).toEqual([
      'CI0015 is a per-object check (Istio would reject the object) and cannot be suppressed; it is not applied',
    ]);
  });
});
