/**
 * The CEL library and the rule schemas are loaded on first need only: a program without Istio
 * objects loads neither, one whose Istio objects hold no value under a rule loads no CEL library.
 */
import { runChecks } from '../../../lib/analysis/engine';
import { ManifestObject } from '../../../lib/analysis/manifest-object';

let mockCelLoaded = false;
let mockRulesLoaded = false;
jest.mock('@marcbachmann/cel-js', () => {
  mockCelLoaded = true;
  return jest.requireActual('@marcbachmann/cel-js');
});
jest.mock('../../../imports/istio-crd-rules', () => {
  mockRulesLoaded = true;
  return jest.requireActual('../../../imports/istio-crd-rules');
});

const object = (manifest: unknown) => ManifestObject.of(manifest)!;

test('loads the rule schemas for the first Istio object, and the CEL library for the first value under a rule', () => {
  // GIVEN Kubernetes objects only
  runChecks([
    object({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' }, spec: { ports: [{ port: 80 }] } }),
    object({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' }, spec: {} }),
  ]);
  // THEN nothing is loaded
  expect([mockRulesLoaded, mockCelLoaded]).toEqual([false, false]);

  // WHEN an Istio object has no value under a rule (a DestinationRule without traffic policy)
  runChecks([object({ apiVersion: 'networking.istio.io/v1', kind: 'DestinationRule', metadata: { name: 'a' }, spec: { host: 'a' } })]);
  // THEN the rule schemas are loaded, the CEL library is not
  expect([mockRulesLoaded, mockCelLoaded]).toEqual([true, false]);

  // WHEN a value is under a rule that only the CRD checks (a Telemetry tag override UPSERT needs a value)
  const report = runChecks([object({ apiVersion: 'telemetry.istio.io/v1', kind: 'Telemetry', metadata: { name: 'a' }, spec: { metrics: [{ overrides: [{ tagOverrides: { foo: { operation: 'UPSERT' } } }] }] } })]);
  // THEN
  expect(mockCelLoaded).toBe(true);
  expect(report.errors.map((f) => f.code)).toContain('CI0021');
});
