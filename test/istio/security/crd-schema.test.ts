import { ApiObject, Chart, Duration, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { schemaProblems } from '../../../lib/analysis/crd/schema';
import { AuthorizationAction, AuthorizationPolicy } from '../../../lib/istio/security/authorization-policy';
import { Condition, Operation, Source } from '../../../lib/istio/security/authorization-rule';
import { MtlsMode, PeerAuthentication } from '../../../lib/istio/security/peer-authentication';
import { RequestAuthentication } from '../../../lib/istio/security/request-authentication';
import { PortProtocol, ServiceEntry, ServiceEntryLocation, ServiceEntryResolution } from '../../../lib/istio/service-entry';
import { OutboundTrafficPolicy, Sidecar } from '../../../lib/istio/sidecar';
import { ConnectionPool } from '../../../lib/istio/traffic-policy/connection-pool';
import { WorkloadSelector } from '../../../lib/istio/workload-selector';
import { withoutSchemaGuard } from '../../setup/schema-guard';

/** A locked-down Bookinfo namespace: mTLS, deny-by-default, per-service allow rules, JWT at the edge, restricted egress. */
function secureBookinfo(): Chart {
  const app = Testing.app();
  const chart = new Chart(app, 'bookinfo-security', { namespace: 'bookinfo' });
  const productpageSa = new kplus.ServiceAccount(chart, 'sa-productpage', { metadata: { name: 'bookinfo-productpage' } });
  const reviewsSa = new kplus.ServiceAccount(chart, 'sa-reviews', { metadata: { name: 'bookinfo-reviews' } });
  const gatewaySa = kplus.ServiceAccount.fromServiceAccountName(chart, 'sa-gateway', 'istio-ingressgateway-service-account', { namespaceName: 'istio-system' });
  const ratings = new kplus.Deployment(chart, 'ratings-v1', {
    metadata: { name: 'ratings-v1' },
    select: false,
    containers: [{ image: 'docker.io/istio/examples-bookinfo-ratings-v1:1.20.3', ports: [{ number: 9080 }] }],
    podMetadata: { labels: { app: 'ratings', version: 'v1' } },
  });
  ratings.select(kplus.LabelSelector.of({ labels: { app: 'ratings', version: 'v1' } }));

  PeerAuthentication.meshWide(chart, 'default', { mtlsMode: MtlsMode.STRICT });
  new PeerAuthentication(chart, 'ratings-metrics', {
    selector: WorkloadSelector.fromWorkload(ratings),
    mtlsMode: MtlsMode.STRICT,
    portLevelMtls: { 15020: MtlsMode.PERMISSIVE },
  });
  AuthorizationPolicy.allowNothing(chart, 'allow-nothing');
  new AuthorizationPolicy(chart, 'productpage-viewer', {
    selector: WorkloadSelector.fromLabels({ app: 'productpage' }),
    action: AuthorizationAction.ALLOW,
    rules: [{ from: [Source.fromServiceAccounts(gatewaySa)], to: [Operation.methods('GET')] }],
  });
  new AuthorizationPolicy(chart, 'ratings-viewer', {
    selector: WorkloadSelector.fromWorkload(ratings),
    action: AuthorizationAction.ALLOW,
    rules: [{
      from: [Source.fromServiceAccounts(reviewsSa, productpageSa)],
      to: [Operation.of({ methods: ['GET'], ports: [9080], paths: ['/ratings/*'] })],
      when: [Condition.notValues('source.ip', '10.0.0.0/8')],
    }],
  });
  new AuthorizationPolicy(chart, 'ext-authz', {
    selector: WorkloadSelector.fromLabels({ app: 'productpage' }),
    action: AuthorizationAction.CUSTOM,
    provider: 'sample-ext-authz-grpc',
    rules: [{ to: [Operation.paths('/admin/*')] }],
  });
  new RequestAuthentication(chart, 'jwt', {
    selector: WorkloadSelector.fromLabels({ app: 'productpage' }),
    jwtRules: [{ issuer: 'testing@secure.istio.io', jwksUri: 'https://raw.githubusercontent.com/istio/istio/release-1.30/security/tools/jwt/samples/jwks.json', forwardOriginalToken: true }],
  });
  const sidecar = new Sidecar(chart, 'default-sidecar', {
    metadata: { name: 'default' },
    outboundTrafficPolicy: OutboundTrafficPolicy.REGISTRY_ONLY,
    ingress: [{ port: { number: 9080, protocol: PortProtocol.HTTP, name: 'http' }, defaultEndpoint: '127.0.0.1:9080' }],
    inboundConnectionPool: ConnectionPool.of({ tcp: { maxConnections: 100, connectTimeout: Duration.seconds(2) } }),
  });
  sidecar.addEgressHost('./*', 'istio-system/*');
  new ServiceEntry(chart, 'googleapis', {
    hosts: ['www.googleapis.com'],
    ports: [{ number: 443, name: 'https', protocol: PortProtocol.TLS }],
    location: ServiceEntryLocation.MESH_EXTERNAL,
    resolution: ServiceEntryResolution.DNS,
    exportTo: ['.'],
  });
  new ServiceEntry(chart, 'legacy-db', {
    hosts: ['db.legacy.internal'],
    addresses: ['240.0.0.10'],
    ports: [{ number: 5432, name: 'tcp-postgres', protocol: PortProtocol.TCP, targetPort: 5433 }],
    location: ServiceEntryLocation.MESH_INTERNAL,
    resolution: ServiceEntryResolution.STATIC,
    endpoints: [{ address: '10.20.0.5', labels: { role: 'primary' }, ports: { 'tcp-postgres': 5434 }, weight: 1 }],
  });
  return chart;
}

test('a secure Bookinfo namespace synthesizes, with every Istio object valid against the 1.30.3 CRD schema', () => {
  // GIVEN
  const chart = secureBookinfo();

  // WHEN
  const manifests = Testing.synth(chart);
  const istio = manifests.filter((m) => /istio\.io\//.test(m.apiVersion));

  // THEN
  expect(istio.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
    'PeerAuthentication/default', 'PeerAuthentication/ratings-metrics',
    'AuthorizationPolicy/allow-nothing', 'AuthorizationPolicy/productpage-viewer', 'AuthorizationPolicy/ratings-viewer', 'AuthorizationPolicy/ext-authz',
    'RequestAuthentication/jwt', 'Sidecar/default', 'ServiceEntry/googleapis', 'ServiceEntry/legacy-db',
  ]);
  for (const m of istio) {
    expect({ object: `${m.kind}/${m.metadata.name}`, problems: schemaProblems(m) }).toEqual({ object: `${m.kind}/${m.metadata.name}`, problems: [] });
  }
  expect(istio).toMatchSnapshot();
});

test('the schema check catches a bad value added through the escape hatch', () => {
  // GIVEN
  const chart = Testing.chart();
  const pa = new PeerAuthentication(chart, 'pa', { mtlsMode: MtlsMode.STRICT });

  // WHEN
  ApiObject.of(pa).addJsonPatch(JsonPatch.replace('/spec/mtls/mode', 'MUTUAL'));

  // THEN the L2's own validation checks the patched object, and so does the schema
  expect(() => Testing.synth(chart)).toThrow(/\[test\/pa\] error CI0016 spec\.mtls\.mode = 'MUTUAL'/);
  const problems = schemaProblems(withoutSchemaGuard(() => Testing.synth(Testing.chart()) && ApiObject.of(pa).toJson()));
  expect(problems.map((p) => `${p.code} ${p.field}`)).toEqual(['CI0016 spec.mtls.mode']);
});

test('fields unknown to the CRD added through the escape hatch are dropped by the imported class', () => {
  // GIVEN
  const chart = Testing.chart();
  const pa = new PeerAuthentication(chart, 'pa', { mtlsMode: MtlsMode.STRICT });

  // WHEN
  ApiObject.of(pa).addJsonPatch(JsonPatch.add('/spec/mtls/strict', true));

  // THEN: the generated toJson() re-maps the patched JSON through the CRD's known fields
  expect(Testing.synth(chart)[0].spec).toEqual({ mtls: { mode: 'STRICT' } });
});
