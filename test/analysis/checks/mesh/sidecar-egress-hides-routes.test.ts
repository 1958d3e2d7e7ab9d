import { Severity } from '../../../../lib/analysis/finding';
import { AnalyzedObject, deployment, findingsOf, namespace, obj, service, vs } from '../../fixtures';

const sidecar = (name: string, ns: string, hosts: string[], labels?: Record<string, string>) =>
  obj('networking.istio.io/v1', 'Sidecar', name, ns, { spec: { ...(labels ? { workloadSelector: { labels } } : {}), egress: [{ hosts }] } });

describe('CI1072 SidecarEgressHidesRoutes', () => {
  const routes = (ns: string) => vs('reviews', { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] }, ns);
  const shop = () => [namespace('shop', { 'istio-injection': 'enabled' }), service('reviews', { ns: 'shop' }), deployment('reviews-v1', { app: 'reviews', version: 'v1' }, 'shop'), routes('shop')];

  test.each<[string, AnalyzedObject[]]>([
    ['an egress importing the namespace', [...shop(), sidecar('s', 'shop', ['./*', 'istio-system/*'])]],
    ['an egress importing the host by name, or by a wildcard of any namespace', [...shop(), sidecar('a', 'shop', ['./reviews.shop.svc.cluster.local'], { app: 'a' }), sidecar('b', 'shop', ['*/*.svc.cluster.local'], { app: 'b' })]],
    ['a Sidecar without egress (imports everything)', [...shop(), obj('networking.istio.io/v1', 'Sidecar', 's', 'shop', { spec: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } } })]],
    ['VirtualServices of gateways, not exported to the namespace, or of other namespaces', [...shop().slice(0, 3),
      vs('front', { hosts: ['shop.example.com'], gateways: ['gw'], http: [{ route: [{ destination: { host: 'reviews' } }] }] }, 'shop'),
      vs('private', { hosts: ['ratings'], exportTo: ['other'], http: [{ route: [{ destination: { host: 'ratings' } }] }] }, 'shop'),
      routes('other'), sidecar('s', 'shop', ['istio-system/*'])]],
  ])('passes for %s', (_name, objects) => {
    expect(findingsOf(objects, 'CI1072')).toEqual([]);
  });

  test('fails (warning) for an egress that imports no host of a VirtualService of its namespace', () => {
    // GIVEN
    const objects = [...shop(), sidecar('narrow', 'shop', ['./ratings.shop.svc.cluster.local', 'istio-system/*'], { app: 'reviews' }), sidecar('default', 'shop', ['other/*'])];
    // WHEN
    const findings = findingsOf(objects, 'CI1072');
    // THEN
    expect(findings.map((f) => [f.path, f.field, f.value, f.severity])).toEqual([
      ['shop/Sidecar/default', 'spec.egress', ['reviews.shop.svc.cluster.local'], Severity.WARNING], ['shop/Sidecar/narrow', 'spec.egress', ['reviews.shop.svc.cluster.local'], Severity.WARNING],
    ]);
    expect(findings[1].message).toBe("egress of Sidecar 'shop/narrow' (./ratings.shop.svc.cluster.local, istio-system/*) imports no host of VirtualService 'shop/reviews' (reviews.shop.svc.cluster.local): "
      + 'calls from the workloads it selects (Deployment reviews-v1) to it bypass its routes');
    expect(findings[0].message).toMatch(/calls from the workloads of namespace 'shop' to it bypass its routes$/);
    expect(findings[0].fix).toBe('add the hosts to spec.egress[].hosts, e.g. ./reviews.shop.svc.cluster.local (or ./* for the whole namespace)');
  });

  test('fails once per Sidecar, naming the first five VirtualServices it hides and how many more', () => {
    // GIVEN
    const many = Array.from({ length: 7 }, (_, i) => vs(`r${i}`, { hosts: [`r${i}`], http: [{ route: [{ destination: { host: 'reviews' } }] }] }, 'shop'));
    const objects = [...shop(), ...many, sidecar('narrow', 'shop', ['./r3.shop.svc.cluster.local'])];
    // WHEN
    const findings = findingsOf(objects, 'CI1072');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe("egress of Sidecar 'shop/narrow' (./r3.shop.svc.cluster.local) imports no host of VirtualService 'shop/reviews' (reviews.shop.svc.cluster.local), "
      + "'shop/r0' (r0.shop.svc.cluster.local), 'shop/r1' (r1.shop.svc.cluster.local), 'shop/r2' (r2.shop.svc.cluster.local), 'shop/r4' (r4.shop.svc.cluster.local) and 2 more: "
      + "calls from the workloads of namespace 'shop' to them bypass their routes");
  });
});
