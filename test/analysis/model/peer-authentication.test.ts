import { MeshModel } from '../../../lib/analysis/model/mesh-model';
import { effectiveMtls, mtlsModeOnPort, oldestPolicy } from '../../../lib/analysis/model/peer-authentication';
import { deployment, namespace, obj, peerAuthentication } from '../fixtures';

const workload = (labels: Record<string, unknown>) => ({ selector: { matchLabels: labels } });

describe('effectiveMtls: the mode istiod composes for a workload', () => {
  const pod = (model: MeshModel) => model.pods.inNamespace('shop')[0];
  const shop = deployment('orders', { app: 'orders' }, 'shop');

  test.each<[string, ReturnType<typeof peerAuthentication>[], string, string | undefined]>([
    ['no policy: PERMISSIVE', [], 'PERMISSIVE', undefined],
    ['the mesh-wide policy', [peerAuthentication('mesh', { mtls: { mode: 'STRICT' } }, 'istio-system')], 'STRICT', 'mesh'],
    ['namespace-wide over mesh-wide', [peerAuthentication('mesh', { mtls: { mode: 'STRICT' } }, 'istio-system'), peerAuthentication('ns', { mtls: { mode: 'DISABLE' } }, 'shop')], 'DISABLE', 'ns'],
    ['workload over namespace-wide', [peerAuthentication('ns', { mtls: { mode: 'DISABLE' } }, 'shop'), peerAuthentication('w', { ...workload({ app: 'orders' }), mtls: { mode: 'STRICT' } }, 'shop')], 'STRICT', 'w'],
    ['UNSET inherits', [peerAuthentication('ns', { mtls: { mode: 'STRICT' } }, 'shop'), peerAuthentication('w', { ...workload({ app: 'orders' }), mtls: { mode: 'UNSET' } }, 'shop')], 'STRICT', 'ns'],
    // the oldest of a level wins even when it sets no mode: b-strict is ignored, the mesh-wide DISABLE stays
    ['the oldest of a level, not the first that sets a mode', [peerAuthentication('mesh', { mtls: { mode: 'DISABLE' } }, 'istio-system'),
      peerAuthentication('a-unset', {}, 'shop'), peerAuthentication('b-strict', { mtls: { mode: 'STRICT' } }, 'shop')], 'DISABLE', 'mesh'],
    ['a selector in the root namespace is ignored', [peerAuthentication('w', { ...workload({ app: 'orders' }), mtls: { mode: 'DISABLE' } }, 'istio-system')], 'PERMISSIVE', undefined],
  ])('%s', (_name, policies, mode, policy) => {
    // GIVEN
    const model = new MeshModel([shop, ...policies]);
    // WHEN
    const mtls = effectiveMtls(model.peerAuthenticationsFor(pod(model)));
    // THEN
    expect([mtls.mode, mtls.policy?.name]).toEqual([mode, policy]);
  });

  test('port-level modes of the workload-level policy, UNSET inheriting the workload mode', () => {
    // GIVEN
    const model = new MeshModel([shop, peerAuthentication('w', { ...workload({ app: 'orders' }), mtls: { mode: 'STRICT' }, portLevelMtls: { 8080: { mode: 'DISABLE' }, 9090: { mode: 'UNSET' } } }, 'shop')]);
    // WHEN
    const mtls = effectiveMtls(model.peerAuthenticationsFor(pod(model)));
    // THEN
    expect(mtls.ports).toEqual({ 8080: 'DISABLE', 9090: 'STRICT' });
    expect([mtlsModeOnPort(mtls, 8080), mtlsModeOnPort(mtls, 9090), mtlsModeOnPort(mtls, 7000)]).toEqual(['DISABLE', 'STRICT', 'STRICT']);
  });

  test('oldestPolicy: the earliest creationTimestamp, then the first by name', () => {
    // GIVEN
    const a = peerAuthentication('a', {}, 'shop');
    const b = peerAuthentication('b', {}, 'shop');
    const z = peerAuthentication('z', {}, 'shop');
    z.manifest.metadata.creationTimestamp = '2020-01-01T00:00:00Z';
    b.manifest.metadata.creationTimestamp = '2020-01-01T00:00:00Z';
    // WHEN / THEN
    expect(oldestPolicy([b, a])?.name).toBe('a');
    expect(oldestPolicy([z, b])?.name).toBe('b');
    expect(oldestPolicy([])).toBeUndefined();
  });
});

describe('MeshModel: namespaces and service accounts the app knows', () => {
  test('knownNamespaces: Namespace objects, external ones, those objects live in, and every cluster\'s', () => {
    // GIVEN
    const model = new MeshModel([namespace('shop'), deployment('worker', { app: 'worker' }, 'jobs')], { external: { namespaces: [{ name: 'legacy' }] } });
    // WHEN / THEN
    expect([...model.knownNamespaces].sort()).toEqual(['default', 'istio-system', 'jobs', 'kube-node-lease', 'kube-public', 'kube-system', 'legacy', 'shop']);
    expect([model.ownsNamespace('shop'), model.ownsNamespace('jobs'), model.ownsNamespace('legacy')]).toEqual([true, false, false]);
  });

  test('serviceAccountsIn: ServiceAccount objects, the accounts pods run as, and default', () => {
    // GIVEN
    const runner = deployment('runner', { app: 'runner' }, 'jobs');
    runner.manifest.spec.template.spec.serviceAccountName = 'runner';
    const model = new MeshModel([runner, obj('v1', 'ServiceAccount', 'cron', 'jobs', {})]);
    // WHEN / THEN
    expect([...model.serviceAccountsIn('jobs')].sort()).toEqual(['cron', 'default', 'runner']);
    expect([...model.serviceAccountsIn('empty')]).toEqual(['default']);
  });
});
