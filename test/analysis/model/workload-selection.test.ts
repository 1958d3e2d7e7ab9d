import { ManifestObject } from '../../../lib/analysis/manifest-object';
import { MeshMode, MeshModel } from '../../../lib/analysis/model/mesh-model';
import { deployment, namespace, obj, peerAuthentication, service, serviceEntry } from '../fixtures';

const SEC = 'security.istio.io/v1';
const NET = 'networking.istio.io/v1';
const sidecar = (name: string, ns: string, labels?: Record<string, string>) => obj(NET, 'Sidecar', name, ns, { spec: { ...(labels ? { workloadSelector: { labels } } : {}), egress: [{ hosts: ['./*'] }] } });
const policy = (kind: string, name: string, ns: string, labels?: Record<string, string>, extra: Record<string, unknown> = {}) =>
  obj(SEC, kind, name, ns, { spec: { ...(labels ? { selector: { matchLabels: labels } } : {}), ...extra } });
const names = (pods: ReadonlyArray<{ owner: ManifestObject }>) => pods.map((p) => p.owner.name);

describe('MeshModel: workloads, injection and the policies that select them', () => {
  test.each<[Record<string, string>, MeshMode]>([
    [{ 'istio-injection': 'enabled' }, MeshMode.SIDECAR],
    [{ 'istio.io/rev': 'canary' }, MeshMode.SIDECAR],
    [{ 'istio.io/dataplane-mode': 'ambient' }, MeshMode.AMBIENT],
    // the injector's labels win: pods with a sidecar are never captured by ambient
    [{ 'istio-injection': 'enabled', 'istio.io/dataplane-mode': 'ambient' }, MeshMode.SIDECAR],
    [{ 'istio.io/rev': 'canary', 'istio.io/dataplane-mode': 'ambient' }, MeshMode.SIDECAR],
    [{ 'istio-injection': 'disabled', 'istio.io/dataplane-mode': 'ambient' }, MeshMode.AMBIENT],
    [{ 'istio-injection': 'disabled', 'istio.io/rev': 'canary' }, MeshMode.NONE],
    [{}, MeshMode.NONE],
  ])('a namespace labelled %j is in mode %s', (labels, mode) => {
    expect(new MeshModel([namespace('n', labels)]).meshMode('n')).toBe(mode);
  });

  test('podMeshMode: the proxy container, hostNetwork, the pod\'s labels and annotations, then the namespace', () => {
    // GIVEN
    const pod = (name: string, labels: Record<string, string>, spec: Record<string, unknown> = {}, annotations: Record<string, string> = {}) =>
      obj('v1', 'Pod', name, labels.ns ?? 'meshed', { metadata: { name, namespace: labels.ns ?? 'meshed', labels, annotations }, spec: { containers: [{ name: 'app', image: 'a' }], ...spec } });
    const model = new MeshModel([
      namespace('meshed', { 'istio-injection': 'enabled' }), namespace('plain'), namespace('amb', { 'istio.io/dataplane-mode': 'ambient' }),
      pod('default', {}), pod('opted-out', { 'sidecar.istio.io/inject': 'false' }), pod('host', {}, { hostNetwork: true }),
      pod('forced', { ns: 'plain', 'sidecar.istio.io/inject': 'true' }), pod('manual', { ns: 'plain' }, { containers: [{ name: 'istio-proxy', image: 'proxyv2' }] }),
      pod('ambient', { ns: 'amb' }), pod('ambient-opted-out', { ns: 'amb', 'istio.io/dataplane-mode': 'none' }), pod('ambient-no-sidecar', { ns: 'amb', 'sidecar.istio.io/inject': 'false' }),
      pod('redirected', { ns: 'plain' }, {}, { 'ambient.istio.io/redirection': 'enabled' }), pod('unknown', { ns: 'elsewhere' }),
    ]);
    // WHEN
    const modes = Object.fromEntries(model.podTemplates.map((p) => [p.owner.name, model.podMeshMode(p)]));
    // THEN
    expect(modes).toEqual({
      'default': MeshMode.SIDECAR, 'opted-out': MeshMode.NONE, 'host': MeshMode.NONE, 'forced': MeshMode.SIDECAR, 'manual': MeshMode.SIDECAR,
      'ambient': MeshMode.AMBIENT, 'ambient-opted-out': MeshMode.NONE, 'ambient-no-sidecar': MeshMode.AMBIENT, 'redirected': MeshMode.AMBIENT, 'unknown': undefined,
    });
  });

  test('selectedWorkloads: the namespace, the root namespace\'s reach, PeerAuthentication selectors ignored there, targetRefs and ServiceEntries', () => {
    // GIVEN
    const model = new MeshModel([
      deployment('web-v1', { app: 'web', version: 'v1' }, 'shop'), deployment('web-v2', { app: 'web', version: 'v2' }, 'shop'),
      deployment('web-other', { app: 'web', version: 'v1' }, 'other'), deployment('db', { app: 'db' }, 'shop', 'StatefulSet'),
      sidecar('web', 'shop', { app: 'web' }), sidecar('default', 'shop'),
      policy('AuthorizationPolicy', 'mesh-web', 'istio-system', { app: 'web' }), policy('AuthorizationPolicy', 'shop-web-v1', 'shop', { app: 'web', version: 'v1' }),
      policy('PeerAuthentication', 'root-web', 'istio-system', { app: 'web' }), policy('RequestAuthentication', 'gw', 'shop', { app: 'web' }, { targetRefs: [{ kind: 'Gateway', name: 'gw' }] }),
      serviceEntry('vm', { hosts: ['vm.example.com'], workloadSelector: { labels: { app: 'db' } } }, 'shop'), serviceEntry('ext', { hosts: ['api.example.com'] }, 'shop'),
    ]);
    const selected = (name: string) => names(model.selectedWorkloads(model.objects.find((o) => o.name === name)!));
    // WHEN / THEN
    expect(selected('web')).toEqual(['web-v1', 'web-v2']);
    expect(selected('default')).toEqual(['web-v1', 'web-v2', 'db']);
    expect(selected('mesh-web')).toEqual(['web-v1', 'web-v2', 'web-other']);
    expect(selected('shop-web-v1')).toEqual(['web-v1']);
    expect(selected('root-web')).toEqual([]);
    expect(selected('gw')).toEqual([]);
    expect(selected('vm')).toEqual(['db']);
    expect(selected('ext')).toEqual([]);
  });

  test('peerAuthenticationsFor: mesh, namespace and workload levels; a root namespace selector is at no level', () => {
    // GIVEN
    const model = new MeshModel([
      deployment('web-v1', { app: 'web', version: 'v1' }, 'shop'), deployment('db', { app: 'db' }, 'shop'),
      peerAuthentication('mesh', { mtls: { mode: 'STRICT' } }, 'istio-system'), peerAuthentication('root-web', { selector: { matchLabels: { app: 'web' } } }, 'istio-system'),
      peerAuthentication('shop', { mtls: { mode: 'PERMISSIVE' } }, 'shop'), peerAuthentication('web', { selector: { matchLabels: { app: 'web' } }, portLevelMtls: { 8080: { mode: 'DISABLE' } } }, 'shop'),
      peerAuthentication('other', {}, 'other'),
    ]);
    const [web, db] = model.podTemplates;
    // WHEN
    const forWeb = model.peerAuthenticationsFor(web);
    const forDb = model.peerAuthenticationsFor(db);
    // THEN
    expect([forWeb.mesh, forWeb.namespace, forWeb.workload].map((l) => l.map((o) => o.name))).toEqual([['mesh'], ['shop'], ['web']]);
    expect([forDb.mesh, forDb.namespace, forDb.workload].map((l) => l.map((o) => o.name))).toEqual([['mesh'], ['shop'], []]);
  });

  test('sidecarsFor: the workload\'s own Sidecars, else the namespace default, else the root namespace default', () => {
    // GIVEN
    const model = new MeshModel([
      deployment('web-v1', { app: 'web', version: 'v1' }, 'shop'), deployment('db', { app: 'db' }, 'shop'), deployment('job', { app: 'job' }, 'batch'),
      sidecar('web', 'shop', { app: 'web' }), sidecar('web-v1', 'shop', { version: 'v1' }), sidecar('shop-default', 'shop'), sidecar('mesh-default', 'istio-system'),
    ]);
    const [web, db, job] = model.podTemplates;
    // WHEN / THEN
    expect(model.sidecarsFor(web).map((s) => s.name)).toEqual(['web', 'web-v1']);
    expect(model.sidecarsFor(db).map((s) => s.name)).toEqual(['shop-default']);
    expect(model.sidecarsFor(job).map((s) => s.name)).toEqual(['mesh-default']);
  });

  test('servicesOf and PodIndex.selectAll: the Services that select a pod template, pods of every namespace by label', () => {
    // GIVEN
    const model = new MeshModel([
      deployment('web-v1', { app: 'web', version: 'v1' }, 'shop'), deployment('web-other', { app: 'web', version: 'v1' }, 'other'),
      service('web', { ns: 'shop' }), service('web-v1', { ns: 'shop', selector: { version: 'v1' } }), service('web', { ns: 'other' }),
      obj('v1', 'Service', 'headless', 'shop', { spec: { clusterIP: 'None' } }),
    ]);
    // WHEN / THEN
    expect(model.servicesOf(model.podTemplates[0]).map((s) => s.qualifiedName)).toEqual(['shop/web', 'shop/web-v1']);
    expect(names(model.pods.selectAll({ version: 'v1' }))).toEqual(['web-v1', 'web-other']);
    expect(names(model.pods.selectAll({ version: 'v2' }))).toEqual([]);
  });

  test('hostEntriesUnder: the hosts a wildcard covers, and wildcard ServiceEntries it meets, visible from a namespace', () => {
    // GIVEN
    const model = new MeshModel([
      service('web', { ns: 'shop' }), service('db', { ns: 'data' }),
      serviceEntry('partners', { hosts: ['*.partners.example.com'], exportTo: ['.'] }, 'shop'),
      serviceEntry('api', { hosts: ['api.example.com'] }, 'shop'),
    ]);
    const hosts = (pattern: string, from: string) => model.hostEntriesUnder(pattern, from).map((e) => e.host).sort();
    // WHEN / THEN
    expect(hosts('*.shop.svc.cluster.local', 'shop')).toEqual(['web.shop.svc.cluster.local']);
    expect(hosts('*.local', 'shop')).toEqual(['db.data.svc.cluster.local', 'web.shop.svc.cluster.local']);
    expect(hosts('*.example.com', 'shop')).toEqual(['*.partners.example.com', 'api.example.com']);
    expect(hosts('*.example.com', 'other')).toEqual(['api.example.com']);
    expect(hosts('*.eu.partners.example.com', 'shop')).toEqual(['*.partners.example.com']);
    expect(hosts('*.example.org', 'shop')).toEqual([]);
  });
});
