import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { fqdnProblem, wildcardDomainProblem } from '../workload-entry/private/istio-formats';
import { serviceEntryView } from './private/service-entry';

/**
 * CI0401: the hosts of a ServiceEntry, as Istio's webhook checks them: at least one host; no `*`
 * alone; each a DNS name whose first label may be a wildcard (`*.example.com`); a partial
 * wildcard such as `*foo.example.com` only draws the webhook's warning; and with resolution DNS or
 * DNS_ROUND_ROBIN and no endpoints the hosts themselves are resolved, so they must be fully
 * qualified names without wildcards.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/#ServiceEntry
 */
export const InvalidServiceEntryHost = defineCheck({
  code: 'CI0401',
  name: 'InvalidServiceEntryHost',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a ServiceEntry has no hosts, the host \'*\', a host that is not a DNS name with an optional wildcard first label, a partial wildcard (warning), or a wildcard host resolved by DNS without endpoints',
  scope: 'object',
  kinds: ['ServiceEntry.networking.istio.io'],
  evaluate({ object, report }) {
    const se = serviceEntryView(object.manifest);
    if (se.hostCount === 0) {
      report({ field: 'spec.hosts', value: se.spec.hosts, message: 'service entry has no hosts', fix: 'list the DNS names of the service in spec.hosts, e.g. api.example.com' });
    }
    const invalid = new Set<number>();
    for (const { host, index } of se.hosts) {
      const field = `spec.hosts[${index}]`;
      if (host === '*') {
        invalid.add(index);
        report({ field, value: host, message: 'host \'*\' is not allowed in a service entry', fix: 'list the hosts by name in spec.hosts, or use a wildcard domain such as \'*.example.com\' with resolution NONE' });
        continue;
      }
      const p = wildcardDomainProblem(host);
      if (p) {
        invalid.add(index);
        report({ field, value: host, message: `host ${formatValue(host)} ${p}`, fix: 'use a DNS name in spec.hosts, optionally with a wildcard first label such as \'*.example.com\'' });
        continue;
      }
      if (se.resolution !== 'DYNAMIC_DNS' && host.includes('*') && !host.startsWith('*.')) {
        report({
          field, value: host, severity: Severity.WARNING,
          message: `host ${formatValue(host)} has a partial wildcard, which Istio's webhook warns is not allowed`,
          fix: 'use a whole-label wildcard such as \'*.example.com\' in spec.hosts',
        });
      }
    }
    if ((se.resolution === 'DNS' || se.resolution === 'DNS_ROUND_ROBIN') && se.endpoints.length === 0) {
      // Istio reports the first host that is not an FQDN
      const bad = se.hosts.find(({ host }) => fqdnProblem(host) !== undefined);
      if (bad && !invalid.has(bad.index)) {
        const message = bad.host.includes('*')
          ? `host ${formatValue(bad.host)} is a wildcard, but resolution ${se.resolution} without endpoints resolves the hosts themselves by DNS`
          : `host ${formatValue(bad.host)} ${fqdnProblem(bad.host)}, so resolution ${se.resolution} without endpoints cannot resolve it`;
        report({ field: `spec.hosts[${bad.index}]`, value: bad.host, message, fix: 'set resolution to NONE for wildcard hosts, or add endpoints with the addresses to resolve' });
      }
    }
  },
});
