import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { serviceEntryView } from './private/service-entry';

const WAYPOINT_LABEL = 'istio.io/use-waypoint';
const DYNAMIC_DNS_PROTOCOLS = new Set(['HTTP', 'TLS', 'GRPC', 'HTTP2']);

/**
 * CI0410: a ServiceEntry with resolution DYNAMIC_DNS (Envoy's dynamic forward proxy), as Istio's
 * webhook checks it: every host a wildcard, no addresses, no endpoints, only HTTP, TLS, GRPC or
 * HTTP2 ports, and not MESH_INTERNAL when it uses a waypoint (`istio.io/use-waypoint`).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry-Resolution
 */
export const InvalidDynamicDnsServiceEntry = defineCheck({
  code: 'CI0410',
  name: 'InvalidDynamicDnsServiceEntry',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a DYNAMIC_DNS ServiceEntry has a host that is not a wildcard, addresses, endpoints, a port that is not HTTP, TLS, GRPC or HTTP2, or is MESH_INTERNAL behind a waypoint',
  scope: 'object',
  kinds: ['ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const se = serviceEntryView(object.manifest);
    if (se.resolution !== 'DYNAMIC_DNS') return;
    for (const { host, index } of se.hosts) {
      if (!host.startsWith('*')) {
        report({ field: `spec.hosts[${index}]`, value: host, message: `host ${formatValue(host)} is not a wildcard, which resolution DYNAMIC_DNS needs`, fix: 'use wildcard hosts such as \'*.example.com\' with DYNAMIC_DNS, or resolution DNS for named hosts' });
      }
    }
    if (se.addresses.length > 0) {
      report({ field: 'spec.addresses', value: se.spec.addresses, message: 'resolution DYNAMIC_DNS cannot have addresses (routes are built from the hosts only)', fix: 'remove spec.addresses' });
    }
    if (se.endpoints.length > 0) {
      report({ field: 'spec.endpoints', value: se.endpoints.length, message: 'resolution DYNAMIC_DNS cannot have endpoints (the destination comes from the requested host)', fix: 'remove spec.endpoints, or use resolution DNS with endpoints' });
    }
    for (const { index, protocol, rawProtocol } of se.ports) {
      if (!protocol || !DYNAMIC_DNS_PROTOCOLS.has(protocol)) {
        report({
          field: `spec.ports[${index}].protocol`, value: rawProtocol,
          message: `${rawProtocol ? `protocol ${formatValue(rawProtocol)}` : 'a port without protocol'} is not supported with resolution DYNAMIC_DNS; only HTTP, TLS, GRPC and HTTP2 are`,
          fix: 'set the port protocol to HTTP, TLS, GRPC or HTTP2',
        });
      }
    }
    const waypoint = object.manifest.metadata?.labels?.[WAYPOINT_LABEL];
    if (se.spec.location === 'MESH_INTERNAL' && typeof waypoint === 'string' && waypoint !== '' && waypoint.toLowerCase() !== 'none') {
      report({
        field: 'spec.location', value: se.spec.location, message: `location MESH_INTERNAL with resolution DYNAMIC_DNS is not supported with a waypoint (${WAYPOINT_LABEL}: ${waypoint})`,
        fix: 'set location to MESH_EXTERNAL, or remove the istio.io/use-waypoint label',
      });
    }
  },
});
