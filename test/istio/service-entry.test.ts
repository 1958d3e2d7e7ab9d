import { findingsOf as constructFindingsOf } from '../util/findings';
import { ApiObject, Chart, Testing } from 'cdk8s';
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
  // Istio's rules run as object checks over the rendered manifest (test/analysis/checks/object/service-entry/*);
  // these cases pin that the typed API reaches them with the right fields.
  test('fails with all errors together on synth', () => {
    // GIVEN
    const chart = Testing.chart();
    new ServiceEntry(chart, 'bad', { hosts: ['*'], ports: [{ number: 0, name: 'http' }] });

    // THEN
    expect(() => Testing.synth(chart)).toThrow(/\[test\/bad\] error CI0401 spec\.hosts\[0\] = '\*'[\s\S]*\[test\/bad\] error CI0403 spec\.ports\[0\]\.number = 0/);
  });

  test.each<[string, ServiceEntryProps, string[]]>([
    ['no hosts', {}, ['CI0401 spec.hosts']],
    ['host *', { hosts: ['*'] }, ['CI0401 spec.hosts[0]']],
    ['invalid hosts', { hosts: ['api.*.example.com', 'bad_host.com'] }, ['CI0401 spec.hosts[0]', 'CI0401 spec.hosts[1]']],
    ['a wildcard host with DNS resolution and no endpoints', { hosts: ['*.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.DNS }, ['CI0401 spec.hosts[0]']],
    ['a wildcard host with DNS_ROUND_ROBIN and no endpoints', { hosts: ['*.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.DNS_ROUND_ROBIN }, ['CI0401 spec.hosts[0]']],
    ['invalid addresses', { hosts: ['a.example.com'], addresses: ['300.1.1.1', '10.0.0.0/33', 'example.com'] }, ['CI0402 spec.addresses[0]', 'CI0402 spec.addresses[1]', 'CI0402 spec.addresses[2]']],
    ['a CIDR address with DNS resolution', { hosts: ['a.example.com'], addresses: ['10.0.0.0/16'], ports: [TLS_443], resolution: ServiceEntryResolution.DNS }, ['CI0402 spec.addresses[0]']],
    ['a port number above 65535', { hosts: ['a.example.com'], ports: [{ number: 70000, name: 'http', protocol: PortProtocol.HTTP, targetPort: 65536 }] }, ['CI0403 spec.ports[0].number', 'CI0403 spec.ports[0].targetPort']],
    ['an unknown protocol', { hosts: ['a.example.com'], ports: [{ number: 80, name: 'http', protocol: 'SPDY' as PortProtocol }] }, ['CI0403 spec.ports[0].protocol']],
    ['a duplicate port', { hosts: ['a.example.com'], ports: [TLS_443, { number: 443, name: 'https', protocol: PortProtocol.TLS }] }, ['CI0404 spec.ports[1].name', 'CI0404 spec.ports[1].number']],
    ['several hosts and a TCP port with DNS', { hosts: ['a.example.com', 'b.example.com'], ports: [{ number: 5432, name: 'tcp', protocol: PortProtocol.TCP }], resolution: ServiceEntryResolution.DNS }, ['CI0406 spec.ports[0].protocol']],
    ['endpoints and a workloadSelector', { hosts: ['a.example.com'], resolution: ServiceEntryResolution.STATIC, endpoints: [{ address: '10.0.0.1' }], workloadSelector: WorkloadSelector.fromLabels({ app: 'a' }) }, ['CI0407 spec.workloadSelector']],
    ['endpoints with resolution NONE', { hosts: ['a.example.com'], endpoints: [{ address: '10.0.0.1' }] }, ['CI0407 spec.endpoints']],
    ['DNS_ROUND_ROBIN with two endpoints', { hosts: ['a.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.DNS_ROUND_ROBIN, endpoints: [{ address: 'a1.example.com' }, { address: 'a2.example.com' }] }, ['CI0407 spec.endpoints']],
    ['a STATIC endpoint that is not an IP', { hosts: ['a.example.com'], resolution: ServiceEntryResolution.STATIC, endpoints: [{ address: 'a.example.com' }] }, ['CI0408 spec.endpoints[0].address']],
    ['a DNS endpoint that is neither a DNS name nor an IP', { hosts: ['a.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.DNS, endpoints: [{ address: 'not a host' }] }, ['CI0408 spec.endpoints[0].address']],
    ['an endpoint without address or network', { hosts: ['a.example.com'], resolution: ServiceEntryResolution.STATIC, endpoints: [{ labels: { a: 'b' } }] }, ['CI0408 spec.endpoints[0].address']],
    ['a bad unix socket endpoint', {
      hosts: ['a.example.com'], ports: [{ number: 80, name: 'http', protocol: PortProtocol.HTTP }], resolution: ServiceEntryResolution.STATIC,
      endpoints: [{ address: 'unix://relative/dir/', ports: { http: 80 } }],
    }, ['CI0408 spec.endpoints[0].address', 'CI0408 spec.endpoints[0].ports']],
    ['endpoint ports the ServiceEntry does not name or out of range', {
      hosts: ['a.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.STATIC, endpoints: [{ address: '10.0.0.1', ports: { http: 8080, https: 0 } }],
    }, ['CI0408 spec.endpoints[0].ports.http', 'CI0408 spec.endpoints[0].ports.https']],
    ['invalid endpoint labels and a negative weight', {
      hosts: ['a.example.com'], resolution: ServiceEntryResolution.STATIC, endpoints: [{ address: '10.0.0.1', labels: { version: 'v 1' }, weight: -1 }],
    }, ['CI0408 spec.endpoints[0].labels.version', 'CI0016 spec.endpoints[0].weight']],
    ['a wildcard in the workloadSelector', { hosts: ['a.example.com'], resolution: ServiceEntryResolution.STATIC, workloadSelector: WorkloadSelector.fromLabels({ app: '*' }) }, ['CI0024 spec.workloadSelector.labels.app']],
    ['invalid exportTo entries', { hosts: ['a.example.com'], exportTo: ['Bad_NS', 'prod', 'prod', '*'] }, ['CI0023 spec.exportTo[0]', 'CI0023 spec.exportTo[2]', 'CI0023 spec.exportTo']],
    ['\'~\' with another exportTo entry', { hosts: ['a.example.com'], exportTo: ['~', 'prod'] }, ['CI0023 spec.exportTo']],
    ['an invalid resolution or location (CRD enums)', { hosts: ['a.example.com'], resolution: 'DYNAMIC' as ServiceEntryResolution, location: 'OUTSIDE' as ServiceEntryLocation }, ['CI0016 spec.location', 'CI0016 spec.resolution']],
    ['an invalid name', { metadata: { name: 'Bad_Name' }, hosts: ['a.example.com'] }, ['CI0001 metadata.name']],
  ])('fails with %s', (_name, props, expected) => {
    expect(findingsOf(props)).toEqual(expected);
  });

  test.each<[string, ServiceEntryProps, string[]]>([
    ['a partial wildcard host', { hosts: ['*foo.example.com'] }, ['CI0401 spec.hosts[0]']],
    ['resolution STATIC without endpoints or workloadSelector', { hosts: ['a.example.com'], resolution: ServiceEntryResolution.STATIC, ports: [TLS_443] }, ['CI0411 spec.endpoints']],
    ['a TCP port without addresses and resolution NONE', { hosts: ['db.example.com'], ports: [{ number: 5432, name: 'tcp-pg', protocol: PortProtocol.TCP }] }, ['CI0405 spec.ports[0].protocol']],
    ['a workloadSelector with resolution NONE', { hosts: ['a.example.com'], ports: [TLS_443], workloadSelector: WorkloadSelector.fromLabels({ app: 'a' }) }, ['CI0409 spec.workloadSelector']],
  ])('warns about %s', (_name, props, expected) => {
    expect(findingsOf(props, Severity.ERROR)).toEqual([]);
    expect(findingsOf(props, Severity.WARNING)).toEqual(expected);
  });

  test('accepts what Istio accepts: uppercase port names, a workloadSelector with DNS resolution, resolution DYNAMIC_DNS', () => {
    expect(findingsOf({ hosts: ['a.example.com'], ports: [{ number: 443, name: 'HTTPS', protocol: PortProtocol.HTTPS }], resolution: ServiceEntryResolution.DNS })).toEqual([]);
    expect(findingsOf({ hosts: ['a.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.DNS, workloadSelector: WorkloadSelector.fromLabels({ app: 'a' }) }, Severity.WARNING)).toEqual([]);
    expect(findingsOf({ hosts: ['*.example.com'], ports: [TLS_443], resolution: ServiceEntryResolution.DYNAMIC_DNS })).toEqual([]);
  });

  test('warns (CI0019) when the workloadSelector\'s workload is in another namespace, which the manifest cannot show', () => {
    // GIVEN
    const app = Testing.app();
    const other = new Chart(app, 'other', { namespace: 'vms' });
    const d = new kplus.Deployment(other, 'vm-app', { metadata: { name: 'vm-app' }, containers: [{ image: 'app' }], podMetadata: { labels: { app: 'vm-app' } } });
    const chart = new Chart(app, 'mesh', { namespace: 'mesh' });

    // WHEN
    const se = new ServiceEntry(chart, 'vm', {
      hosts: ['vm-app.example.internal'], ports: [{ number: 80, name: 'http', protocol: PortProtocol.HTTP }],
      resolution: ServiceEntryResolution.STATIC, workloadSelector: WorkloadSelector.fromWorkload(d),
    });

    // THEN
    const findings = constructFindingsOf(se);
    expect(findings.map((f) => `${f.code} ${f.severity} ${f.field}`)).toEqual(['CI0019 warning spec.workloadSelector.labels']);
    expect(findings[0].message).toBe('workload \'vm-app\' is in namespace \'vms\' but this resource is in \'mesh\'; a workload selector only matches pods in its own namespace');
  });

  test('renders and reports (CI0019) a workloadSelector built from no workload (plain JavaScript)', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const se = new ServiceEntry(chart, 'vm', { hosts: ['vm.example.internal'], resolution: ServiceEntryResolution.STATIC, workloadSelector: WorkloadSelector.fromWorkload(undefined as any) });

    // THEN
    expect(findingsOf({ hosts: ['vm.example.internal'], resolution: ServiceEntryResolution.STATIC, workloadSelector: WorkloadSelector.fromWorkload(undefined as any) })).toEqual(['CI0019 spec.workloadSelector.labels']);
    expect(se._toSpec().workloadSelector).toEqual({ labels: {} });
  });
});
