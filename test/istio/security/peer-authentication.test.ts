import { findingsOf as constructFindingsOf } from '../../util/findings';
import { ApiObject, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { MtlsMode, PeerAuthentication, PeerAuthenticationProps } from '../../../lib/istio/security/peer-authentication';
import { WorkloadSelector } from '../../../lib/istio/workload-selector';

function manifestOf(chart: ReturnType<typeof Testing.chart>) {
  return Testing.synth(chart).filter((o) => o.kind === 'PeerAuthentication')[0];
}

function findingsOf(props: PeerAuthenticationProps): string[] {
  const chart = Testing.chart();
  return constructFindingsOf(new PeerAuthentication(chart, 'pa', props)).map((f) => `${f.code} ${f.field}`);
}

describe('rendering', () => {
  test('defaultChild pins kind and apiVersion', () => {
    const chart = Testing.chart();
    const pa = new PeerAuthentication(chart, 'default', { mtlsMode: MtlsMode.STRICT });
    expect(ApiObject.of(pa).kind).toBe('PeerAuthentication');
    expect(pa.apiVersion).toBe('security.istio.io/v1');
  });

  test('renders a namespace-wide STRICT policy', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    new PeerAuthentication(chart, 'default', { metadata: { namespace: 'bookinfo' }, mtlsMode: MtlsMode.STRICT });

    // THEN
    const m = manifestOf(chart);
    expect(m.metadata).toEqual({ name: 'default', namespace: 'bookinfo' });
    expect(m.spec).toEqual({ mtls: { mode: 'STRICT' } });
  });

  test('meshWide renders in istio-system without selector', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const pa = PeerAuthentication.meshWide(chart, 'default', { mtlsMode: MtlsMode.STRICT });

    // THEN
    const m = manifestOf(chart);
    expect(m.metadata).toEqual({ name: 'default', namespace: 'istio-system' });
    expect(m.spec).toEqual({ mtls: { mode: 'STRICT' } });
    expect(pa.namespace).toBe('istio-system');
  });

  test('meshWide accepts another root namespace and name', () => {
    const chart = Testing.chart();
    PeerAuthentication.meshWide(chart, 'pa', { mtlsMode: MtlsMode.PERMISSIVE, rootNamespace: 'mesh-root', name: 'mesh' });
    expect(manifestOf(chart).metadata).toEqual({ name: 'mesh', namespace: 'mesh-root' });
  });

  test('renders a selector from a kplus Deployment and port-level modes', () => {
    // GIVEN
    const chart = Testing.chart();
    const d = new kplus.Deployment(chart, 'ratings-v1', { containers: [{ image: 'ratings' }], podMetadata: { labels: { app: 'ratings', version: 'v1' } } });

    // WHEN
    const pa = new PeerAuthentication(chart, 'ratings', {
      selector: WorkloadSelector.fromWorkload(d),
      mtlsMode: MtlsMode.STRICT,
      portLevelMtls: { 8080: MtlsMode.DISABLE },
    });
    pa.addPortMtls(9090, MtlsMode.PERMISSIVE);

    // THEN
    expect(manifestOf(chart).spec).toEqual({
      selector: { matchLabels: { app: 'ratings', version: 'v1' } },
      mtls: { mode: 'STRICT' },
      portLevelMtls: { 8080: { mode: 'DISABLE' }, 9090: { mode: 'PERMISSIVE' } },
    });
    expect(pa.portLevelMtls).toEqual({ 8080: 'DISABLE', 9090: 'PERMISSIVE' });
  });

  test('renders UNSET', () => {
    const chart = Testing.chart();
    new PeerAuthentication(chart, 'inherit', { mtlsMode: MtlsMode.UNSET });
    expect(manifestOf(chart).spec).toEqual({ mtls: { mode: 'UNSET' } });
  });
});

describe('problems', () => {
  test('fails with portLevelMtls without a selector', () => {
    // GIVEN
    const chart = Testing.chart();
    new PeerAuthentication(chart, 'ns-wide', { mtlsMode: MtlsMode.STRICT, portLevelMtls: { 8080: MtlsMode.DISABLE } });

    // THEN
    expect(() => Testing.synth(chart)).toThrow(/\[test\/ns-wide\] error CI0017 spec\.portLevelMtls = \{"8080":"DISABLE"\}: portLevelMtls requires a selector/);
  });

  test('fails with portLevelMtls and an empty selector', () => {
    expect(findingsOf({ selector: WorkloadSelector.fromLabels({}), portLevelMtls: { 8080: MtlsMode.DISABLE } }))
      .toEqual(['CI0018 spec.selector.matchLabels', 'CI0017 spec.portLevelMtls', 'CI0021 spec']);
  });

  test('fails with an out-of-range port', () => {
    expect(findingsOf({ selector: WorkloadSelector.fromLabels({ app: 'a' }), portLevelMtls: { 0: MtlsMode.DISABLE, 70000: MtlsMode.STRICT } }))
      .toEqual(['CI0003 spec.portLevelMtls[\'0\']', 'CI0003 spec.portLevelMtls[\'70000\']', 'CI0021 spec.portLevelMtls']);
  });

  test('fails with unknown modes', () => {
    expect(findingsOf({ selector: WorkloadSelector.fromLabels({ app: 'a' }), mtlsMode: 'MUTUAL' as MtlsMode, portLevelMtls: { 80: 'OFF' as MtlsMode } }))
      .toEqual(['CI0017 spec.mtls.mode', 'CI0017 spec.portLevelMtls[\'80\'].mode']);
  });

  test('fails with a wildcard selector', () => {
    expect(findingsOf({ selector: WorkloadSelector.fromLabels({ app: '*' }), mtlsMode: MtlsMode.STRICT }))
      .toEqual(['CI0018 spec.selector.matchLabels[\'app\']', 'CI0021 spec.selector.matchLabels.app']);
  });
});
