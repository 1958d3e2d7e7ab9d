import { findingsOf as constructFindingsOf } from '../util/findings';
import { ApiObject, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Severity } from '../../lib/analysis/finding';
import {
  PortProtocol, ServiceEntry, ServiceEntryLocation, ServiceEntryProps, ServiceEntryResolution,
} from '../../lib/istio/service-entry';
import { WorkloadSelector } from '../../lib/istio/workload-selector';

function specOf(chart: ReturnType<typeof Testing.chart>) {
  return Testing.synth(chart).filter((o) => o.kind === 'ServiceEntry')[0].spec;
}

/** `CODE field` of every finding of one ServiceEntry with these props. */
function findingsOf(props: ServiceEntryProps, severity: Severity = Severity.ERROR): string[] {
  const chart = Testing.chart();
  const se = new ServiceEntry(chart, 'se', props);
  return constructFindingsOf(se).filter((f) => f.severity === severity).map((f) => `${f.code} ${f.field}`);
}

function messagesOf(props: ServiceEntryProps): string[] {
  const chart = Testing.chart();
  return constructFindingsOf(new ServiceEntry(chart, 'se', props)).map((f) => f.message);
}

const TLS_443 = { number: 443, name: 'https', protocol: PortProtocol.TLS };

describe('rendering', () => {
  test('defaultChild pins kind and apiVersion', () => {
    // GIVEN
    const chart = Testing.chart();
    const se = new ServiceEntry(chart, 'httpbin-ext', { hosts: ['httpbin.org'] });

    // THEN
    expect(ApiObject.of(se).kind).toBe('ServiceEntry');
    expect(se.apiVersion).toBe('networking.istio.io/v1');
    expect(se.kind).toBe('ServiceEntry');
    expect(se.name).toBe('httpbin-ext');
  });

  test('renders an external DNS service', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const se = new ServiceEntry(chart, 'external-svc-https', {
      hosts: ['api.dropboxapi.com'],
      ports: [TLS_443],
      location: ServiceEntryLocation.MESH_EXTERNAL,
      resolution: ServiceEntryResolution.DNS,
    });
    se.addHost('www.googleapis.com');

    // THEN
    expect(specOf(chart)).toEqual({
      hosts: ['api.dropboxapi.com', 'www.googleapis.com'],
      ports: [{ number: 443, name: 'https', protocol: 'TLS' }],
      location: 'MESH_EXTERNAL',
      resolution: 'DNS',
    });
  });

  test('renders every option', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const se = new ServiceEntry(chart, 'mongo', {
      hosts: ['mymongodb.somedomain'],
      addresses: ['192.192.192.192/24'],
      ports: [{ number: 27018, name: 'mongodb', protocol: PortProtocol.MONGO, targetPort: 27017 }],
      location: ServiceEntryLocation.MESH_INTERNAL,
      resolution: ServiceEntryResolution.STATIC,
      endpoints: [{
        address: '2.2.2.2',
        ports: { mongodb: 27019 },
        labels: { version: 'v1' },
        network: 'vm-net',
        locality: 'us-east1/us-east1-b',
        weight: 3,
        serviceAccount: 'mongo',
      }],
      exportTo: ['.'],
      subjectAltNames: ['spiffe://cluster.local/ns/db/sa/mongo'],
    });
    se.addEndpoint({ address: '3.3.3.3' });
    se.addAddress('10.0.0.1');
    se.addPort({ number: 27020, name: 'mongodb-2', protocol: PortProtocol.MONGO });
    se.addExportTo('db-clients');
    se.addSubjectAltName('mongo.internal');

    // THEN
    expect(specOf(chart)).toEqual({
      hosts: ['mymongodb.somedomain'],
      addresses: ['192.192.192.192/24', '10.0.0.1'],
      ports: [
        { number: 27018, name: 'mongodb', protocol: 'MONGO', targetPort: 27017 },
        { number: 27020, name: 'mongodb-2', protocol: 'MONGO' },
      ],
      location: 'MESH_INTERNAL',
      resolution: 'STATIC',
      endpoints: [
        { address: '2.2.2.2', ports: { mongodb: 27019 }, labels: { version: 'v1' }, network: 'vm-net', locality: 'us-east1/us-east1-b', weight: 3, serviceAccount: 'mongo' },
        { address: '3.3.3.3' },
      ],
      exportTo: ['.', 'db-clients'],
      subjectAltNames: ['spiffe://cluster.local/ns/db/sa/mongo', 'mongo.internal'],
    });
    expect(se.hosts).toEqual(['mymongodb.somedomain']);
    expect(se.ports).toHaveLength(2);
    expect(se.endpoints).toHaveLength(2);
  });

  test('renders a workloadSelector as labels, derived from a kplus Deployment', () => {
    // GIVEN
    const chart = Testing.chart();
    const d = new kplus.Deployment(chart, 'vm-app', { containers: [{ image: 'app' }], podMetadata: { labels: { app: 'vm-app' } } });

    // WHEN
    new ServiceEntry(chart, 'vm', {
      hosts: ['vm-app.example.internal'],
      ports: [{ number: 80, name: 'http', protocol: PortProtocol.HTTP }],
      location: ServiceEntryLocation.MESH_INTERNAL,
      resolution: ServiceEntryResolution.STATIC,
      workloadSelector: WorkloadSelector.fromWorkload(d),
    });

    // THEN
    expect(specOf(chart).workloadSelector).toEqual({ labels: { app: 'vm-app' } });
  });

  test('valid configurations have no findings', () => {
    expect(findingsOf({ hosts: ['*.wikipedia.org', 'wikipedia.org'], ports: [TLS_443], resolution: ServiceEntryResolution.NONE })).toEqual([]);
    expect(findingsOf({ hosts: ['*.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.DNS, endpoints: [{ address: 'proxy.example.com' }] })).toEqual([]);
    expect(findingsOf({ hosts: ['uds.local'], ports: [{ number: 80, name: 'http', protocol: PortProtocol.HTTP }], resolution: ServiceEntryResolution.STATIC, endpoints: [{ address: 'unix:///var/run/app.sock' }] })).toEqual([]);
    expect(findingsOf({ hosts: ['db.example.com'], ports: [{ number: 5432, name: 'tcp-pg', protocol: PortProtocol.TCP }], resolution: ServiceEntryResolution.DNS_ROUND_ROBIN, exportTo: ['~'] })).toEqual([]);
  });
});

describe('problems', () => {
  test('fails with all errors together on synth', () => {
    // GIVEN
    const chart = Testing.chart();
    new ServiceEntry(chart, 'bad', { hosts: ['*'], ports: [{ number: 0, name: 'http' }] });

    // THEN
    expect(() => Testing.synth(chart)).toThrow(/\[test\/bad\] error CI0002 spec\.hosts\[0\] = '\*'[\s\S]*\[test\/bad\] error CI0003 spec\.ports\[0\]\.number = 0/);
  });

  test('fails without hosts', () => {
    expect(findingsOf({})).toEqual(['CI0015 spec.hosts']);
  });

  test('fails with host *', () => {
    expect(findingsOf({ hosts: ['*'] })).toEqual(['CI0002 spec.hosts[0]']);
  });

  test('fails with an invalid host', () => {
    expect(findingsOf({ hosts: ['api.*.example.com', 'bad_host.com'] })).toEqual(['CI0002 spec.hosts[0]', 'CI0002 spec.hosts[1]']);
  });

  test('warns about a partial wildcard host', () => {
    expect(findingsOf({ hosts: ['*foo.example.com'] }, Severity.WARNING)).toEqual(['CI0002 spec.hosts[0]']);
  });

  test('fails with a wildcard host and DNS resolution without endpoints', () => {
    expect(findingsOf({ hosts: ['*.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.DNS })).toEqual(['CI0002 spec.hosts[0]']);
    expect(findingsOf({ hosts: ['*.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.DNS_ROUND_ROBIN })).toEqual(['CI0002 spec.hosts[0]']);
  });

  test('fails with an invalid address', () => {
    expect(findingsOf({ hosts: ['a.example.com'], addresses: ['300.1.1.1', '10.0.0.0/33', 'example.com'] }))
      .toEqual(['CI0017 spec.addresses[0]', 'CI0017 spec.addresses[1]', 'CI0017 spec.addresses[2]']);
  });

  test('fails with CIDR addresses and DNS resolution', () => {
    expect(findingsOf({ hosts: ['a.example.com'], addresses: ['10.0.0.0/16'], ports: [TLS_443], resolution: ServiceEntryResolution.DNS }))
      .toEqual(['CI0017 spec.addresses', 'CI0021 spec']);
  });

  test('fails with invalid port numbers and names', () => {
    const f = findingsOf({ hosts: ['a.example.com'], ports: [{ number: 70000, name: 'HTTP', targetPort: 0 }] });
    expect(f).toEqual(['CI0003 spec.ports[0].number', 'CI0003 spec.ports[0].targetPort', 'CI0001 spec.ports[0].name']);
  });

  test('fails with an unknown protocol', () => {
    expect(findingsOf({ hosts: ['a.example.com'], ports: [{ number: 80, name: 'http', protocol: 'SPDY' as PortProtocol }] }))
      .toEqual(['CI0017 spec.ports[0].protocol']);
  });

  test('fails with duplicate port names and numbers', () => {
    const f = findingsOf({ hosts: ['a.example.com'], ports: [TLS_443, { number: 443, name: 'https', protocol: PortProtocol.TLS }] });
    expect(f).toEqual(['CI0012 spec.ports[1].name', 'CI0012 spec.ports[1].number', 'CI0021 spec.ports', 'CI0022 spec.ports[1]']);
    expect(messagesOf({ hosts: ['a.example.com'], ports: [TLS_443, TLS_443] })).toContain('port name \'https\' is already used by ports[0]');
  });

  test('fails with several hosts and a TCP port unless resolution is NONE', () => {
    const props = { hosts: ['a.example.com', 'b.example.com'], ports: [{ number: 5432, name: 'tcp', protocol: PortProtocol.TCP }] };
    expect(findingsOf({ ...props, resolution: ServiceEntryResolution.DNS })).toEqual(['CI0017 spec.ports[0].protocol']);
    expect(findingsOf({ ...props, resolution: ServiceEntryResolution.NONE })).toEqual([]);
  });

  test('fails with endpoints and a workloadSelector', () => {
    const f = findingsOf({
      hosts: ['a.example.com'], resolution: ServiceEntryResolution.STATIC,
      endpoints: [{ address: '10.0.0.1' }], workloadSelector: WorkloadSelector.fromLabels({ app: 'a' }),
    });
    expect(f).toEqual(['CI0017 spec.workloadSelector', 'CI0021 spec']);
  });

  test('fails with endpoints and resolution NONE', () => {
    expect(findingsOf({ hosts: ['a.example.com'], endpoints: [{ address: '10.0.0.1' }] })).toEqual(['CI0017 spec.endpoints', 'CI0021 spec']);
  });

  test('warns with resolution STATIC and no endpoints (WorkloadEntries elsewhere may provide them)', () => {
    expect(findingsOf({ hosts: ['a.example.com'], resolution: ServiceEntryResolution.STATIC })).toEqual([]);
    expect(findingsOf({ hosts: ['a.example.com'], resolution: ServiceEntryResolution.STATIC }, Severity.WARNING)).toEqual(['CI0015 spec.endpoints']);
  });

  test('fails with DNS_ROUND_ROBIN and several endpoints', () => {
    expect(findingsOf({
      hosts: ['a.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.DNS_ROUND_ROBIN,
      endpoints: [{ address: 'a1.example.com' }, { address: 'a2.example.com' }],
    })).toEqual(['CI0017 spec.endpoints', 'CI0021 spec']);
  });

  test('warns about a workloadSelector with resolution DNS', () => {
    expect(findingsOf({ hosts: ['a.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.DNS, workloadSelector: WorkloadSelector.fromLabels({ app: 'a' }) }, Severity.WARNING))
      .toEqual(['CI0017 spec.workloadSelector']);
  });

  test('fails with an invalid workloadSelector label', () => {
    expect(findingsOf({ hosts: ['a.example.com'], resolution: ServiceEntryResolution.STATIC, workloadSelector: WorkloadSelector.fromLabels({ app: '*' }) }))
      .toEqual(['CI0018 spec.workloadSelector.labels[\'app\']', 'CI0021 spec.workloadSelector.labels.app']);
  });

  test('fails with a STATIC endpoint that is not an IP', () => {
    expect(findingsOf({ hosts: ['a.example.com'], resolution: ServiceEntryResolution.STATIC, endpoints: [{ address: 'a.example.com' }] }))
      .toEqual(['CI0002 spec.endpoints[0].address']);
  });

  test('fails with a DNS endpoint that is not a DNS name or IP', () => {
    expect(findingsOf({ hosts: ['a.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.DNS, endpoints: [{ address: 'not a host' }] }))
      .toEqual(['CI0002 spec.endpoints[0].address']);
  });

  test('fails with an endpoint without address or network', () => {
    expect(findingsOf({ hosts: ['a.example.com'], resolution: ServiceEntryResolution.STATIC, endpoints: [{ labels: { a: 'b' } }] }))
      .toEqual(['CI0015 spec.endpoints[0].address', 'CI0021 spec.endpoints[0]']);
  });

  test('fails with a bad unix socket endpoint', () => {
    const f = findingsOf({
      hosts: ['a.example.com'], ports: [{ number: 80, name: 'http' }], resolution: ServiceEntryResolution.STATIC,
      endpoints: [{ address: 'unix://relative/dir/', ports: { http: 80 } }],
    });
    expect(f).toEqual(['CI0002 spec.endpoints[0].address', 'CI0017 spec.endpoints[0].ports', 'CI0021 spec.endpoints[0]']);
  });

  test('fails with endpoint ports that the ServiceEntry does not define or that are out of range', () => {
    const f = findingsOf({
      hosts: ['a.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.STATIC,
      endpoints: [{ address: '10.0.0.1', ports: { http: 8080, https: 0 } }],
    });
    expect(f).toEqual(['CI0017 spec.endpoints[0].ports[\'http\']', 'CI0003 spec.endpoints[0].ports[\'https\']', 'CI0021 spec.endpoints[0].ports.https']);
    expect(messagesOf({ hosts: ['a.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.STATIC, endpoints: [{ address: '10.0.0.1', ports: { http: 8080 } }] }))
      .toContain('endpoint port \'http\' is not a port name of the ServiceEntry; defined: https');
  });

  test('fails with invalid endpoint labels and weight', () => {
    const f = findingsOf({ hosts: ['a.example.com'], resolution: ServiceEntryResolution.STATIC, endpoints: [{ address: '10.0.0.1', labels: { 'version': 'v 1' }, weight: -1 }] });
    expect(f).toEqual(['CI0018 spec.endpoints[0].labels[\'version\']', 'CI0017 spec.endpoints[0].weight']);
  });

  test('fails with invalid exportTo entries', () => {
    expect(findingsOf({ hosts: ['a.example.com'], exportTo: ['Bad_NS'] })).toEqual(['CI0017 spec.exportTo[0]']);
    expect(findingsOf({ hosts: ['a.example.com'], exportTo: ['*', 'prod'] })).toEqual(['CI0017 spec.exportTo']);
    expect(findingsOf({ hosts: ['a.example.com'], exportTo: ['~', 'prod'] })).toEqual(['CI0017 spec.exportTo']);
    expect(findingsOf({ hosts: ['a.example.com'], exportTo: ['prod', 'prod'] })).toEqual(['CI0012 spec.exportTo[1]']);
  });

  test('fails with an invalid resolution or location', () => {
    expect(findingsOf({ hosts: ['a.example.com'], resolution: 'DYNAMIC' as ServiceEntryResolution, location: 'OUTSIDE' as ServiceEntryLocation }))
      .toEqual(['CI0017 spec.resolution', 'CI0017 spec.location']);
  });

  test('fails with an invalid name', () => {
    expect(findingsOf({ metadata: { name: 'Bad_Name' }, hosts: ['a.example.com'] })).toEqual(['CI0001 metadata.name']);
  });
});
