import { findingsOf as constructFindingsOf } from '../util/findings';
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { ProblemCollector, Severity } from '../../lib/analysis/finding';
import { schemaProblems } from '../../lib/analysis/crd/schema';
import { Gateway, GatewayServer, ServerProtocol, ServerTls, ServerTlsMode, TlsProtocolVersion } from '../../lib/istio/gateway';
import { SHARED_DIR } from '../util/tree';

const BOOKINFO_GATEWAY = path.join(SHARED_DIR, 'istio', '1.30.3', 'samples', 'bookinfo', 'networking', 'bookinfo-gateway.yaml');
const SHARED_PRESENT = fs.existsSync(BOOKINFO_GATEWAY);
if (!SHARED_PRESENT) {
  // eslint-disable-next-line no-console
  console.warn(`skipping Bookinfo Gateway comparison: ../shared absent (${BOOKINFO_GATEWAY} not found)`);
}

function gatewaySpecs(chart: Chart): any[] {
  return Testing.synth(chart).filter((o) => o.kind === 'Gateway');
}

function findingsOf(gw: Gateway) {
  return constructFindingsOf(gw).map((f) => ({ code: f.code, field: f.field, value: f.value, severity: f.severity, message: f.message }));
}

function serverProblems(server: GatewayServer) {
  const c = new ProblemCollector('s');
  server._validate(c);
  return c.problems;
}

describe('Gateway', () => {
  test('defaultChild pins kind and apiVersion', () => {
    const gw = new Gateway(Testing.chart(), 'gw', { servers: [GatewayServer.http({ hosts: ['*'] })] });
    const child = gw.node.defaultChild as ApiObject;
    expect(child.kind).toBe('Gateway');
    expect(child.apiVersion).toBe('networking.istio.io/v1');
  });

  (SHARED_PRESENT ? test : test.skip)('the Bookinfo gateway renders exactly the upstream bookinfo-gateway.yaml', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new Gateway(chart, 'bookinfo-gateway', {
      selector: { istio: 'ingressgateway' },
      servers: [GatewayServer.http({ port: 8080, name: 'http', hosts: ['*'] })],
    });
    // THEN
    const upstream = YAML.parseAllDocuments(fs.readFileSync(BOOKINFO_GATEWAY, 'utf8')).map((d) => d.toJSON()).find((o) => o.kind === 'Gateway');
    expect(gatewaySpecs(chart)).toEqual([upstream]);
  });

  test('selects the default ingress gateway unless told otherwise', () => {
    const chart = Testing.chart();
    const gw = new Gateway(chart, 'gw', { servers: [GatewayServer.http({ hosts: ['*'] })] });
    new Gateway(chart, 'helm', { selector: { istio: 'ingress' }, servers: [GatewayServer.http({ hosts: ['*'] })] });
    const [first, second] = gatewaySpecs(chart);
    expect(first.spec.selector).toEqual({ istio: 'ingressgateway' });
    expect(second.spec.selector).toEqual({ istio: 'ingress' });
    expect(gw.selector).toEqual({ istio: 'ingressgateway' });
  });

  test('addServer appends servers, and servers returns copies', () => {
    // GIVEN
    const chart = Testing.chart();
    const gw = new Gateway(chart, 'gw');
    // WHEN
    gw.addServer(GatewayServer.http({ hosts: ['bookinfo.example.com'] }));
    gw.addServer(GatewayServer.https({ hosts: ['bookinfo.example.com'], tls: ServerTls.simple('bookinfo-credential'), serverName: 'https' }));
    // THEN
    expect(gw.servers).toEqual([
      { port: 80, portName: 'http-80', protocol: ServerProtocol.HTTP, hosts: ['bookinfo.example.com'], name: undefined, tlsMode: undefined, httpsRedirect: false },
      { port: 443, portName: 'https-443', protocol: ServerProtocol.HTTPS, hosts: ['bookinfo.example.com'], name: 'https', tlsMode: ServerTlsMode.SIMPLE, httpsRedirect: false },
    ]);
    gw.servers[0].hosts.push('x');
    expect(gw.servers[0].hosts).toEqual(['bookinfo.example.com']);
    expect(gatewaySpecs(chart)[0].spec.servers).toHaveLength(2);
  });

  test('renders every server factory', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new Gateway(chart, 'gw', {
      servers: [
        GatewayServer.http({ hosts: ['a.example.com'] }),
        GatewayServer.httpsRedirect({ hosts: ['a.example.com'], port: 8080, name: 'http-redirect' }),
        GatewayServer.https({ hosts: ['a.example.com'], tls: ServerTls.simple('a-credential'), serverName: 'a-https' }),
        GatewayServer.tlsPassthrough({ hosts: ['nginx.example.com'], port: 8443 }),
        GatewayServer.tcp({ port: 31400, hosts: ['*'] }),
        GatewayServer.of({ port: 15443, protocol: ServerProtocol.TLS, hosts: ['*.local'], tls: ServerTls.autoPassthrough(), name: 'tls' }),
      ],
    });
    // THEN
    expect(gatewaySpecs(chart)[0].spec.servers).toEqual([
      { port: { number: 80, name: 'http-80', protocol: 'HTTP' }, hosts: ['a.example.com'] },
      { port: { number: 8080, name: 'http-redirect', protocol: 'HTTP' }, hosts: ['a.example.com'], tls: { httpsRedirect: true } },
      { port: { number: 443, name: 'https-443', protocol: 'HTTPS' }, hosts: ['a.example.com'], name: 'a-https', tls: { mode: 'SIMPLE', credentialName: 'a-credential' } },
      { port: { number: 8443, name: 'tls-8443', protocol: 'TLS' }, hosts: ['nginx.example.com'], tls: { mode: 'PASSTHROUGH' } },
      { port: { number: 31400, name: 'tcp-31400', protocol: 'TCP' }, hosts: ['*'] },
      { port: { number: 15443, name: 'tls', protocol: 'TLS' }, hosts: ['*.local'], tls: { mode: 'AUTO_PASSTHROUGH' } },
    ]);
  });

  test('renders every server TLS mode and option', () => {
    const options = { minProtocolVersion: TlsProtocolVersion.TLSV1_2, maxProtocolVersion: TlsProtocolVersion.TLSV1_3, cipherSuites: ['ECDHE-RSA-AES256-GCM-SHA384'], subjectAltNames: ['client.example.com'] };
    expect(ServerTls.simple('cred', options)._toIstio()).toEqual({ mode: 'SIMPLE', credentialName: 'cred', ...options });
    expect(ServerTls.mutual('cred')._toIstio()).toEqual({ mode: 'MUTUAL', credentialName: 'cred' });
    expect(ServerTls.simpleFromFiles({ serverCertificate: '/c', privateKey: '/k' })._toIstio()).toEqual({ mode: 'SIMPLE', serverCertificate: '/c', privateKey: '/k' });
    expect(ServerTls.mutualFromFiles({ serverCertificate: '/c', privateKey: '/k', caCertificates: '/ca' })._toIstio())
      .toEqual({ mode: 'MUTUAL', serverCertificate: '/c', privateKey: '/k', caCertificates: '/ca' });
    expect(ServerTls.istioMutual()._toIstio()).toEqual({ mode: 'ISTIO_MUTUAL' });
    expect(ServerTls.passthrough()._toIstio()).toEqual({ mode: 'PASSTHROUGH' });
    expect(ServerTls.autoPassthrough().mode).toBe(ServerTlsMode.AUTO_PASSTHROUGH);
  });

  test('accepts namespace-prefixed, wildcard and IP hosts', () => {
    const server = GatewayServer.http({ hosts: ['*', 'prod/bookinfo.example.com', './*.example.com', '*/api.example.com', '10.0.0.1', '::1'] });
    expect(serverProblems(server)).toEqual([]);
  });

  test('renders objects that validate against the Gateway CRD schema', () => {
    const chart = Testing.chart();
    new Gateway(chart, 'gw', {
      servers: [
        GatewayServer.httpsRedirect({ hosts: ['a.example.com'] }),
        GatewayServer.https({ hosts: ['prod/a.example.com'], tls: ServerTls.mutual('a-credential', { minProtocolVersion: TlsProtocolVersion.TLSV1_2, subjectAltNames: ['c'] }), serverName: 'a' }),
        GatewayServer.tlsPassthrough({ hosts: ['*.example.com'] }),
        GatewayServer.of({ port: 9443, protocol: ServerProtocol.HTTPS, hosts: ['b.example.com'], tls: ServerTls.istioMutual() }),
      ],
    });
    for (const gw of gatewaySpecs(chart)) expect(schemaProblems(gw)).toEqual([]);
  });

  test('reports no findings for a valid gateway', () => {
    const gw = new Gateway(Testing.chart(), 'gw', { servers: [GatewayServer.https({ hosts: ['a.example.com'], tls: ServerTls.simple('cred') })] });
    expect(constructFindingsOf(gw)).toEqual([]);
  });
});

describe('Gateway problems', () => {
  test('fails without servers', () => {
    const gw = new Gateway(Testing.chart(), 'gw');
    expect(findingsOf(gw)).toEqual([expect.objectContaining({ code: 'CI0015', field: 'spec.servers', message: 'gateway has no servers' })]);
  });

  test('fails on a server without hosts', () => {
    expect(serverProblems(GatewayServer.http({ hosts: [] }))).toEqual([expect.objectContaining({ code: 'CI0015', field: 's.hosts' })]);
  });

  test('fails on short, partial-wildcard and badly prefixed hosts', () => {
    const problems = serverProblems(GatewayServer.http({ hosts: ['bookinfo', '*foo.example.com', 'Bad_NS/a.example.com', '~/a.example.com', '/a.example.com', 'a..example.com'] }));
    expect(problems.map((p) => [p.code, p.field, p.value])).toEqual([
      ['CI0002', 's.hosts[0]', 'bookinfo'],
      ['CI0002', 's.hosts[1]', '*foo.example.com'],
      ['CI0002', 's.hosts[2]', 'Bad_NS/a.example.com'],
      ['CI0002', 's.hosts[3]', '~/a.example.com'],
      ['CI0002', 's.hosts[4]', '/a.example.com'],
      ['CI0002', 's.hosts[5]', 'a..example.com'],
    ]);
    expect(problems[0].message).toMatch(/short name/);
    expect(problems[1].message).toMatch(/partial wildcard/);
  });

  test('fails on a port outside 1-65535 and an empty port name', () => {
    const problems = serverProblems(GatewayServer.http({ hosts: ['*'], port: 0, name: '' }));
    expect(problems.map((p) => [p.code, p.field])).toEqual([['CI0003', 's.port.number'], ['CI0015', 's.port.name']]);
  });

  test('fails on duplicate port names and server names', () => {
    const gw = new Gateway(Testing.chart(), 'gw', {
      servers: [
        GatewayServer.http({ hosts: ['*'], name: 'http', serverName: 'web' }),
        GatewayServer.http({ hosts: ['*'], port: 8080, name: 'http', serverName: 'web' }),
      ],
    });
    expect(findingsOf(gw).map((f) => [f.code, f.field, f.value])).toEqual([
      ['CI0012', 'spec.servers[1].port.name', 'http'],
      ['CI0012', 'spec.servers[1].name', 'web'],
    ]);
  });

  test('fails on HTTPS or TLS without TLS settings, and on TLS settings on plain-text protocols', () => {
    expect(serverProblems(GatewayServer.of({ port: 443, protocol: ServerProtocol.HTTPS, hosts: ['*'] }))[0]).toMatchObject({ code: 'CI0013', field: 's.tls' });
    expect(serverProblems(GatewayServer.of({ port: 80, protocol: ServerProtocol.HTTP, hosts: ['*'], tls: ServerTls.simple('c') }))[0])
      .toMatchObject({ code: 'CI0013', field: 's.tls.mode', value: 'SIMPLE' });
  });

  test('warns on httpsRedirect on a non-HTTP server', () => {
    const [p] = serverProblems(GatewayServer.of({ port: 31400, protocol: ServerProtocol.TCP, hosts: ['*'], httpsRedirect: true }));
    expect(p).toMatchObject({ code: 'CI0013', field: 's.tls.httpsRedirect', severity: Severity.WARNING });
  });

  test('fails on an unknown protocol', () => {
    const [p] = serverProblems(GatewayServer.of({ port: 80, protocol: 'QUIC' as ServerProtocol, hosts: ['*'] }));
    expect(p).toMatchObject({ code: 'CI0017', field: 's.port.protocol', value: 'QUIC' });
  });

  test('fails on SIMPLE or MUTUAL without credentials', () => {
    const [p] = serverProblems(GatewayServer.https({ hosts: ['*'], tls: ServerTls.simple('') }));
    expect(p).toMatchObject({ code: 'CI0013', field: 's.tls.credentialName', value: '' });
    expect(p.message).toMatch(/SIMPLE tls needs a credentialName/);
    expect(serverProblems(GatewayServer.https({ hosts: ['*'], tls: ServerTls.mutualFromFiles({ serverCertificate: '/c', privateKey: '/k' }) }))[0])
      .toMatchObject({ code: 'CI0013', field: 's.tls.caCertificates', message: expect.stringMatching(/missing caCertificates/) });
    expect(serverProblems(GatewayServer.https({ hosts: ['*'], tls: ServerTls.simpleFromFiles({ serverCertificate: '', privateKey: '/k' }) }))[0])
      .toMatchObject({ code: 'CI0013', field: 's.tls.serverCertificate' });
  });

  test('fails when minProtocolVersion is above maxProtocolVersion, and warns on old TLS without ciphers', () => {
    const tls = ServerTls.simple('c', { minProtocolVersion: TlsProtocolVersion.TLSV1_3, maxProtocolVersion: TlsProtocolVersion.TLSV1_2 });
    expect(serverProblems(GatewayServer.https({ hosts: ['*'], tls }))[0]).toMatchObject({ code: 'CI0017', field: 's.tls.minProtocolVersion' });
    const old = ServerTls.simple('c', { minProtocolVersion: TlsProtocolVersion.TLSV1_0 });
    expect(serverProblems(GatewayServer.https({ hosts: ['*'], tls: old }))[0]).toMatchObject({ code: 'CI0017', field: 's.tls.cipherSuites', severity: Severity.WARNING });
  });

  test('fails on a gateway name with dots', () => {
    const gw = new Gateway(Testing.chart(), 'bookinfo.gateway', { servers: [GatewayServer.http({ hosts: ['*'] })] });
    expect(findingsOf(gw)).toEqual([expect.objectContaining({ code: 'CI0001', field: 'metadata.name', value: 'bookinfo.gateway' })]);
  });

  test('warns on selector labels no pod can carry (Istio does not check a Gateway selector)', () => {
    const gw = new Gateway(Testing.chart(), 'gw', { selector: { 'istio/x/y': 'ingress gateway' }, servers: [GatewayServer.http({ hosts: ['*'] })] });
    expect(findingsOf(gw).map((f) => [f.code, f.field, f.severity])).toEqual([['CI0024', 'spec.selector', 'warning'], ['CI0024', "spec.selector['istio/x/y']", 'warning']]);
  });

  test('synthesis fails with every problem at once', () => {
    const chart = Testing.chart();
    new Gateway(chart, 'gw', { servers: [GatewayServer.http({ hosts: ['bookinfo'], port: 70000 })] });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/gw\] error CI0002 spec\.servers\[0\]\.hosts\[0\] = 'bookinfo'[\s\S]*\[test\/gw\] error CI0003 spec\.servers\[0\]\.port\.number = 70000/);
  });
});
