import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { eachServer, GATEWAY_KINDS } from './private/servers';
import { versionRangeProblems } from './private/server-tls';

/**
 * CI0311: a server's `minProtocolVersion` above its `maxProtocolVersion`. Istio accepts it, but
 * the listener can then negotiate no TLS version at all; this check is stricter than Istio, so
 * it warns.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings-TLSProtocol
 */
export const InvertedServerTlsVersions = defineCheck({
  code: 'CI0311',
  name: 'InvertedServerTlsVersions',
  severity: Severity.WARNING,
  counterpart: 'none',
  catches: 'a server minProtocolVersion above its maxProtocolVersion (stricter than Istio, which accepts it)',
  scope: 'object',
  kinds: GATEWAY_KINDS,
  evaluate({ object, report }) {
    eachServer(object, ({ at, tls }) => {
      if (tls) for (const p of versionRangeProblems(tls, `${at}.tls`)) report(p);
    });
  },
});
