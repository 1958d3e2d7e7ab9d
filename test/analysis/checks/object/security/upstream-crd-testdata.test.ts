/**
 * Istio 1.30.3's own CRD test data for the security kinds (pkg/config/validation/testdata/crds in
 * ../shared): the valid documents give no error from any check, and each invalid one is caught,
 * by a security or common check where Istio's webhook has the rule, else by the generic CRD schema
 * check (CI0016). The CEL-only rules among them are also the CEL check's (CI0021) to evaluate.
 */
import { runChecks } from '../../../../../lib/analysis/engine';
import { ManifestObject } from '../../../../../lib/analysis/manifest-object';
import { describeWithShared, readUpstream } from '../../../../util/shared';

const DIR = 'conformance/pkg/config/validation/testdata/crds';
const VALID = ['authz-valid.yaml', 'peerauth-valid.yaml', 'reqauth-valid.yaml'].map((f) => `${DIR}/${f}`);
const INVALID = ['authz-invalid.yaml', 'peerauth-invalid.yaml', 'reqauth-invalid.yaml'].map((f) => `${DIR}/${f}`);

/** The documents of a file, without Istio's `_err` marker (the expected error, not a field). */
function documents(file: string): Array<{ name: string; expected?: string; object: ManifestObject }> {
  return readUpstream(file).map((doc) => {
    const { _err: expected, ...manifest } = doc;
    return { name: `${manifest.kind}/${manifest.metadata?.name}`, expected, object: ManifestObject.of(manifest)! };
  });
}

/** The codes that reject each invalid document (our own codes, or CI0016 where only the schema has the rule). */
const CAUGHT_BY: Record<string, string[]> = {
  'AuthorizationPolicy/service-account-and-namespace': ['CI0706'],
  'AuthorizationPolicy/service-account-and-namespace-principal': ['CI0706'],
  'PeerAuthentication/bad-mode': ['CI0016'],
  'PeerAuthentication/bad-port': ['CI0801'],
  'PeerAuthentication/port-level-global': ['CI0801'],
  'PeerAuthentication/empty-port-level': ['CI0801'],
  'PeerAuthentication/zero-port': ['CI0801'],
  'PeerAuthentication/high-port': ['CI0801'],
  'RequestAuthentication/multi-refs': ['CI0025'],
  'RequestAuthentication/ref-and-selector': ['CI0025'],
  'RequestAuthentication/bad-target-name': ['CI0025'],
  'RequestAuthentication/bad-target-namespace': ['CI0025'],
  'RequestAuthentication/bad-target-group': ['CI0025'],
  'RequestAuthentication/bad-target-kind': ['CI0025'],
  'RequestAuthentication/no-issuer': ['CI0016'],
  'RequestAuthentication/empty-aud': ['CI0816'],
  'RequestAuthentication/invalid-jwks': ['CI0812'],
  'RequestAuthentication/invalid-from-headers-no-name': ['CI0814'],
  'RequestAuthentication/invalid-from-headers-empty-name': ['CI0814'],
  'RequestAuthentication/invalid-from-params': ['CI0814'],
  'RequestAuthentication/invalid-from-cookies': ['CI0814'],
  'RequestAuthentication/invalid-claim-to-header-unset': ['CI0815'],
  'RequestAuthentication/invalid-claim-to-header-claim-empty': ['CI0815'],
  'RequestAuthentication/invalid-claim-to-header-header-empty': ['CI0815'],
  'RequestAuthentication/invalid-claim-to-header-bad-header': ['CI0815'],
  'RequestAuthentication/bad-timeout': ['CI0817'],
  'RequestAuthentication/invalid-space-delimited-claims': ['CI0016'],
};

describeWithShared([...VALID, ...INVALID])('Istio\'s CRD test data for the security kinds', () => {
  test.each(VALID)('every document of %s gives no error', (file) => {
    for (const { name, object } of documents(file)) {
      expect({ name, errors: runChecks([object]).errors.map((f) => `${f.code} ${f.field}: ${f.message}`) }).toEqual({ name, errors: [] });
    }
  });

  test.each(INVALID)('every document of %s is rejected, by the check that has Istio\'s rule', (file) => {
    for (const { name, expected, object } of documents(file)) {
      const codes = [...new Set(runChecks([object]).errors.map((f) => f.code))].sort();
      expect({ name, expected, codes }).toEqual({ name, expected, codes: [...CAUGHT_BY[name]].sort() });
    }
  });

  test('all 27 invalid documents are covered', () => {
    const names = INVALID.flatMap((f) => documents(f).map((d) => d.name));
    expect(names).toHaveLength(27);
    expect(names.sort()).toEqual(Object.keys(CAUGHT_BY).sort());
  });
});
