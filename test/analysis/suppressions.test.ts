import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { checkObjects, settle } from '../../lib/analysis/engine';
import { Severity } from '../../lib/analysis/finding';
import { ManifestObject } from '../../lib/analysis/manifest-object';
import { SUPPRESSION_METADATA_TYPE, Suppressions } from '../../lib/analysis/suppressions';
import { networking } from '../../lib/istio/private/l1';
import { analyze, collectObjects } from './fixtures';

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

  test('does not apply a suppression to an error Istio rejects at apply time, and says so (CI1016)', () => {
    // GIVEN a suppression of CI0016 on an object the CRD schema rejects
    const chart = Testing.chart();
    const rule = new networking.VirtualService(chart, 'vs', { spec: { hosts: ['a'], http: [{ route: [{ destination: { host: 'a' } }], timeout: 5 as any }] } });
    Suppressions.add(rule, 'CI0016', 'the timeout is set elsewhere');
    const objects = collectObjects(chart);
    // WHEN
    const report = settle(checkObjects(objects));
    // THEN
    expect(report.suppressed).toEqual([]);
    expect(report.errors.map((f) => [f.code, f.field])).toEqual([['CI0016', 'spec.http[0].timeout'], ['CI1016', 'suppressions.CI0016']]);
    expect(report.errors[1].message).toBe('suppression of CI0016 cannot hide an error that Istio rejects at apply time (spec.http[0].timeout)');
  });

  test('reads suppressions of objects written in YAML from annotations', () => {
    // GIVEN
    const manifest = (name: string, annotations: Record<string, string>) => ({
      apiVersion: 'v1', kind: 'Service', metadata: { name, annotations }, spec: { ports: [{ port: 80, name: 'web' }] },
    });
    const objects = [
      ManifestObject.of(manifest('accepted', { 'suppress.cdk8s-istio.io/CI1011': 'the vendor names its ports' }))!,
      ManifestObject.of(manifest('no-reason', { 'suppress.cdk8s-istio.io/CI1011': '' }))!,
    ];
    // WHEN
    const result = analyze(objects);
    // THEN
    expect(result.suppressed.map((f) => [f.path, f.code, f.reason])).toEqual([['Service default/accepted', 'CI1011', 'the vendor names its ports']]);
    expect(result.findings.map((f) => [f.path, f.code, f.field])).toEqual([
      ['Service default/no-reason', 'CI1011', 'spec.ports[0].name'],
      ['Service default/no-reason', 'CI1016', "metadata.annotations['suppress.cdk8s-istio.io/CI1011']"],
    ]);
  });
});
