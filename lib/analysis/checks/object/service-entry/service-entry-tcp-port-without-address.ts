import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { serviceEntryView } from './private/service-entry';

const AUTOALLOCATE_LABEL = 'networking.istio.io/enable-autoallocate-ip';

/**
 * CI0405: a ServiceEntry port serving TCP (or with no protocol; `tcp` in any case) and no
 * `addresses`: the sidecar cannot tell TCP traffic to this service from other traffic on the
 * same port.
 *
 * Istio's webhook warns when istiod does not allocate a virtual IP either (resolution NONE, or
 * the label `networking.istio.io/enable-autoallocate-ip: "false"`). istioctl warns in every case
 * without addresses (IST0134), unless MeshConfig turns DNS capture and auto-allocation on: an
 * auto-allocated IP (the default `PILOT_ENABLE_IP_AUTOALLOCATE=true`, for resolutions other than
 * NONE) is only what applications connect to when the sidecar's DNS proxy answers for the host
 * (`ISTIO_META_DNS_CAPTURE`, off by default). Both cases are reported, each saying why.
 *
 * @see https://istio.io/latest/docs/ops/configuration/traffic-management/dns-proxy/#address-auto-allocation
 * @see https://istio.io/latest/docs/reference/config/analysis/ist0134/
 */
export const ServiceEntryTcpPortWithoutAddress = defineCheck({
  code: 'CI0405',
  name: 'ServiceEntryTcpPortWithoutAddress',
  severity: Severity.WARNING,
  counterpart: 'webhook / IST0134 ServiceEntryAddressesRequired',
  catches: 'a ServiceEntry port serves TCP (or has no protocol) without addresses',
  scope: 'object',
  kinds: ['ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const se = serviceEntryView(object.manifest);
    if (se.addresses.length > 0) return;
    const optOut = object.manifest.metadata?.labels?.[AUTOALLOCATE_LABEL];
    const autoAllocated = se.resolution !== 'NONE' && !(typeof optOut === 'string' && optOut.toLowerCase() === 'false');
    const why = autoAllocated
      ? `istiod auto-allocates a virtual IP for resolution ${se.resolution}, but applications only connect to it when the sidecar's DNS proxy is on (ISTIO_META_DNS_CAPTURE, off by default)`
      : se.resolution === 'NONE' ? 'resolution NONE gets no auto-allocated IP' : `the label ${AUTOALLOCATE_LABEL}: "false" turns IP auto-allocation off`;
    for (const { port, index, rawProtocol } of se.ports) {
      // as istioctl: an unset protocol or TCP, in any case
      if (rawProtocol !== undefined && rawProtocol !== null && rawProtocol !== '' && !(typeof rawProtocol === 'string' && rawProtocol.toUpperCase() === 'TCP')) continue;
      report({
        field: `spec.ports[${index}].protocol`, value: rawProtocol,
        message: `port ${formatValue(port.number)} serves ${rawProtocol ? 'TCP' : 'an unset protocol'} and the service entry has no addresses (${why}), so TCP traffic to it cannot be told apart`,
        fix: autoAllocated
          ? 'set spec.addresses to the service\'s IPs or CIDR, set the port protocol (HTTP, TLS, ...), or turn on DNS capture (MeshConfig defaultConfig.proxyMetadata ISTIO_META_DNS_CAPTURE: "true")'
          : 'set spec.addresses to the service\'s IPs or CIDR, set the port protocol (HTTP, TLS, ...), or use a resolution other than NONE',
      });
    }
  },
});
