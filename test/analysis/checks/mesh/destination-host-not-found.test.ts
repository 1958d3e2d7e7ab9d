import { Severity } from '../../../../lib/analysis/finding';
import { bookinfo, findingsOf, fixture, service, serviceEntry, vs } from '../../fixtures';

const route = (host: string) => ({ route: [{ destination: { host } }] });

describe('CI1002 DestinationHostNotFound', () => {
  test('passes for short, FQDN and ServiceEntry hosts (exact and wildcard); fails for name.ns and name.ns.svc, which Istio does not expand', () => {
    // GIVEN
    const objects = [
      ...bookinfo(),
      service('backend', { ns: 'prod' }),
      serviceEntry('external', { hosts: ['api.example.com', '*.googleapis.com'], ports: [{ number: 443, name: 'https', protocol: 'HTTPS' }], resolution: 'DNS' }),
      vs('forms', {
        hosts: ['forms'],
        http: [
          { match: [{ uri: { prefix: '/a' } }], ...route('backend.prod') },
          { match: [{ uri: { prefix: '/b' } }], ...route('backend.prod.svc') },
          { match: [{ uri: { prefix: '/c' } }], ...route('backend.prod.svc.cluster.local') },
          { match: [{ uri: { prefix: '/d' } }], ...route('api.example.com') },
          { match: [{ uri: { prefix: '/e' } }], ...route('storage.googleapis.com') },
          route('details'),
        ],
      }),
    ];
    // WHEN
    const findings = findingsOf(objects, 'CI1002');
    // THEN only a short name (no dot) is expanded in the VirtualService's namespace (istioctl IST0101)
    expect(findings.map((f) => [f.field, f.value])).toEqual([
      ['spec.http[0].route[0].destination.host', 'backend.prod'],
      ['spec.http[1].route[0].destination.host', 'backend.prod.svc'],
    ]);
  });

  test('fails for a misspelled route host and lists the services of the namespace', () => {
    // GIVEN
    const objects = [...bookinfo(), vs('ratings', { hosts: ['ratings'], http: [route('ratingz')] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1002');
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'default/VirtualService/ratings', field: 'spec.http[0].route[0].destination.host', value: 'ratingz', severity: Severity.ERROR });
    expect(findings[0].message).toBe("destination host 'ratingz' (ratingz.default.svc.cluster.local) matches no Service or ServiceEntry in the app; services in namespace 'default': details, productpage, ratings, reviews");
  });

  test('fails for a short host that names a Service of another namespace', () => {
    // GIVEN: Istio reads short names in the VirtualService's namespace
    const objects = [...bookinfo(), service('backend', { ns: 'prod' }), vs('backend', { hosts: ['backend.prod.svc.cluster.local'], http: [route('backend')] })];
    // WHEN
    const findings = findingsOf(objects, 'CI1002');
    // THEN
    expect(findings.map((f) => [f.field, f.value])).toEqual([['spec.http[0].route[0].destination.host', 'backend']]);
    expect(findings[0].message).toMatch(/backend\.default\.svc\.cluster\.local/);
  });

  test('fails for a mirror host and a mirrors entry host', () => {
    // GIVEN
    const objects = [...bookinfo(), vs('details', {
      hosts: ['details'],
      http: [{ ...route('details'), mirror: { host: 'shadow' }, mirrors: [{ destination: { host: 'details' } }, { destination: { host: 'details-shadow.default.svc.cluster.local' } }] }],
    })];
    // WHEN
    const findings = findingsOf(objects, 'CI1002');
    // THEN
    expect(findings.map((f) => f.field)).toEqual(['spec.http[0].mirror.host', 'spec.http[0].mirrors[1].destination.host']);
  });

  test('fails for a TCP route host and an external host without ServiceEntry', () => {
    // GIVEN
    const objects = [...bookinfo(), vs('db', {
      hosts: ['mongodb'],
      tcp: [{ route: [{ destination: { host: 'mongodb', port: { number: 27017 } } }] }],
      tls: [{ match: [{ port: 443, sniHosts: ['api.example.com'] }], route: [{ destination: { host: 'api.example.com' } }] }],
    })];
    // WHEN
    const findings = findingsOf(objects, 'CI1002');
    // THEN
    expect(findings.map((f) => [f.field, f.value])).toEqual([
      ['spec.tcp[0].route[0].destination.host', 'mongodb'],
      ['spec.tls[0].route[0].destination.host', 'api.example.com'],
    ]);
    expect(findings[1].message).toMatch(/'api\.example\.com' \(api\.example\.com\) matches no Service or ServiceEntry/);
  });
});

describe('CI1002 explains why a host resolves to nothing', () => {
  test('a name.namespace host names the Service it is not, and its full name', () => {
    // GIVEN
    const objects = [...bookinfo(), service('inventory', { ns: 'stock' }), vs('orders', { hosts: ['orders'], http: [route('inventory.stock')] })];
    // WHEN
    const [f] = findingsOf(objects, 'CI1002');
    // THEN
    expect(f.message).toBe("destination host 'inventory.stock' is taken as written, not as Service 'stock/inventory': Istio expands only short names without a dot");
    expect(f.fix).toBe("write the Service's full name 'inventory.stock.svc.cluster.local'");
  });

  test('a Service or ServiceEntry not exported to the VirtualService\'s namespace is named, with its exportTo', () => {
    // GIVEN a Service exported to its own namespace only, and a ServiceEntry exported to another one
    const hidden = service('ledger', { ns: 'finance' });
    hidden.manifest.metadata.annotations = { 'networking.istio.io/exportTo': '.' };
    const objects = [
      ...bookinfo(), hidden,
      serviceEntry('partner', { hosts: ['api.partner.example.com'], exportTo: ['finance'], ports: [{ number: 443, name: 'tls', protocol: 'TLS' }], resolution: 'DNS' }, 'finance'),
      vs('web', { hosts: ['web'], http: [
        { match: [{ uri: { prefix: '/l' } }], ...route('ledger.finance.svc.cluster.local') },
        route('api.partner.example.com'),
      ] }),
    ];
    // WHEN
    const findings = findingsOf(objects, 'CI1002');
    // THEN
    expect(findings.map((f) => f.message)).toEqual([
      "destination host 'ledger.finance.svc.cluster.local' is Service 'finance/ledger', which is not exported to namespace 'default' (it is exported to namespace finance)",
      "destination host 'api.partner.example.com' is ServiceEntry 'finance/partner', which is not exported to namespace 'default' (it is exported to namespace finance)",
    ]);
    expect(findings[0].fix).toBe("add 'default' to the exportTo of Service 'finance/ledger' (annotation networking.istio.io/exportTo), or route to a host exported to 'default'");
  });

  test('checks the host in the namespaces the VirtualService is exported to, as istioctl does', () => {
    // GIVEN: Service hello is exported to hello and hello1 only
    const objects = [
      fixture('hello/Service/hello', {
        apiVersion: 'v1', kind: 'Service',
        metadata: { name: 'hello', namespace: 'hello', annotations: { 'networking.istio.io/exportTo': '.,hello1' } },
        spec: { ports: [{ name: 'http', port: 9080 }], selector: { app: 'hello' } },
      }),
      vs('to-own', { hosts: ['hello'], exportTo: ['.'], http: [route('hello.hello.svc.cluster.local')] }, 'hello'),
      vs('to-hello1', { hosts: ['hello-a'], exportTo: ['hello1', 'bogus'], http: [route('hello.hello.svc.cluster.local')] }, 'hello'),
      vs('to-bogus', { hosts: ['hello-b'], exportTo: ['bogus'], http: [route('hello.hello.svc.cluster.local')] }, 'hello'),
      vs('nowhere', { hosts: ['hello-c'], exportTo: ['~'], http: [route('hello.hello.svc.cluster.local')] }, 'hello'),
    ];
    // WHEN
    const findings = findingsOf(objects, 'CI1002');
    // THEN
    expect(findings.map((f) => f.path)).toEqual(['hello/VirtualService/to-bogus']);
    expect(findings[0].message).toBe("destination host 'hello.hello.svc.cluster.local' is not visible in namespace 'bogus', where this VirtualService applies (its exportTo): Service 'hello/hello' is exported to namespaces hello, hello1");
    expect(findings[0].fix).toBe("export the VirtualService (spec.exportTo) to a namespace that sees the host, e.g. '.', or add 'bogus' to the exportTo of Service 'hello/hello'");
  });
});
