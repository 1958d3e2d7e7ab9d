import { findingsOf as constructFindingsOf } from '../util/findings';
import { ApiObject, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Severity } from '../../lib/analysis/finding';
import { PortProtocol } from '../../lib/istio/service-entry';
import { OutboundTrafficPolicy, Sidecar, SidecarCaptureMode, SidecarProps } from '../../lib/istio/sidecar';
import { ConnectionPool } from '../../lib/istio/traffic-policy/connection-pool';
import { WorkloadSelector } from '../../lib/istio/workload-selector';

function specOf(chart: ReturnType<typeof Testing.chart>) {
  return Testing.synth(chart).filter((o) => o.kind === 'Sidecar')[0].spec;
}

function findingsOf(props: SidecarProps, configure?: (s: Sidecar) => void, severity: Severity = Severity.ERROR): string[] {
  const chart = Testing.chart();
  const sc = new Sidecar(chart, 'sc', props);
  configure?.(sc);
  return constructFindingsOf(sc).filter((f) => f.severity === severity).map((f) => `${f.code} ${f.field}`);
}

const CATCH_ALL = { hosts: ['./*'] };

describe('rendering', () => {
  test('defaultChild pins kind and apiVersion', () => {
    const chart = Testing.chart();
    const sc = new Sidecar(chart, 'default', { egress: [CATCH_ALL] });
    expect(ApiObject.of(sc).kind).toBe('Sidecar');
    expect(sc.apiVersion).toBe('networking.istio.io/v1');
  });

  test('addEgressHost builds one catch-all listener', () => {
    // GIVEN
    const chart = Testing.chart();
    const sc = new Sidecar(chart, 'default', { outboundTrafficPolicy: OutboundTrafficPolicy.REGISTRY_ONLY });

    // WHEN
    sc.addEgressHost('./*');
    sc.addEgressHost('istio-system/*');

    // THEN
    expect(specOf(chart)).toEqual({
      egress: [{ hosts: ['./*', 'istio-system/*'] }],
      outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
    });
    expect(sc.egressHosts).toEqual(['./*', 'istio-system/*']);
  });

  test('addEgressHost renders a kplus Service as namespace/FQDN', () => {
    // GIVEN
    const chart = Testing.chart();
    const ratings = new kplus.Service(chart, 'ratings', { metadata: { name: 'ratings', namespace: 'bookinfo' }, ports: [{ port: 9080 }] });
    const sc = new Sidecar(chart, 'default');

    // WHEN
    sc.addEgressHost(ratings);

    // THEN
    expect(specOf(chart).egress).toEqual([{ hosts: ['bookinfo/ratings.bookinfo.svc.cluster.local'] }]);
  });

  test('renders every option, with the catch-all egress listener last', () => {
    // GIVEN
    const chart = Testing.chart();
    const d = new kplus.Deployment(chart, 'productpage', { containers: [{ image: 'pp' }], podMetadata: { labels: { app: 'productpage' } } });

    // WHEN
    const sc = new Sidecar(chart, 'productpage-sidecar', {
      workloadSelector: WorkloadSelector.fromWorkload(d),
      egress: [CATCH_ALL],
      ingress: [{
        port: { number: 9080, protocol: PortProtocol.HTTP, name: 'http' },
        defaultEndpoint: '127.0.0.1:8080',
        bind: '0.0.0.0',
        captureMode: SidecarCaptureMode.DEFAULT,
        connectionPool: ConnectionPool.of({ http: { http1MaxPendingRequests: 10 } }),
      }],
      outboundTrafficPolicy: OutboundTrafficPolicy.allowAnyVia({ host: 'egress-proxy.egress.svc.cluster.local', port: 3128, subset: 'v1' }),
      inboundConnectionPool: ConnectionPool.of({
        tcp: { maxConnections: 100, connectTimeout: Duration.millis(500), idleTimeout: Duration.minutes(5), maxConnectionDuration: Duration.hours(1) },
        http: { http1MaxPendingRequests: 5, http2MaxRequests: 50, maxRequestsPerConnection: 1, maxRetries: 3, idleTimeout: Duration.seconds(30) },
      }),
    });
    sc.addEgressListener({
      port: { number: 3306, protocol: PortProtocol.TCP, name: 'mysql' },
      bind: '127.0.0.1',
      captureMode: SidecarCaptureMode.NONE,
      hosts: ['*/mysql.db.svc.cluster.local'],
    });
    sc.addIngressListener({ port: { number: 9443, protocol: PortProtocol.HTTPS } });

    // THEN
    expect(specOf(chart)).toEqual({
      workloadSelector: { labels: { app: 'productpage' } },
      ingress: [
        {
          port: { number: 9080, protocol: 'HTTP', name: 'http' },
          bind: '0.0.0.0',
          captureMode: 'DEFAULT',
          defaultEndpoint: '127.0.0.1:8080',
          connectionPool: { http: { http1MaxPendingRequests: 10 } },
        },
        { port: { number: 9443, protocol: 'HTTPS' } },
      ],
      egress: [
        { port: { number: 3306, protocol: 'TCP', name: 'mysql' }, bind: '127.0.0.1', captureMode: 'NONE', hosts: ['*/mysql.db.svc.cluster.local'] },
        { hosts: ['./*'] },
      ],
      outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'egress-proxy.egress.svc.cluster.local', port: { number: 3128 }, subset: 'v1' } },
      inboundConnectionPool: {
        tcp: { maxConnections: 100, connectTimeout: '500ms', idleTimeout: '300s', maxConnectionDuration: '3600s' },
        http: { http1MaxPendingRequests: 5, http2MaxRequests: 50, maxRequestsPerConnection: 1, maxRetries: 3, idleTimeout: '30s' },
      },
    });
  });

  test('OutboundTrafficPolicy renders without a chart', () => {
    expect(OutboundTrafficPolicy.ALLOW_ANY._toIstio()).toEqual({ mode: 'ALLOW_ANY', egressProxy: undefined });
    expect(OutboundTrafficPolicy.allowAnyVia({ host: 'p.example.com', port: 8080 }).egressProxy).toEqual({ host: 'p.example.com', port: 8080 });
  });

  test('accepts the documented host forms', () => {
    expect(findingsOf({ egress: [{ hosts: ['./*', 'istio-system/*', '*/*.example.com', '~/*', 'prod/reviews.prod.svc.cluster.local', '*/*'] }] })).toEqual([]);
  });
});

describe('problems', () => {
  test('fails with all errors together on synth', () => {
    const chart = Testing.chart();
    const sc = new Sidecar(chart, 'bad');
    sc.addEgressHost('reviews', 'istio-system/*');
    expect(() => Testing.synth(chart)).toThrow(/\[test\/bad\] error CI0511 spec\.egress\[0\]\.hosts\[0\] = 'reviews': egress host 'reviews' must have the form namespace\/dnsName/);
  });

  test('fails when empty', () => {
    expect(findingsOf({})).toEqual(['CI0501 spec']);
  });

  test('fails with egress hosts not in namespace/dnsName form', () => {
    const f = findingsOf({ egress: [{ hosts: ['reviews.prod.svc.cluster.local', '/x.example.com', 'Prod_NS/*', 'prod/reviews', 'prod/*foo.example.com', 'prod/a.*.example.com'] }] });
    expect(f).toEqual([0, 1, 2, 3, 4, 5].map((i) => `CI0511 spec.egress[0].hosts[${i}]`));
  });

  test('warns about duplicate egress hosts', () => {
    expect(findingsOf({ egress: [{ hosts: ['./*', './*'] }] }, undefined, Severity.WARNING)).toEqual(['CI0511 spec.egress[0].hosts[1]']);
  });

  test('fails with an egress listener without hosts', () => {
    expect(findingsOf({ egress: [{ hosts: [] }] })).toEqual(['CI0511 spec.egress[0].hosts']);
  });

  test('fails with two egress listeners without a port (the first is not last)', () => {
    expect(findingsOf({ egress: [CATCH_ALL, { hosts: ['istio-system/*'] }] })).toEqual(['CI0505 spec.egress[0].port']);
  });

  test('fails with invalid egress ports and duplicates; accepts uppercase port names, as Istio', () => {
    const f = findingsOf({
      egress: [
        { port: { number: 0, name: 'Bad', protocol: 'SPDY' as PortProtocol }, hosts: ['./*'] },
        { port: { number: 70000, name: 'bad_name' }, hosts: ['./*'] },
        { port: { number: 80 }, hosts: ['./*'] },
        { port: { number: 80 }, hosts: ['./*'] },
      ],
    });
    expect(f).toEqual([
      'CI0503 spec.egress[0].port.protocol',
      'CI0503 spec.egress[1].port.number',
      'CI0503 spec.egress[1].port.name',
      'CI0504 spec.egress[3].port.number',
      'CI0506 spec.egress[0].bind',
    ]);
  });

  test('fails with invalid bind addresses and capture modes', () => {
    const f = findingsOf({
      egress: [
        { port: { number: 80 }, bind: 'localhost', captureMode: 'MAGIC' as SidecarCaptureMode, hosts: ['./*'] },
        { port: { number: 0 }, bind: 'unix:///var/run/egress.sock', captureMode: SidecarCaptureMode.IPTABLES, hosts: ['./*'] },
      ],
    });
    // an unknown captureMode is the CRD schema's (CI0016); IPTABLES on a unix socket is Istio's webhook's
    expect(f).toEqual(['CI0506 spec.egress[0].bind', 'CI0506 spec.egress[1].captureMode', 'CI0016 spec.egress[0].captureMode']);
  });

  test('fails with invalid ingress listeners', () => {
    const f = findingsOf({
      ingress: [
        { port: { number: 70000 }, defaultEndpoint: '10.0.0.1:8080' },
        { port: { number: 9080 }, defaultEndpoint: '127.0.0.1:http', bind: 'nope' },
        { port: { number: 9080 }, defaultEndpoint: 'unix://relative' },
      ],
    });
    expect(f).toEqual([
      'CI0503 spec.ingress[0].port.number',
      'CI0504 spec.ingress[2].port.number',
      'CI0506 spec.ingress[1].bind',
      'CI0507 spec.ingress[0].defaultEndpoint',
      'CI0507 spec.ingress[1].defaultEndpoint',
      'CI0507 spec.ingress[2].defaultEndpoint',
    ]);
  });

  test('accepts the documented defaultEndpoint forms', () => {
    const ingress = ['127.0.0.1:8080', '0.0.0.0:8080', '[::1]:8080', '[::]:8080', ':8080', 'unix:///var/run/app.sock']
      .map((defaultEndpoint, i) => ({ port: { number: 9000 + i }, defaultEndpoint }));
    expect(findingsOf({ ingress })).toEqual([]);
  });

  test('fails with invalid connection pools', () => {
    const f = findingsOf({
      egress: [CATCH_ALL],
      inboundConnectionPool: ConnectionPool.of({ tcp: { maxConnections: -1, connectTimeout: Duration.millis(0) }, http: { maxRetries: 1.5 } }),
      ingress: [{ port: { number: 80 }, connectionPool: ConnectionPool.of({}) }],
    });
    // a fractional maxRetries is the CRD schema's (CI0016: an int32)
    expect(f).toEqual([
      'CI0509 spec.ingress[0].connectionPool',
      'CI0509 spec.inboundConnectionPool.tcp.maxConnections',
      'CI0509 spec.inboundConnectionPool.tcp.connectTimeout',
      'CI0016 spec.inboundConnectionPool.http.maxRetries',
    ]);
  });

  test('warns about HTTP pool settings on a TCP ingress port', () => {
    const f = findingsOf({ ingress: [{ port: { number: 5432, protocol: PortProtocol.TCP }, connectionPool: ConnectionPool.of({ http: { maxRetries: 1 } }) }] }, undefined, Severity.WARNING);
    expect(f).toEqual(['CI0510 spec.ingress[0].connectionPool.http']);
  });

  test('fails with an invalid egress proxy; accepts an uppercase subset name, as Istio', () => {
    const f = findingsOf({ outboundTrafficPolicy: OutboundTrafficPolicy.allowAnyVia({ host: '*.example.com', port: 0, subset: 'V1' }) });
    expect(f).toEqual([
      'CI0512 spec.outboundTrafficPolicy.egressProxy.host',
      'CI0512 spec.outboundTrafficPolicy.egressProxy.port.number',
    ]);
  });

  test('fails with a workload selector for a workload in another namespace', () => {
    // GIVEN
    const chart = Testing.chart();
    const d = new kplus.Deployment(chart, 'other', { metadata: { namespace: 'other' }, containers: [{ image: 'x' }], podMetadata: { labels: { app: 'x' } } });

    // WHEN
    const sc = new Sidecar(chart, 'sc', { metadata: { namespace: 'mine' }, egress: [CATCH_ALL], workloadSelector: WorkloadSelector.fromWorkload(d) });

    // THEN
    expect(constructFindingsOf(sc).map((x) => `${x.code} ${x.field}`)).toEqual(['CI0019 spec.workloadSelector.labels']);
  });

  test('fails with a workload selector built from a workload without labels, or from no workload', () => {
    // GIVEN
    const chart = Testing.chart();
    const bare = new kplus.Deployment(chart, 'bare', { containers: [{ image: 'x' }] });

    // WHEN
    const fromBare = new Sidecar(chart, 'from-bare', { egress: [CATCH_ALL], workloadSelector: WorkloadSelector.fromWorkload(bare) });
    const fromNothing = new Sidecar(chart, 'from-nothing', { egress: [CATCH_ALL], workloadSelector: WorkloadSelector.fromWorkload(undefined as any) });

    // THEN the construct says where the empty selector came from; the manifest check warns about it too
    expect(constructFindingsOf(fromBare).map((x) => `${x.code} ${x.severity} ${x.field}`)).toEqual([
      'CI0019 error spec.workloadSelector.labels', 'CI0024 warning spec.workloadSelector',
    ]);
    expect(constructFindingsOf(fromNothing).map((x) => `${x.code} ${x.severity} ${x.field}`)).toEqual([
      'CI0019 error spec.workloadSelector.labels', 'CI0024 warning spec.workloadSelector',
    ]);
    expect(ApiObject.of(fromNothing).toJson().spec.workloadSelector).toEqual({ labels: {} });
  });

  test('renders whatever a plain-JavaScript caller passes, and reports it instead of throwing', () => {
    // GIVEN an ingress listener without a port, an egress listener without hosts, a plain-object pool
    const chart = Testing.chart();
    const sc = new Sidecar(chart, 'untyped', {
      ingress: [{ connectionPool: { tcp: { maxConnections: -1 } } } as any],
      egress: [{} as any, undefined as any],
    });

    // WHEN
    const spec = ApiObject.of(sc).toJson().spec;

    // THEN
    expect(spec.ingress).toEqual([{ connectionPool: { tcp: { maxConnections: -1 } } }]);
    expect(spec.egress).toEqual([{ hosts: [] }, { hosts: [] }]);
    expect(constructFindingsOf(sc).map((x) => `${x.code} ${x.field}`)).toEqual([
      'CI0503 spec.ingress[0].port', 'CI0505 spec.egress[0].port', 'CI0509 spec.ingress[0].connectionPool.tcp.maxConnections',
      'CI0511 spec.egress[0].hosts', 'CI0511 spec.egress[1].hosts',
    ]);
  });
});
