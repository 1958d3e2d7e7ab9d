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

describe('problems (reported by the object checks on the rendered manifest)', () => {
  test('fails with portLevelMtls without a selector', () => {
    // GIVEN
    const chart = Testing.chart();
    new PeerAuthentication(chart, 'ns-wide', { mtlsMode: MtlsMode.STRICT, portLevelMtls: { 8080: MtlsMode.DISABLE } });

    // THEN
    expect(() => Testing.synth(chart)).toThrow(/\[test\/ns-wide\] error CI0801 spec\.portLevelMtls = \{"8080":\{"mode":"DISABLE"\}\}: portLevelMtls needs a selector/);
  });

  test('fails with portLevelMtls and an empty selector', () => {
    expect(findingsOf({ selector: WorkloadSelector.fromLabels({}), portLevelMtls: { 8080: MtlsMode.DISABLE } }))
      .toEqual(['CI0024 spec.selector', 'CI0801 spec.portLevelMtls']);
  });

  test('fails with an out-of-range port', () => {
    expect(findingsOf({ selector: WorkloadSelector.fromLabels({ app: 'a' }), portLevelMtls: { 0: MtlsMode.DISABLE, 70000: MtlsMode.STRICT } }))
      .toEqual(['CI0801 spec.portLevelMtls', 'CI0801 spec.portLevelMtls']);
  });

  test('fails with unknown modes (the CRD schema)', () => {
    expect(findingsOf({ selector: WorkloadSelector.fromLabels({ app: 'a' }), mtlsMode: 'MUTUAL' as MtlsMode, portLevelMtls: { 80: 'OFF' as MtlsMode } }))
      .toEqual(['CI0016 spec.mtls.mode', 'CI0016 spec.portLevelMtls[\'80\'].mode']);
  });

  test('fails with a wildcard selector', () => {
    expect(findingsOf({ selector: WorkloadSelector.fromLabels({ app: '*' }), mtlsMode: MtlsMode.STRICT }))
      .toEqual(['CI0024 spec.selector.matchLabels.app']);
  });

  test('fails when the selector\'s workload is in another namespace', () => {
    // GIVEN
    const chart = Testing.chart();
    const d = new kplus.Deployment(chart, 'web', { metadata: { namespace: 'frontend' }, containers: [{ image: 'nginx' }], podMetadata: { labels: { app: 'web' } } });
    // WHEN
    const pa = new PeerAuthentication(chart, 'pa', { metadata: { namespace: 'backend' }, selector: WorkloadSelector.fromWorkload(d), mtlsMode: MtlsMode.STRICT });
    // THEN
    expect(constructFindingsOf(pa).map((f) => `${f.code} ${f.field}`)).toEqual(['CI0019 spec.selector.matchLabels']);
  });
});
