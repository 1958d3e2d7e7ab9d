import { EmptySidecar } from '../../../../../lib/analysis/checks/object/sidecar/empty-sidecar';
import { CATCH_ALL, findings, ingress, sidecar, summary, VERSIONS } from './helpers';

describe('CI0501 EmptySidecar', () => {
  test.each([
    ['egress', { egress: [CATCH_ALL] }],
    ['ingress', { ingress: [ingress()] }],
    ['only an outbound traffic policy', { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } }],
    ['only an inbound connection pool', { inboundConnectionPool: { tcp: { maxConnections: 10 } } }],
  ])('accepts a Sidecar with %s', (_, spec) => {
    expect(findings(EmptySidecar, sidecar(spec))).toEqual([]);
  });

  test.each([
    ['no spec', undefined, ['spec error']],
    ['only a workload selector', { workloadSelector: { labels: { app: 'reviews' } } }, ['spec error']],
    ['empty lists', { egress: [], ingress: [] }, ['spec error']],
    ['a null egress listener', { egress: [null, CATCH_ALL] }, ['spec.egress[0] error']],
    ['a null ingress listener', { ingress: [ingress(), null] }, ['spec.ingress[1] error']],
  ])('fails for %s', (_, spec, expected) => {
    expect(summary(EmptySidecar, sidecar(spec))).toEqual(expected);
  });

  test.each(VERSIONS)('says what to add (%s)', (apiVersion) => {
    const [f] = findings(EmptySidecar, sidecar({}, apiVersion));
    expect(f.message).toBe('sidecar configures nothing: it has no egress, ingress, outboundTrafficPolicy or inboundConnectionPool, and Istio rejects an empty Sidecar');
    expect(f.fix).toMatch(/^add spec.egress hosts such as \['.\/\*', 'istio-system\/\*'\]/);
  });
});
