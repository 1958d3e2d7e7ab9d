import { findingsOf as constructFindingsOf } from '../util/findings';
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { Severity } from '../../lib/analysis/finding';
import { schemaProblems } from '../../lib/analysis/crd/schema';
import { Gateway, GatewayServer, ServerProtocol, ServerTls, ServerTlsMode, TlsProtocolVersion } from '../../lib/istio/gateway';
import { SHARED_DIR } from '../util/tree';
import { describeWithShared } from '../util/shared';

const BOOKINFO_GATEWAY = path.join(SHARED_DIR, 'istio', '1.30.3', 'samples', 'bookinfo', 'networking', 'bookinfo-gateway.yaml');

function gatewaySpecs(chart: Chart): any[] {
  return Testing.synth(chart).filter((o) => o.kind === 'Gateway');
}

function findingsOf(gw: Gateway) {
  return constructFindingsOf(gw).map((f) => ({ code: f.code, field: f.field, value: f.value, severity: f.severity, message: f.message }));
}

/** The findings of a Gateway with this one server (fields under `spec.servers[0]`). */
function serverFindings(server: GatewayServer) {
  return findingsOf(new Gateway(Testing.chart(), 'gw', { servers: [server] }));
}

describe('Gateway', () => {
  test('defaultChild pins kind and apiVersion', () => {
    const gw = new Gateway(Testing.chart(), 'gw', { servers: [GatewayServer.http({ hosts: ['*'] })] });
    const child = gw.node.defaultChild as ApiObject;
    expect(child.kind).toBe('Gateway');
    expect(child.apiVersion).toBe('networking.istio.io/v1');
  });

  describeWithShared([BOOKINFO_GATEWAY])('upstream', () => test('the Bookinfo gateway renders exactly the upstream bookinfo-gateway.yaml', () => {
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
  }));

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
    const server = GatewayServer.http({ hosts: ['*', 'prod/bookinfo.example.com', './*.example.com', '*/api.example.com', '10.0.0.1', 'Upper.Example.com'] });
    expect(serverFindings(server)).toEqual([]);
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

describe('Gateway problems (reported by the CI03xx checks over the rendered manifest)', () => {
  test('fails without servers', () => {
    const gw = new Gateway(Testing.chart(), 'gw');
    expect(findingsOf(gw)).toEqual([expect.objectContaining({ code: 'CI0302', field: 'spec.servers', message: 'gateway has no servers; Istio requires at least one' })]);
  });

  test('fails on a server without hosts', () => {
    expect(serverFindings(GatewayServer.http({ hosts: [] }))).toEqual([expect.objectContaining({ code: 'CI0303', field: 'spec.servers[0].hosts' })]);
  });

  test('fails on short, partial-wildcard, IPv6 and badly prefixed hosts', () => {
    const findings = serverFindings(GatewayServer.http({ hosts: ['bookinfo', '*foo.example.com', 'Bad_NS/a.example.com', '~/a.example.com', '/a.example.com', 'a..example.com', '::1'] }));
    expect(findings.map((p) => [p.code, p.field, p.value])).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => ['CI0303', `spec.servers[0].hosts[${i}]`, expect.any(String)]));
    expect(findings[0].message).toMatch(/short name/);
    expect(findings[1].message).toMatch(/partial wildcard/);
  });

  test('fails on a port outside 1-65535 and an empty port name', () => {
    const findings = serverFindings(GatewayServer.http({ hosts: ['*'], port: 0, name: '' }));
    expect(findings.map((p) => [p.code, p.field])).toEqual([['CI0304', 'spec.servers[0].port.number'], ['CI0304', 'spec.servers[0].port.name']]);
  });

  test('fails on duplicate port names, and warns on duplicate server names', () => {
    const gw = new Gateway(Testing.chart(), 'gw', {
      servers: [
        GatewayServer.http({ hosts: ['*'], name: 'http', serverName: 'web' }),
        GatewayServer.http({ hosts: ['*'], port: 8080, name: 'http', serverName: 'web' }),
      ],
    });
    expect(findingsOf(gw).map((f) => [f.code, f.field, f.value, f.severity])).toEqual([
      ['CI0305', 'spec.servers[1].port.name', 'http', Severity.ERROR],
      ['CI0313', 'spec.servers[1].name', 'web', Severity.WARNING],
    ]);
  });

  test('fails on HTTPS or TLS without TLS settings, and on TLS termination on plain-text protocols', () => {
    expect(serverFindings(GatewayServer.of({ port: 443, protocol: ServerProtocol.HTTPS, hosts: ['*'] }))[0]).toMatchObject({ code: 'CI0307', field: 'spec.servers[0].tls' });
    expect(serverFindings(GatewayServer.of({ port: 80, protocol: ServerProtocol.HTTP, hosts: ['*'], tls: ServerTls.simple('c') }))[0])
      .toMatchObject({ code: 'CI0307', field: 'spec.servers[0].tls.mode', value: 'SIMPLE' });
    expect(serverFindings(GatewayServer.of({ port: 31400, protocol: ServerProtocol.TCP, hosts: ['*'], tls: ServerTls.passthrough() }))[0])
      .toMatchObject({ code: 'CI0307', field: 'spec.servers[0].tls' });
  });

  test('accepts an HTTP server whose tls only redirects to HTTPS', () => {
    expect(serverFindings(GatewayServer.httpsRedirect({ hosts: ['a.example.com'] }))).toEqual([]);
  });

  test('warns on httpsRedirect on a non-HTTP server', () => {
    const findings = serverFindings(GatewayServer.of({ port: 443, protocol: ServerProtocol.HTTPS, hosts: ['*'], tls: ServerTls.simple('c'), httpsRedirect: true }));
    expect(findings).toEqual([expect.objectContaining({ code: 'CI0307', field: 'spec.servers[0].tls.httpsRedirect', severity: Severity.WARNING })]);
  });

  test('fails on an unknown protocol', () => {
    const [p] = serverFindings(GatewayServer.of({ port: 80, protocol: 'QUIC' as ServerProtocol, hosts: ['*'] }));
    expect(p).toMatchObject({ code: 'CI0304', field: 'spec.servers[0].port.protocol', value: 'QUIC' });
  });

  test('fails on SIMPLE or MUTUAL without a certificate', () => {
    const [p] = serverFindings(GatewayServer.https({ hosts: ['*'], tls: ServerTls.simple('') }));
    expect(p).toMatchObject({ code: 'CI0308', field: 'spec.servers[0].tls.credentialName' });
    expect(p.message).toBe('SIMPLE tls has no server certificate: neither credentialName nor serverCertificate and privateKey is set');
    expect(serverFindings(GatewayServer.https({ hosts: ['*'], tls: ServerTls.mutualFromFiles({ serverCertificate: '/c', privateKey: '/k' }) })))
      .toEqual([expect.objectContaining({ code: 'CI0308', field: 'spec.servers[0].tls.caCertificates' })]);
    expect(serverFindings(GatewayServer.https({ hosts: ['*'], tls: ServerTls.simpleFromFiles({ serverCertificate: '', privateKey: '/k' }) })))
      .toEqual([expect.objectContaining({ code: 'CI0308', field: 'spec.servers[0].tls.serverCertificate' })]);
  });

  test('warns when minProtocolVersion is above maxProtocolVersion, and on old TLS without ciphers', () => {
    const tls = ServerTls.simple('c', { minProtocolVersion: TlsProtocolVersion.TLSV1_3, maxProtocolVersion: TlsProtocolVersion.TLSV1_2 });
    expect(serverFindings(GatewayServer.https({ hosts: ['*'], tls }))).toEqual([
      expect.objectContaining({ code: 'CI0311', field: 'spec.servers[0].tls.minProtocolVersion', severity: Severity.WARNING }),
    ]);
    const old = ServerTls.simple('c', { minProtocolVersion: TlsProtocolVersion.TLSV1_0 });
    expect(serverFindings(GatewayServer.https({ hosts: ['*'], tls: old }))).toEqual([
      expect.objectContaining({ code: 'CI0310', field: 'spec.servers[0].tls.cipherSuites', severity: Severity.WARNING }),
    ]);
  });

  test('fails on a gateway name with dots', () => {
    const gw = new Gateway(Testing.chart(), 'bookinfo.gateway', { servers: [GatewayServer.http({ hosts: ['*'] })] });
    expect(findingsOf(gw)).toEqual([expect.objectContaining({ code: 'CI0301', field: 'metadata.name', value: 'bookinfo.gateway' })]);
  });

  test('warns on selector labels no pod can carry (Istio does not check the selector)', () => {
    const gw = new Gateway(Testing.chart(), 'gw', { selector: { 'istio/x/y': 'ingress gateway' }, servers: [GatewayServer.http({ hosts: ['*'] })] });
    expect(findingsOf(gw).map((f) => [f.code, f.field, f.severity])).toEqual([
      ['CI0024', 'spec.selector', Severity.WARNING], ['CI0024', "spec.selector['istio/x/y']", Severity.WARNING],
    ]);
  });

  test('renders whatever a plain-JavaScript caller passes, and reports it instead of throwing', () => {
    // GIVEN a server without hosts, and no server at all, as untyped code could pass
    const chart = Testing.chart();
    const gw = new Gateway(chart, 'gw', { servers: [GatewayServer.of({ port: 80, protocol: ServerProtocol.HTTP } as any), undefined as any] });
    // WHEN / THEN
    expect(ApiObject.of(gw).toJson().spec.servers).toEqual([{ port: { number: 80, name: 'http-80', protocol: 'HTTP' }, hosts: [] }, undefined]);
    expect(findingsOf(gw).map((f) => [f.code, f.field])).toEqual([['CI0302', 'spec.servers[1]'], ['CI0303', 'spec.servers[0].hosts']]);
    expect(gw.servers).toHaveLength(1);
  });

  test('synthesis fails with every problem at once', () => {
    const chart = Testing.chart();
    new Gateway(chart, 'gw', { servers: [GatewayServer.http({ hosts: ['bookinfo'], port: 70000 })] });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/gw\] error CI0303 spec\.servers\[0\]\.hosts\[0\] = 'bookinfo'[\s\S]*\[test\/gw\] error CI0304 spec\.servers\[0\]\.port\.number = 70000/);
  });
});
