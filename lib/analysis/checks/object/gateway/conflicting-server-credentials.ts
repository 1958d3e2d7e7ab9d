import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { eachServer, GATEWAY_KINDS } from './private/servers';
import { credentialConflictProblems } from './private/server-tls';

/**
 * CI0309: server TLS credentials that the mode forbids or that exclude each other, as Istio's
 * webhook checks: ISTIO_MUTUAL with any certificate or credential (error); more than one of
 * `credentialName`, `credentialNames`, `serverCertificate`/`privateKey` and `tlsCertificates`
 * (error); `caCrl` with a `credentialName` or in SIMPLE mode (error); and certificates on a
 * PASSTHROUGH or AUTO_PASSTHROUGH server (Istio's warning: they are ignored).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings
 */
export const ConflictingServerCredentials = defineCheck({
  code: 'CI0309',
  name: 'ConflictingServerCredentials',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'ISTIO_MUTUAL with certificates, several certificate sources at once, caCrl with credentialName or SIMPLE, or certificates Istio ignores in PASSTHROUGH mode',
  scope: 'object',
  kinds: GATEWAY_KINDS,
  evaluate({ object, report }) {
    eachServer(object, ({ at, tls }) => {
      if (tls) for (const p of credentialConflictProblems(tls, `${at}.tls`)) report(p);
    });
  },
});
