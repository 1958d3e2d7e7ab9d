import { InvalidPortLevelMtls } from '../../../../../lib/analysis/checks/object/security/invalid-port-level-mtls';
import { brief, peerAuthn, run, SECURITY_VERSIONS } from '../run';

const selector = { matchLabels: { app: 'ratings' } };
const check = (spec: unknown, apiVersion?: string) => brief(run(InvalidPortLevelMtls, peerAuthn(spec, apiVersion)));

describe('InvalidPortLevelMtls', () => {
  test.each([
    ['per-port modes with a selector', { selector, mtls: { mode: 'PERMISSIVE' }, portLevelMtls: { 80: { mode: 'STRICT' }, 65535: { mode: 'DISABLE' } } }],
    ['a namespace-wide policy without port settings', { mtls: { mode: 'STRICT' } }],
  ])('passes: %s', (_, spec) => {
    expect(check(spec)).toEqual([]);
  });

  test.each([
    ['without selector', { portLevelMtls: { 80: { mode: 'STRICT' } } }, 1],
    ['with an empty selector', { selector: {}, portLevelMtls: { 80: { mode: 'STRICT' } } }, 1],
    ['with empty matchLabels', { selector: { matchLabels: {} }, portLevelMtls: { 80: { mode: 'STRICT' } } }, 1],
    ['empty', { selector, portLevelMtls: {} }, 1],
    ['port 0', { selector, portLevelMtls: { 0: { mode: 'STRICT' } } }, 1],
    ['a port above 65535', { selector, portLevelMtls: { 42949672: { mode: 'STRICT' } } }, 1],
    ['a name instead of a port', { selector, portLevelMtls: { acd: { mode: 'STRICT' } } }, 1],
    ['two bad keys', { selector, portLevelMtls: { 0: { mode: 'STRICT' }, http: { mode: 'STRICT' } } }, 2],
  ])('fails: %s', (_, spec, count) => {
    expect(check(spec)).toEqual(Array(count).fill('error spec.portLevelMtls'));
  });

  test('says what a port-level policy needs', () => {
    const [selectorless, badKey] = run(InvalidPortLevelMtls, peerAuthn({ portLevelMtls: { '-1': { mode: 'STRICT' } } }));
    expect(selectorless.message).toBe('portLevelMtls needs a selector with labels: a namespace- or mesh-wide PeerAuthentication cannot set per-port modes');
    expect(selectorless.fix).toMatch(/^add spec\.selector\.matchLabels/);
    expect(badKey.message).toBe('portLevelMtls key \'-1\' is not a port number from 1 to 65535');
  });

  test.each(SECURITY_VERSIONS)('checks %s', (apiVersion) => {
    expect(check({ portLevelMtls: { 80: { mode: 'STRICT' } } }, apiVersion)).toEqual(['error spec.portLevelMtls']);
  });
});
