import { Testing } from 'cdk8s';
import { addBookinfo } from '../../lib/bookinfo/app';
import { addTrafficManagementScenarios } from '../../lib/scenarios/traffic-management';
import { placementOf } from '../../lib/synth/output-layout';
import { MeshApp } from '../../lib/synth/mesh-app';

describe('addTrafficManagementScenarios', () => {
  test('every scenario is its own chart, in its own folder and layer, in the app namespace', () => {
    // GIVEN
    const app = new MeshApp({ outdir: '/nonexistent', log: () => undefined });
    const bookinfo = addBookinfo(app);
    // WHEN
    const scenarios = addTrafficManagementScenarios(app, { bookinfo: bookinfo.workloads, destinationRules: bookinfo.destinationRules });
    // THEN
    expect(Object.keys(scenarios).sort()).toEqual([
      'all-v1', 'egress-locked-down', 'egress-tls-origination', 'httpbin-circuit-breaker', 'httpbin-mirror',
      'ratings-abort-jason', 'ratings-delay-jason', 'reviews-50-v3', 'reviews-canary-90-10', 'reviews-jason-v2',
      'reviews-retries', 'reviews-timeout', 'reviews-v3',
    ]);
    for (const [id, chart] of Object.entries(scenarios)) {
      expect(placementOf(chart)).toEqual({ file: `scenarios/${id}/${id}.k8s.yaml`, layer: id });
      expect(chart.description.length).toBeGreaterThan(10);
      for (const o of Testing.synth(chart)) expect(o.metadata.namespace).toBe('bookinfo');
    }
  });

  test('the base app and every scenario layer pass every check with no error or warning', () => {
    // GIVEN
    const app = new MeshApp({ outdir: '/nonexistent', log: () => undefined });
    const bookinfo = addBookinfo(app);
    addTrafficManagementScenarios(app, { bookinfo: bookinfo.workloads, destinationRules: bookinfo.destinationRules });
    // WHEN
    const report = app.check();
    // THEN only the documented suppressions (sample clients without a version label, and TLS
    // origination to a public host verified against the proxy's OS CA bundle)
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.suppressed.map((f) => `${f.code} ${f.path}`)).toEqual([
      'CI1044 egress-tls-origination/edition-cnn-com-rule',
      'CI1012 httpbin-circuit-breaker/fortio/Deployment',
      'CI1012 httpbin-mirror/curl/Deployment',
    ]);
  });
});
