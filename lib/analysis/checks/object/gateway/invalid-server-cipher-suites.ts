import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { eachServer, GATEWAY_KINDS } from './private/servers';
import { cipherSuiteProblems } from './private/server-tls';

/**
 * CI0310: Istio's warnings on server cipher suites: a minimum TLS version below 1.2 without
 * `cipherSuites` (the default suites no longer include ones those versions can use), and cipher
 * suites Envoy does not support or that are listed twice (Istio drops them).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings
 */
export const InvalidServerCipherSuites = defineCheck({
  code: 'CI0310',
  name: 'InvalidServerCipherSuites',
  severity: Severity.WARNING,
  counterpart: 'webhook',
  catches: 'TLS below 1.2 without cipherSuites, or cipher suites Envoy does not support or that are listed twice (Istio ignores them)',
  scope: 'object',
  kinds: GATEWAY_KINDS,
  evaluate({ object, report }) {
    eachServer(object, ({ at, tls }) => {
      if (tls) for (const p of cipherSuiteProblems(tls, `${at}.tls`)) report(p);
    });
  },
});
