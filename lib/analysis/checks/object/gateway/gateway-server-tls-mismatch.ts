import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachServer, GATEWAY_KINDS } from './private/servers';
import { isHttpProtocol, isTlsProtocol } from './private/protocol';
import { isSetString, tlsMode } from './private/server-tls';

/**
 * CI0307: a server's protocol and its `tls` do not fit, as Istio's webhook checks: an HTTPS or
 * TLS server without `tls` (error); TLS termination on a plain HTTP server, which may only carry
 * `tls.httpsRedirect` (error); `tls` on any other non-TLS protocol such as TCP (error); and
 * `httpsRedirect` on a server that is not plain HTTP (Istio's warning: it has no effect there).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings
 */
export const GatewayServerTlsMismatch = defineCheck({
  code: 'CI0307',
  name: 'GatewayServerTlsMismatch',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an HTTPS or TLS server without tls, TLS settings on a plain-text (HTTP, TCP, ...) server, or httpsRedirect on a server that is not HTTP',
  scope: 'object',
  kinds: GATEWAY_KINDS,
  evaluate({ object, report }) {
    eachServer(object, ({ server, at, port, protocol, tls }) => {
      if (!port) return;
      if (protocol !== undefined) {
        if (isTlsProtocol(protocol) && (server.tls === undefined || server.tls === null)) {
          report({
            field: `${at}.tls`,
            message: `${article(protocol)} ${protocol} server needs tls settings`,
            fix: protocol === 'HTTPS'
              ? 'set tls with mode SIMPLE and a credentialName (the Secret holding the certificate), e.g. tls: { mode: SIMPLE, credentialName: bookinfo-credential } (in code: ServerTls.simple(\'bookinfo-credential\'))'
              : 'set tls, e.g. tls: { mode: PASSTHROUGH } to route by SNI, or mode SIMPLE with a credentialName to terminate TLS',
          });
        } else if (!isTlsProtocol(protocol) && tls) {
          const mode = tlsMode(tls);
          const redirectOnly = (mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH')
            && !isSetString(tls.caCertificates) && !isSetString(tls.privateKey) && !isSetString(tls.serverCertificate);
          if (!isHttpProtocol(protocol)) {
            report({
              field: `${at}.tls`, value: tls,
              message: `${article(protocol)} ${protocol} server cannot have tls settings; only HTTPS and TLS servers can`,
              fix: 'set port.protocol to TLS (or HTTPS) to use TLS on this port, or remove tls',
            });
          } else if (!redirectOnly) {
            report({
              field: tls.mode === undefined ? `${at}.tls` : `${at}.tls.mode`, value: tls.mode ?? tls,
              message: `a plain-text ${protocol} server cannot terminate TLS${tls.mode === undefined ? '' : ` (tls.mode ${tls.mode})`}; its tls may only set httpsRedirect`,
              fix: 'set port.protocol to HTTPS to terminate TLS on this port, or keep only httpsRedirect under tls',
            });
          }
        }
      }
      if (tls?.httpsRedirect === true && !isHttpProtocol(protocol)) {
        report({
          field: `${at}.tls.httpsRedirect`, value: true, severity: Severity.WARNING,
          message: `httpsRedirect only applies to plain HTTP servers, not ${protocol ?? formatValue(port.protocol)}`,
          fix: 'remove tls.httpsRedirect here, and put it on a server with protocol HTTP for the same hosts',
        });
      }
    });
  },
});

/** The indefinite article before a protocol name as it is read aloud ('an HTTPS', 'a TLS'). */
function article(protocol: string): string {
  return /^HTTP/i.test(protocol) ? 'an' : 'a';
}
