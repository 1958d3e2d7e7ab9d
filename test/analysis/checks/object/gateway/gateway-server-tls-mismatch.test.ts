import { GatewayServerTlsMismatch } from '../../../../../lib/analysis/checks/object/gateway/gateway-server-tls-mismatch';
import { findings, manifest, server, summary, VERSIONS } from './helpers';

const on = (protocol: string, tls?: unknown) => manifest('Gateway', { servers: [server({ port: { number: 443, name: 'p', protocol }, ...(tls === undefined ? {} : { tls }) })] });

describe('CI0307 GatewayServerTlsMismatch', () => {
  test.each([
    ['HTTPS terminating TLS', 'HTTPS', { mode: 'SIMPLE', credentialName: 'c' }],
    ['HTTPS in passthrough', 'HTTPS', { mode: 'PASSTHROUGH' }],
    ['TLS passthrough', 'TLS', { mode: 'PASSTHROUGH' }],
    ['TLS with an empty tls (PASSTHROUGH, the default mode)', 'tls', {}],
    ['plain HTTP', 'HTTP', undefined],
    ['HTTP that redirects to HTTPS', 'HTTP', { httpsRedirect: true }],
    ['HTTP2 with tls naming only the default mode', 'HTTP2', { mode: 'PASSTHROUGH' }],
    ['plain TCP', 'TCP', undefined],
  ])('accepts %s', (_, protocol, tls) => {
    expect(findings(GatewayServerTlsMismatch, on(protocol, tls))).toEqual([]);
  });

  test.each([
    ['HTTPS without tls', 'HTTPS', undefined, ['spec.servers[0].tls error']],
    ['TLS with tls: null', 'TLS', null, ['spec.servers[0].tls error']],
    ['HTTP terminating TLS', 'HTTP', { mode: 'SIMPLE', credentialName: 'c' }, ['spec.servers[0].tls.mode error']],
    ['HTTP with certificate files', 'HTTP', { serverCertificate: '/c', privateKey: '/k' }, ['spec.servers[0].tls error']],
    ['TCP with tls', 'TCP', { mode: 'PASSTHROUGH' }, ['spec.servers[0].tls error']],
    ['MONGO with only httpsRedirect', 'MONGO', { httpsRedirect: true }, ['spec.servers[0].tls error', 'spec.servers[0].tls.httpsRedirect warning']],
    ['HTTPS with httpsRedirect (Istio warns)', 'HTTPS', { mode: 'SIMPLE', credentialName: 'c', httpsRedirect: true }, ['spec.servers[0].tls.httpsRedirect warning']],
  ])('fails for %s', (_, protocol, tls, expected) => {
    expect(summary(GatewayServerTlsMismatch, on(protocol, tls))).toEqual(expected);
  });

  test.each(VERSIONS)('says how to add tls to an HTTPS server (%s)', (apiVersion) => {
    // GIVEN the mistake users report most: an HTTPS server without tls
    const object = manifest('Gateway', { servers: [server({ port: { number: 443, name: 'https', protocol: 'HTTPS' } })] }, { apiVersion });
    // WHEN
    const [f] = findings(GatewayServerTlsMismatch, object);
    // THEN
    expect(f.message).toBe('an HTTPS server needs tls settings');
    expect(f.fix).toMatch(/^set tls with mode SIMPLE and a credentialName/);
  });
});
