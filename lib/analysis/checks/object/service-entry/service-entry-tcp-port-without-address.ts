import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { serviceEntryView } from './private/service-entry';

const AUTOALLOCATE_LABEL = 'networking.istio.io/enable-autoallocate-ip';

/**
 * CI0405: a ServiceEntry port serving TCP (or with no protocol) and no `addresses`, where istiod
 * does not allocate a virtual IP either (resolution NONE, or the label
 * `networking.istio.io/enable-autoallocate-ip: "false"`): the sidecar cannot tell TCP traffic to
 * this service from other traffic on the same port. Istio's webhook warns about it (assuming
 * istiod runs with its default `PILOT_ENABLE_IP_AUTOALLOCATE=true`).
 *
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/dns-proxy/#address-auto-allocation
 */
export const ServiceEntryTcpPortWithoutAddress = defineCheck({
  code: 'CI0405',
  name: 'ServiceEntryTcpPortWithoutAddress',
  severity: Severity.WARNING,
  counterpart: 'webhook',
  catches: 'a ServiceEntry port serves TCP (or has no protocol) without addresses and without an auto-allocated IP',
  scope: 'object',
  kinds: ['ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const se = serviceEntryView(object.manifest);
    if (se.addresses.length > 0) return;
    const optOut = object.manifest.metadata?.labels?.[AUTOALLOCATE_LABEL];
    const autoAllocated = se.resolution !== 'NONE' && !(typeof optOut === 'string' && optOut.toLowerCase() === 'false');
    if (autoAllocated) return;
    const why = se.resolution === 'NONE' ? 'resolution NONE gets no auto-allocated IP' : `the label ${AUTOALLOCATE_LABEL}: "false" turns IP auto-allocation off`;
    for (const { port, index, rawProtocol } of se.ports) {
      // as Istio: only an unset protocol or exactly 'TCP'
      if (rawProtocol !== undefined && rawProtocol !== '' && rawProtocol !== 'TCP') continue;
      report({
        field: `spec.ports[${index}].protocol`, value: rawProtocol,
        message: `port ${formatValue(port.number)} serves ${rawProtocol ? 'TCP' : 'an unset protocol'} and the service entry has no addresses (${why}), so TCP traffic to it cannot be told apart`,
        fix: 'set spec.addresses to the service\'s IPs or CIDR, set the port protocol (HTTP, TLS, ...), or use a resolution other than NONE',
      });
    }
  },
});
