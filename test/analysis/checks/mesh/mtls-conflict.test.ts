import { Severity } from '../../../../lib/analysis/finding';
import { bookinfo, dr, findingsOf, peerAuthentication, replace } from '../../fixtures';

const drWithTls = (mode: string, extra: Record<string, any> = {}) => dr('reviews', {
  host: 'reviews', trafficPolicy: { tls: { mode } }, subsets: ['v1', 'v2', 'v3'].map((v) => ({ name: v, labels: { version: v } })), ...extra,
});

describe('CI1014 MtlsConflict', () => {
  test('passes for ISTIO_MUTUAL toward STRICT, DISABLE toward PERMISSIVE, and a workload override of a STRICT namespace', () => {
    // GIVEN
    const strict = [...replace(bookinfo(), 'default/DestinationRule/reviews', drWithTls('ISTIO_MUTUAL')), peerAuthentication('default', { mtls: { mode: 'STRICT' } })];
    const permissive = [...replace(bookinfo(), 'default/DestinationRule/reviews', drWithTls('DISABLE')), peerAuthentication('default', { mtls: { mode: 'PERMISSIVE' } }, 'istio-system')];
    const override = [
      ...replace(bookinfo(), 'default/DestinationRule/reviews', drWithTls('DISABLE')),
      peerAuthentication('default', { mtls: { mode: 'STRICT' } }),
      peerAuthentication('reviews', { selector: { matchLabels: { app: 'reviews' } }, mtls: { mode: 'PERMISSIVE' } }),
    ];
    // WHEN / THEN
    expect(findingsOf(strict, 'CI1014')).toEqual([]);
    expect(findingsOf(permissive, 'CI1014')).toEqual([]);
    expect(findingsOf(override, 'CI1014')).toEqual([]);
  });

  test('fails for DISABLE toward a namespace-wide STRICT PeerAuthentication', () => {
    // GIVEN
    const objects = [...replace(bookinfo(), 'default/DestinationRule/reviews', drWithTls('DISABLE')), peerAuthentication('default', { mtls: { mode: 'STRICT' } })];
    // WHEN
    const findings = findingsOf(objects, 'CI1014');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'default/DestinationRule/reviews', field: 'spec.trafficPolicy.tls.mode', value: 'DISABLE' });
    expect(findings[0].message).toBe("client tls mode DISABLE toward Service 'default/reviews' conflicts with PeerAuthentication default/default, which sets mtls mode STRICT");
  });

  test('fails for DISABLE toward a mesh-wide STRICT PeerAuthentication in istio-system', () => {
    // GIVEN
    const objects = [...replace(bookinfo(), 'default/DestinationRule/reviews', drWithTls('DISABLE')), peerAuthentication('mesh', { mtls: { mode: 'STRICT' } }, 'istio-system')];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1014').map((f) => f.message)).toEqual([expect.stringMatching(/PeerAuthentication istio-system\/mesh, which sets mtls mode STRICT/)]);
  });

  test('fails for ISTIO_MUTUAL toward a workload PeerAuthentication with DISABLE', () => {
    // GIVEN
    const objects = [...replace(bookinfo(), 'default/DestinationRule/reviews', drWithTls('ISTIO_MUTUAL')),
      peerAuthentication('reviews-plain', { selector: { matchLabels: { app: 'reviews', version: 'v3' } }, mtls: { mode: 'DISABLE' } })];
    // WHEN
    const findings = findingsOf(objects, 'CI1014');
    // THEN
    expect(findings.map((f) => [f.field, f.value])).toEqual([['spec.trafficPolicy.tls.mode', 'ISTIO_MUTUAL']]);
    expect(findings[0].fix).toMatch(/use DISABLE toward this host/);
  });

  test('fails for a subset-level DISABLE toward the STRICT pods of that subset only', () => {
    // GIVEN
    const objects = [
      ...replace(bookinfo(), 'default/DestinationRule/reviews', dr('reviews', { host: 'reviews', subsets: [
        { name: 'v1', labels: { version: 'v1' }, trafficPolicy: { tls: { mode: 'DISABLE' } } },
        { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { tls: { mode: 'DISABLE' } } },
      ] })),
      peerAuthentication('reviews-v2', { selector: { matchLabels: { version: 'v2' } }, mtls: { mode: 'STRICT' } }),
    ];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1014').map((f) => f.field)).toEqual(['spec.subsets[1].trafficPolicy.tls.mode']);
  });
});

describe('CI1014 MtlsConflict, port by port', () => {
  const portLevel = (ports: Record<string, string>, mode = 'STRICT') => peerAuthentication('reviews', {
    selector: { matchLabels: { app: 'reviews' } }, mtls: { mode }, portLevelMtls: Object.fromEntries(Object.entries(ports).map(([p, m]) => [p, { mode: m }])),
  });

  test('passes for DISABLE toward a STRICT workload whose target port is PERMISSIVE', () => {
    // GIVEN: Service reviews sends port 9080 to container port 9080
    const objects = [...replace(bookinfo(), 'default/DestinationRule/reviews', drWithTls('DISABLE')), portLevel({ 9080: 'PERMISSIVE' })];
    // WHEN / THEN
    expect(findingsOf(objects, 'CI1014')).toEqual([]);
  });

  test('fails (warning) for ISTIO_MUTUAL toward a port whose portLevelMtls is DISABLE, naming the port', () => {
    // GIVEN
    const objects = [...replace(bookinfo(), 'default/DestinationRule/reviews', drWithTls('ISTIO_MUTUAL')), portLevel({ 9080: 'DISABLE' }, 'PERMISSIVE')];
    // WHEN
    const findings = findingsOf(objects, 'CI1014');
    // THEN
    expect(findings.map((f) => [f.field, f.severity])).toEqual([['spec.trafficPolicy.tls.mode', Severity.WARNING]]);
    expect(findings[0].message).toBe("client tls mode ISTIO_MUTUAL toward Service 'default/reviews' conflicts with PeerAuthentication default/reviews, which sets mtls mode DISABLE on port 9080");
  });

  test('checks a DestinationRule\'s portLevelSettings against the mode of the port they target, and not the host-wide setting there', () => {
    // GIVEN: the host-wide DISABLE does not apply to port 9080, which has its own ISTIO_MUTUAL setting
    const rule = dr('reviews', { host: 'reviews', trafficPolicy: { tls: { mode: 'DISABLE' }, portLevelSettings: [{ port: { number: 9080 }, tls: { mode: 'ISTIO_MUTUAL' } }] },
      subsets: ['v1', 'v2', 'v3'].map((v) => ({ name: v, labels: { version: v } })) });
    const strict = [...replace(bookinfo(), 'default/DestinationRule/reviews', rule), peerAuthentication('default', { mtls: { mode: 'STRICT' } })];
    const plainPort = [...replace(bookinfo(), 'default/DestinationRule/reviews', rule), portLevel({ 9080: 'DISABLE' })];
    // WHEN / THEN
    expect(findingsOf(strict, 'CI1014')).toEqual([]);
    expect(findingsOf(plainPort, 'CI1014').map((f) => f.field)).toEqual(['spec.trafficPolicy.portLevelSettings[0].tls.mode']);
  });
});
