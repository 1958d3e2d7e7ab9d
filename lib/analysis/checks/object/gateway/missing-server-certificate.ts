import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { eachServer, GATEWAY_KINDS } from './private/servers';
import { missingCertificateProblems } from './private/server-tls';

/**
 * CI0308: a server that terminates TLS (mode SIMPLE, MUTUAL or OPTIONAL_MUTUAL) without a
 * certificate: no `credentialName`, and not both `serverCertificate` and `privateKey` (or
 * `tlsCertificates` entries with both); the mutual modes without a credential also need
 * `caCertificates`. Istio's webhook rejects each missing piece.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings
 */
export const MissingServerCertificate = defineCheck({
  code: 'CI0308',
  name: 'MissingServerCertificate',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a SIMPLE or MUTUAL server without credentialName, or without the serverCertificate, privateKey (and caCertificates) files',
  scope: 'object',
  kinds: GATEWAY_KINDS,
  evaluate({ object, report }) {
    eachServer(object, ({ at, tls }) => {
      if (tls) for (const p of missingCertificateProblems(tls, `${at}.tls`, true)) report(p);
    });
  },
});
