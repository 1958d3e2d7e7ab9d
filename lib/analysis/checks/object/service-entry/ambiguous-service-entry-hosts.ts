import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { isHttpProtocol, isTlsProtocol } from '../gateway/private/protocol';
import { isTcpProtocol } from '../workload-entry/private/istio-formats';
import { serviceEntryView } from './private/service-entry';

/**
 * CI0406: a ServiceEntry with several hosts has a port on which the proxy cannot tell the hosts
 * apart. With any resolution but NONE, Istio's webhook rejects several hosts with a port that is
 * neither HTTP (told apart by the Host header) nor TLS (by SNI), an unset protocol included. With
 * resolution DNS or DNS_ROUND_ROBIN and `addresses`, it also warns about several hosts with a
 * port carried over TCP (TLS and HTTPS included).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry
 */
export const AmbiguousServiceEntryHosts = defineCheck({
  code: 'CI0406',
  name: 'AmbiguousServiceEntryHosts',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a ServiceEntry has several hosts and a port that is neither HTTP nor TLS (unless resolution is NONE), or several hosts, addresses and a TCP port with DNS resolution (warning)',
  scope: 'object',
  kinds: ['ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const se = serviceEntryView(object.manifest);
    if (se.hostCount < 2) return;
    if (se.resolution !== 'NONE') {
      // Istio reports the first such port
      const bad = se.ports.find((p) => !isHttpProtocol(p.protocol) && !isTlsProtocol(p.protocol));
      if (bad) {
        report({
          field: `spec.ports[${bad.index}].protocol`, value: bad.rawProtocol,
          message: `${se.hostCount} hosts share port ${formatValue(bad.port.number)} with ${bad.rawProtocol ? `protocol ${formatValue(bad.rawProtocol)}` : 'no protocol'}, which cannot tell them apart with resolution ${se.resolution}; only HTTP (Host header) and TLS (SNI) ports can`,
          fix: 'use one ServiceEntry per host for this port, set the port protocol to HTTP or TLS, or set resolution to NONE',
        });
        return;
      }
    }
    if ((se.resolution === 'DNS' || se.resolution === 'DNS_ROUND_ROBIN') && se.addresses.length > 0) {
      const tcp = se.ports.find((p) => isTcpProtocol(p.protocol));
      if (tcp) {
        report({
          field: `spec.ports[${tcp.index}].protocol`, value: tcp.rawProtocol, severity: Severity.WARNING,
          message: `${se.hostCount} hosts share the addresses and port ${formatValue(tcp.port.number)} (${tcp.protocol}, carried over TCP); Istio's webhook warns that a service entry cannot have several hosts with addresses and a TCP port`,
          fix: 'use one ServiceEntry per host with its own addresses, or remove spec.addresses',
        });
      }
    }
  },
});
