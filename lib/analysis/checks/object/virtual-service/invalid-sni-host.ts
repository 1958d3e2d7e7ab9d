import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asArray, eachItem, isRecord } from '../../../manifest/read';
import { hostSubsetOf } from '../../../model/hosts';
import { isIpAddress } from '../../../values/ip';
import { gatewayDomainProblem, wildcardDomainProblem } from './private/names';
import { MESH, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0130: an SNI name in a TLS match that Istio's webhook rejects: not a DNS name (a wildcard only
 * as the first label; at a gateway also the `outbound_.<port>_._.<host>` names of AUTO_PASSTHROUGH),
 * or not covered by any host of the VirtualService. An IP address gets the webhook's warning: SNI
 * carries names, and most clients do not send an IP address.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#TLSMatchAttributes
 */
export const InvalidSniHost = defineCheck({
  code: 'CI0130',
  name: 'InvalidSniHost',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a TLS match SNI name is not a DNS name or is not covered by the VirtualService hosts',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const ctx = vsContext(object.manifest);
    // Istio's isGateway: true unless 'mesh' is listed (also when no gateway is)
    const gateway = !asArray(ctx.spec.gateways).includes(MESH);
    eachItem(ctx.spec.tls, 'spec.tls', (route, at) => {
      if (!isRecord(route)) return;
      eachItem(route.match, `${at}.match`, (m, mat) => {
        if (!isRecord(m)) return;
        eachItem(m.sniHosts, `${mat}.sniHosts`, (sni, field) => {
          if (typeof sni !== 'string') return;
          const p = gateway ? gatewayDomainProblem(true, sni) : wildcardDomainProblem(sni);
          if (p && isIpAddress(sni)) {
            report({
              field, value: sni, severity: Severity.WARNING,
              message: `SNI host ${formatValue(sni)} is an IP address, which goes against the SNI specification; most clients do not send it`,
              fix: 'match the DNS name clients connect to, or route by destinationSubnets in a TCP route',
            });
          } else if (p) {
            report({ field, value: sni, message: `SNI host ${formatValue(sni)} ${p}`, fix: 'give a DNS name, optionally with a wildcard first label such as *.example.com' });
          } else if (!ctx.hosts.some((h) => hostSubsetOf(sni, h))) {
            report({
              field, value: sni, message: `SNI host ${formatValue(sni)} is not covered by any host of the VirtualService (${ctx.hosts.join(', ') || 'none'})`,
              fix: 'add the SNI name (or a wildcard covering it) to spec.hosts, or match a name the hosts cover',
            });
          }
        });
      });
    });
  },
});
