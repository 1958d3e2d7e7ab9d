import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, isRecord } from '../../../manifest/read';
import { fqdnProblem, isIpAddress } from './private/dns';
import { numberOf } from './private/fields';
import { DESTINATION_RULE_KINDS } from './private/kinds';
import { trafficPolicies } from './private/traffic-policies';

/**
 * CI0214: `tunnel` settings of a traffic policy that Istio's webhook rejects
 * (`validateTunnelSettings`): a protocol other than `CONNECT` or `POST` (in uppercase), a
 * `targetHost` that is neither an FQDN nor an IP address, a `targetPort` outside 1-65535, or a
 * tunnel together with `proxyProtocol` on the same policy.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#TrafficPolicy-TunnelSettings
 */
export const InvalidTunnelSettings = defineCheck({
  code: 'CI0214',
  name: 'InvalidTunnelSettings',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a traffic policy tunnel with a protocol other than CONNECT or POST, an invalid target host or port, or together with proxyProtocol',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    for (const { policy, field } of trafficPolicies(asRecord(object.manifest.spec))) {
      const tunnel = policy.tunnel;
      if (!isRecord(tunnel)) continue;
      const at = `${field}.tunnel`;
      if (policy.proxyProtocol !== undefined && policy.proxyProtocol !== null) {
        report({ field: at, value: tunnel, message: 'tunnel and proxyProtocol cannot be set on one traffic policy', fix: `remove ${at} or ${field}.proxyProtocol` });
      }
      const protocol = tunnel.protocol;
      if (typeof protocol === 'string' && protocol !== '' && protocol !== 'CONNECT' && protocol !== 'POST') {
        report({ field: `${at}.protocol`, value: protocol, message: `tunnel protocol ${formatValue(protocol)} is not CONNECT or POST`, fix: `set ${at}.protocol to CONNECT (the default) or POST` });
      }
      const host = tunnel.targetHost;
      if (host === undefined || host === null || typeof host === 'string') {
        const value = typeof host === 'string' ? host : '';
        const problem = fqdnProblem(value);
        if (problem && !isIpAddress(value)) {
          report({
            field: `${at}.targetHost`, value: host,
            message: value === '' ? 'tunnel targetHost is required' : `tunnel targetHost ${formatValue(value)} is neither an IP address nor a valid FQDN: it ${problem}`,
            fix: `set ${at}.targetHost to the host or IP address of the tunnel's proxy, such as 'proxy.corp.example.com'`,
          });
        }
      }
      const port = numberOf(tunnel.targetPort) ?? (tunnel.targetPort === undefined || tunnel.targetPort === null ? 0 : undefined);
      if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
        report({
          field: `${at}.targetPort`, value: tunnel.targetPort,
          message: tunnel.targetPort === undefined || tunnel.targetPort === null ? 'tunnel targetPort is required' : `tunnel targetPort must be from 1 to 65535, got ${port}`,
          fix: `set ${at}.targetPort to the port of the tunnel's proxy, such as 3128`,
        });
      }
    }
  },
});
