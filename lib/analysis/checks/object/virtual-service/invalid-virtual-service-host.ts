import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachItem } from '../../../manifest/read';
import { vsHostProblem } from './private/hosts';
import { VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0101: a host in `spec.hosts` that Istio's webhook rejects: not a DNS name (a wildcard only as
 * the first label, `*.example.com`) nor an IP address, longer than 255 characters, an all-numeric
 * top-level domain, or `*` in a VirtualService that applies to sidecars (no gateways, or `mesh`
 * among them). Istio accepts uppercase letters; at a gateway that routes TLS by SNI it also accepts
 * the `outbound_.<port>_._.<host>` names of AUTO_PASSTHROUGH.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService
 */
export const InvalidVirtualServiceHost = defineCheck({
  code: 'CI0101',
  name: 'InvalidVirtualServiceHost',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a VirtualService host is not a DNS name, wildcard or IP address, or is `*` for the sidecars',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const ctx = vsContext(object.manifest);
    eachItem(ctx.spec.hosts, 'spec.hosts', (host, field) => {
      if (typeof host !== 'string') return;
      const p = vsHostProblem(ctx, host);
      if (!p) return;
      report(p.meshWildcard
        ? {
          field, value: host, message: `host '*' ${p.problem}`,
          fix: 'list the hosts in spec.hosts (a short name, an FQDN or *.example.com), or bind the VirtualService to gateways only (spec.gateways without \'mesh\')',
        }
        : {
          field, value: host, message: `host ${formatValue(host)} ${p.problem}`,
          fix: 'write a short name (reviews), an FQDN (reviews.shop.svc.cluster.local), a wildcard first label (*.example.com) or an IP address in spec.hosts',
        });
    });
  },
});
