/**
 * Table-driven tests of the VirtualService object checks: each case is a `spec`, checked as a
 * manifest of every served version (v1, v1beta1, v1alpha3) through `checkObjects`.
 */
import { ObjectCheck } from '../../../../../lib/analysis/check';
import { checkObjects } from '../../../../../lib/analysis/engine';
import { Finding, Severity } from '../../../../../lib/analysis/finding';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';

/** The versions Istio 1.30 serves VirtualService in. */
export const VERSIONS = ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'];

/** Options of a test manifest. */
export interface ManifestOptions {
  readonly apiVersion?: string;
  readonly namespace?: string;
}

/** A VirtualService manifest `shop/vs` with this spec. */
export function vs(spec: unknown, options: ManifestOptions = {}): ManifestObject {
  return ManifestObject.of({
    apiVersion: options.apiVersion ?? VERSIONS[0], kind: 'VirtualService',
    metadata: { name: 'vs', namespace: options.namespace ?? 'shop' }, spec,
  })!;
}

/** The findings of one check on a VirtualService with this spec. */
export function findingsOf(check: ObjectCheck, spec: unknown, options: ManifestOptions = {}): Finding[] {
  return checkObjects([vs(spec, options)], [check]).map((r) => r.finding);
}

/** An HTTP route to `host`. */
export const to = (host = 'reviews'): Record<string, any> => ({ route: [{ destination: { host } }] });

/** A sidecar VirtualService for `reviews` with one route to it, and `extra` spec fields. */
export const spec = (extra: Record<string, any> = {}): Record<string, any> => ({ hosts: ['reviews'], http: [to()], ...extra });

/** A spec whose single HTTP route has `extra` fields besides its route to reviews. */
export const withRoute = (extra: Record<string, any>): Record<string, any> => spec({ http: [{ ...to(), ...extra }] });

/** An expected finding: its field, and its severity when it is not the check's. */
export type Expected = [field: string, severity?: Severity];

/** The cases of one check. */
export interface Cases {
  /** Specs that give no finding. */
  readonly valid: Array<[name: string, spec: unknown]>;
  /** Specs and the findings they give, in order. */
  readonly invalid: Array<[name: string, spec: unknown, expected: Expected[]]>;
}

/** Runs the valid and invalid cases of `check` over every served version. */
export function describeCheck(check: ObjectCheck, cases: Cases): void {
  describe(`${check.code} ${check.name}`, () => {
    const valid = cases.valid.flatMap(([name, s]) => VERSIONS.map((v) => [name, v, s] as const));
    const invalid = cases.invalid.flatMap(([name, s, e]) => VERSIONS.map((v) => [name, v, s, e] as const));

    test.each(valid)('passes: %s (%s)', (_name, apiVersion, s) => {
      // GIVEN a valid spec WHEN checked THEN nothing is found
      expect(findingsOf(check, s, { apiVersion }).map((f) => `${f.field}: ${f.message}`)).toEqual([]);
    });

    test.each(invalid)('fails: %s (%s)', (_name, apiVersion, s, expected) => {
      // GIVEN an invalid spec WHEN checked
      const found = findingsOf(check, s, { apiVersion });
      // THEN exactly the expected fields are reported, with the expected severity
      expect(found.map((f) => [f.field, f.severity])).toEqual(expected.map(([field, severity]) => [field, severity ?? check.severity]));
      // and every finding says what is wrong and how to fix it, in the project's style
      for (const f of found) {
        expect(f.code).toBe(check.code);
        expect(f.message).not.toMatch(/\.$/);
        expect(f.fix.length).toBeGreaterThan(0);
        expect(f.fix).not.toBe(f.message);
      }
    });
  });
}
