import { InvalidDryRunAnnotation } from '../../../../../lib/analysis/checks/object/security/invalid-dry-run-annotation';
import { brief, manifest, run, SECURITY_VERSIONS } from '../run';

const FIELD = 'metadata.annotations[\'istio.io/dry-run\']';
const check = (kind: string, spec: unknown, value: unknown, apiVersion?: string) =>
  brief(run(InvalidDryRunAnnotation, manifest(kind, spec, { apiVersion, annotations: { 'istio.io/dry-run': value } })));

describe('InvalidDryRunAnnotation', () => {
  test.each([
    ['ALLOW, true', { action: 'ALLOW', rules: [{}] }, 'true'],
    ['no action (ALLOW), 1', { rules: [{}] }, '1'],
    ['DENY, False', { action: 'DENY', rules: [{}] }, 'False'],
  ])('passes: %s', (_, spec, value) => {
    expect(check('AuthorizationPolicy', spec, value)).toEqual([]);
  });

  test('passes a policy without the annotation', () => {
    expect(brief(run(InvalidDryRunAnnotation, manifest('AuthorizationPolicy', { action: 'CUSTOM' })))).toEqual([]);
  });

  test.each([
    ['a CUSTOM policy', 'AuthorizationPolicy', { action: 'CUSTOM', provider: { name: 'x' }, rules: [{}] }, 'true'],
    ['an AUDIT policy', 'AuthorizationPolicy', { action: 'AUDIT', rules: [{}] }, 'true'],
    ['a value that is not a boolean', 'AuthorizationPolicy', { action: 'DENY', rules: [{}] }, 'yes'],
    ['a PeerAuthentication', 'PeerAuthentication', { mtls: { mode: 'STRICT' } }, 'true'],
    ['a RequestAuthentication', 'RequestAuthentication', { jwtRules: [{ issuer: 'x' }] }, 'true'],
  ])('fails: %s', (_, kind, spec, value) => {
    expect(check(kind, spec, value)).toEqual([`error ${FIELD}`]);
  });

  test('says what is supported', () => {
    const [f] = run(InvalidDryRunAnnotation, manifest('PeerAuthentication', {}, { annotations: { 'istio.io/dry-run': 'true' } }));
    expect(f.message).toBe('the istio.io/dry-run annotation is only supported on AuthorizationPolicy, not on PeerAuthentication');
    expect(f.fix).toBe('remove the istio.io/dry-run annotation');
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check('AuthorizationPolicy', { action: 'ALLOW' }, 'maybe', apiVersion)).toEqual([`error ${FIELD}`]);
  });
});
