import { ExternalDeclarations, externalDeclarationProblems, validExternal } from '../../../lib/analysis/model/external';
import { ISTIO_DEFAULT_GATEWAYS } from '../../../lib/analysis/model/installation';
import { MeshModel } from '../../../lib/analysis/model/mesh-model';
import { AnalyzedObject, analyze, bookinfo, deployment, dr, namespace, service, vs } from '../fixtures';

const route = (host: string) => ({ route: [{ destination: { host } }] });

/** Bookinfo plus references to things outside it: two hosts, a gateway, a namespace and one of its workloads. */
function meshWithOutsideReferences(): AnalyzedObject[] {
  return [
    ...bookinfo(),
    vs('outside', {
      hosts: ['outside.example.com'],
      gateways: ['istio-system/ingressgateway'],
      http: [
        { match: [{ uri: { prefix: '/a' } }], ...route('api.example.com') },
        { match: [{ uri: { prefix: '/b' } }], ...route('billing.legacy.svc.cluster.local') },
        route('auth.legacy.svc.cluster.local'),
      ],
    }),
    dr('api', { host: 'api.example.com' }),
    dr('billing', { host: 'billing.legacy.svc.cluster.local' }),
    deployment('batch', { app: 'batch' }, 'platform'),
  ];
}

/** The unsuppressed findings as `code field` lines. */
function codes(objects: AnalyzedObject[], external?: ExternalDeclarations): string[] {
  return analyze(objects, { external }).findings.map((f) => `${f.code} ${f.path} ${f.field}`).sort();
}

describe('external declarations', () => {
  test('without declarations, every outside reference is reported', () => {
    // GIVEN
    const objects = meshWithOutsideReferences();
    // WHEN
    const found = codes(objects);
    // THEN
    expect(found).toEqual([
      'CI1001 default/VirtualService/outside spec.gateways[0]',
      'CI1002 default/VirtualService/outside spec.http[0].route[0].destination.host',
      'CI1002 default/VirtualService/outside spec.http[1].route[0].destination.host',
      'CI1002 default/VirtualService/outside spec.http[2].route[0].destination.host',
      'CI1015 default/DestinationRule/api spec.host',
      'CI1015 default/DestinationRule/billing spec.host',
    ]);
  });

  test.each<[string, ExternalDeclarations, string[]]>([
    ['an exact host', { hosts: ['api.example.com'] }, [
      'CI1002 default/VirtualService/outside spec.http[0].route[0].destination.host',
      'CI1015 default/DestinationRule/api spec.host',
    ]],
    ['a wildcard host', { hosts: ['*.example.com'] }, [
      'CI1002 default/VirtualService/outside spec.http[0].route[0].destination.host',
      'CI1015 default/DestinationRule/api spec.host',
    ]],
    ['a name.namespace host (matches the Service FQDN)', { hosts: ['billing.legacy'] }, [
      'CI1002 default/VirtualService/outside spec.http[1].route[0].destination.host',
      'CI1015 default/DestinationRule/billing spec.host',
    ]],
    ['every Service of a namespace as a wildcard host', { hosts: ['*.legacy.svc.cluster.local'] }, [
      'CI1002 default/VirtualService/outside spec.http[1].route[0].destination.host',
      'CI1002 default/VirtualService/outside spec.http[2].route[0].destination.host',
      'CI1015 default/DestinationRule/billing spec.host',
    ]],
    ['a namespace', { namespaces: [{ name: 'legacy' }] }, [
      'CI1002 default/VirtualService/outside spec.http[1].route[0].destination.host',
      'CI1002 default/VirtualService/outside spec.http[2].route[0].destination.host',
      'CI1015 default/DestinationRule/billing spec.host',
    ]],
    ['a gateway', { gateways: ['istio-system/ingressgateway'] }, ['CI1001 default/VirtualService/outside spec.gateways[0]']],
    ['every gateway of a namespace', { gateways: ['istio-system/*'] }, ['CI1001 default/VirtualService/outside spec.gateways[0]']],
  ])('declaring %s silences exactly its findings', (_, external, silenced) => {
    // GIVEN
    const objects = meshWithOutsideReferences();
    const before = codes(objects);
    // WHEN
    const after = codes(objects, external);
    // THEN
    expect(before.filter((f) => !after.includes(f))).toEqual(silenced);
    expect(after.filter((f) => !before.includes(f))).toEqual([]);
  });

  test.each<[string, ExternalDeclarations]>([
    ['a host of another domain', { hosts: ['*.example.org', 'api.example.co'] }],
    ['another namespace', { namespaces: [{ name: 'legacy2' }], hosts: ['*.legacy2.svc.cluster.local'] }],
    ['a gateway of the same name in another namespace', { gateways: ['default/ingressgateway', 'istio/*'] }],
  ])('declaring %s silences nothing', (_, external) => {
    // GIVEN
    const objects = meshWithOutsideReferences();
    // WHEN / THEN
    expect(codes(objects, external)).toEqual(codes(objects));
  });

  test('a namespace declared not meshed is out of the mesh on purpose (as istio-injection=disabled): no CI1013, unlike a Namespace object without label', () => {
    // GIVEN
    const objects = meshWithOutsideReferences();
    // WHEN
    const declared = analyze(objects, { external: { namespaces: [{ name: 'legacy', meshed: false }] } }).findings;
    const unlabelled = analyze([...objects, namespace('legacy')], { external: { namespaces: [{ name: 'legacy', meshed: false }] } }).findings;
    // THEN
    expect(declared.filter((f) => f.code === 'CI1013')).toEqual([]);
    expect(unlabelled.filter((f) => f.code === 'CI1013').map((f) => [f.path, f.field])).toEqual([['Namespace/legacy', 'metadata.labels']]);
    expect(new MeshModel(objects, { external: { namespaces: [{ name: 'legacy', meshed: false }] } }).isInjected('legacy')).toBe(false);
  });

  test('a namespace declared meshed makes its workloads subject to CI1012, and a Namespace object in the input wins', () => {
    // GIVEN: Deployment batch in platform has no version label
    const objects = meshWithOutsideReferences();
    // WHEN
    const meshed = codes(objects, { namespaces: [{ name: 'platform', meshed: true }] });
    const overridden = codes([...objects, namespace('platform')], { namespaces: [{ name: 'platform', meshed: true }] });
    // THEN
    expect(meshed.filter((f) => f.startsWith('CI1012'))).toEqual(['CI1012 platform/Deployment/batch spec.template.metadata.labels']);
    expect(overridden.filter((f) => f.startsWith('CI1012'))).toEqual([]);
  });

  test('a Service in the input is still judged by its own namespace, whatever the declarations', () => {
    // GIVEN
    const objects = [...bookinfo(), namespace('legacy'), service('billing', { ns: 'legacy' }), vs('billing', { hosts: ['billing.legacy.svc.cluster.local'], http: [route('billing.legacy.svc.cluster.local')] })];
    // WHEN
    const model = new MeshModel(objects, { external: { namespaces: [{ name: 'legacy', meshed: true }], hosts: ['*.legacy.svc.cluster.local'] } });
    // THEN
    expect(model.resolveHost('billing.legacy.svc.cluster.local', 'default')).toMatchObject({ fqdn: 'billing.legacy.svc.cluster.local', external: undefined });
    expect(model.resolveHost('typo.legacy.svc.cluster.local', 'default').external).toBe("host '*.legacy.svc.cluster.local'");
    expect(model.isInjected('legacy')).toBe(false);
  });
});

describe('externalDeclarationProblems', () => {
  test('accepts hosts (exact, wildcard, name.namespace), namespace/name and namespace/* gateways, and namespace names', () => {
    expect(externalDeclarationProblems({
      hosts: ['api.example.com', '*.example.com', '*', 'ratings.prod'],
      gateways: ['istio-system/ingressgateway', 'istio-system/*'],
      namespaces: [{ name: 'legacy', meshed: false }],
      installedGateways: ISTIO_DEFAULT_GATEWAYS,
    })).toEqual([]);
  });

  test.each<[ExternalDeclarations, string]>([
    [{ hosts: ['api.*.com'] }, "external host 'api.*.com': may contain a wildcard only in its first label"],
    [{ hosts: ['ratings'] }, "external host 'ratings': a short name needs its namespace, e.g. 'ratings.<namespace>.svc.cluster.local'"],
    [{ gateways: ['ingressgateway'] }, "external gateway 'ingressgateway': not of the form <namespace>/<name>"],
    [{ gateways: ['a/b/c'] }, "external gateway 'a/b/c': not of the form <namespace>/<name>"],
    [{ gateways: ['Istio-System/gw'] }, "external gateway 'Istio-System/gw': must consist of lowercase alphanumerics or '-', and start and end with an alphanumeric (DNS-1123 label)"],
    [{ namespaces: [{ name: 'legacy_ns' }] }, "external namespace 'legacy_ns': must consist of lowercase alphanumerics or '-', and start and end with an alphanumeric (DNS-1123 label)"],
    [{ installedGateways: [{ namespace: 'edge', name: 'gw', labels: { istio: 'edge' }, ports: [{ port: 80, targetPort: 70000 }] }] }, "installed gateway 'edge/gw': port 70000 is not in 1-65535"],
    [{ installedGateways: [{ namespace: 'Edge', name: 'gw', labels: {}, ports: [] }] }, "installed gateway 'Edge/gw': must consist of lowercase alphanumerics or '-', and start and end with an alphanumeric (DNS-1123 label)"],
    // from YAML (cdk8s.yaml) or plain JavaScript: the shape is checked before the entries, never a throw
    [{ hosts: 'api.example.com' } as any, 'external hosts must be a list, each a host name, got "api.example.com"'],
    [{ gateways: [7] } as any, 'external gateways: each entry must be a <namespace>/<name> string, got 7'],
    [{ namespaces: ['legacy'] } as any, 'external namespaces: each entry must be a namespace ({ name, meshed? }), got "legacy"'],
    [{ installedGateways: [{ name: 'gw' }] } as any, 'external installedGateways: each entry must be a gateway with name, namespace and ports, got {"name":"gw"}'],
  ])('fails for %j', (declarations, problem) => {
    expect(externalDeclarationProblems(declarations)).toEqual([problem]);
  });

  test('validExternal returns valid declarations and throws one error naming the owner and every problem', () => {
    const ok = { hosts: ['api.example.com'] };
    expect(validExternal('MeshApp', ok)).toBe(ok);
    expect(validExternal('MeshApp', undefined)).toBeUndefined();
    expect(() => validExternal('MeshApp', { hosts: ['ratings'], gateways: ['gw'] })).toThrow(
      "MeshApp: invalid external declarations: external host 'ratings': a short name needs its namespace, e.g. 'ratings.<namespace>.svc.cluster.local'; external gateway 'gw': not of the form <namespace>/<name>");
  });
});

describe('MeshModel.installedGateways', () => {
  test('is the declaration when given (even empty), and undefined (unknown installation) otherwise', () => {
    expect(new MeshModel([], { external: { installedGateways: ISTIO_DEFAULT_GATEWAYS } }).installedGateways).toBe(ISTIO_DEFAULT_GATEWAYS);
    expect(new MeshModel([], { external: { installedGateways: [] } }).installedGateways).toEqual([]);
    expect(new MeshModel([]).installedGateways).toBeUndefined();
  });
});
