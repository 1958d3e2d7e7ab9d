import { InvalidSidecarWorkloadSelector } from '../../../../../lib/analysis/checks/object/sidecar/invalid-sidecar-workload-selector';
import { CATCH_ALL, findings, sidecar, summary, VERSIONS } from './helpers';

const selecting = (workloadSelector: unknown) => sidecar({ workloadSelector, egress: [CATCH_ALL] });

describe('CI0502 InvalidSidecarWorkloadSelector', () => {
  test.each([
    ['labels', { labels: { app: 'reviews', version: 'v1' } }],
    ['a prefixed key and an uppercase value', { labels: { 'app.kubernetes.io/name': 'Reviews' } }],
    ['no selector', undefined],
    ['labels of the wrong type (the CRD schema\'s)', { labels: 'app=reviews' }],
  ])('accepts %s', (_, selector) => {
    expect(findings(InvalidSidecarWorkloadSelector, selecting(selector))).toEqual([]);
  });

  test.each([
    ['no labels (Istio warns)', {}, ['spec.workloadSelector.labels warning']],
    ['empty labels (Istio warns)', { labels: {} }, ['spec.workloadSelector.labels warning']],
    ['a wildcard value', { labels: { app: 'reviews-*' } }, ['spec.workloadSelector.labels.app error']],
    ['a wildcard key', { labels: { 'app*': 'reviews' } }, ["spec.workloadSelector.labels['app*'] error"]],
    ['an empty key', { labels: { '': 'reviews' } }, ["spec.workloadSelector.labels[''] error"]],
    ['a value no pod can carry (stricter than Istio)', { labels: { app: 'my app' } }, ['spec.workloadSelector.labels.app warning']],
    ['a value over 63 characters (the CRD rejects it)', { labels: { app: 'a'.repeat(64) } }, ['spec.workloadSelector.labels.app error']],
  ])('fails for %s', (_, selector, expected) => {
    expect(summary(InvalidSidecarWorkloadSelector, selecting(selector))).toEqual(expected);
  });

  test.each(VERSIONS)('warns that a selector without labels applies to the whole namespace (%s)', (apiVersion) => {
    const [f] = findings(InvalidSidecarWorkloadSelector, sidecar({ workloadSelector: {}, egress: [CATCH_ALL] }, apiVersion));
    expect(f.message).toBe('workload selector has no labels, so the Sidecar applies to every workload in the namespace');
    expect(f.fix).toMatch(/^give workloadSelector.labels at least one label/);
  });
});
