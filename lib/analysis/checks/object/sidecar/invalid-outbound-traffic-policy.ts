import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, isRecord } from '../../../manifest/read';
import { fqdnProblem, isIstioDnsLabel } from '../../../values/istio-names';
import { portProblem } from '../../../values/validate';
import { SIDECAR_KINDS } from './private/listeners';

/**
 * CI0512: an `outboundTrafficPolicy.egressProxy` Istio's webhook rejects: set while the mode is
 * not ALLOW_ANY (REGISTRY_ONLY is the default), a host that is not a fully qualified name (no
 * wildcards), no port, a port number outside 1-65535, or a subset name that is not a DNS-1123
 * label (Istio accepts uppercase letters).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/sidecar/#OutboundTrafficPolicy
 */
export const InvalidOutboundTrafficPolicy = defineCheck({
  code: 'CI0512',
  name: 'InvalidOutboundTrafficPolicy',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an egressProxy without mode ALLOW_ANY, or with a host, port or subset Istio rejects',
  scope: 'object',
  kinds: SIDECAR_KINDS,
  evaluate({ object, report }) {
    const policy = asRecord(object.manifest.spec).outboundTrafficPolicy;
    if (!isRecord(policy) || !isRecord(policy.egressProxy)) return;
    const at = 'spec.outboundTrafficPolicy';
    if (policy.mode !== 'ALLOW_ANY') {
      report({
        field: `${at}.mode`, value: policy.mode,
        message: `egressProxy only applies with mode ALLOW_ANY, but the mode is ${policy.mode === undefined ? 'unset (REGISTRY_ONLY)' : policy.mode}`,
        fix: 'set outboundTrafficPolicy.mode to ALLOW_ANY (in code: OutboundTrafficPolicy.allowAnyVia), or remove egressProxy',
      });
      return;
    }
    const proxy = policy.egressProxy;
    const hostProblem = typeof proxy.host === 'string' ? fqdnProblem(proxy.host) : 'must be set';
    if (hostProblem) {
      report({
        field: `${at}.egressProxy.host`, value: proxy.host,
        message: `egress proxy host ${formatValue(proxy.host)} ${hostProblem}; it must be a fully qualified name`,
        fix: 'use the FQDN of the egress proxy Service, e.g. egress-proxy.egress.svc.cluster.local',
      });
    }
    if (!isRecord(proxy.port)) {
      report({ field: `${at}.egressProxy.port`, value: proxy.port, message: 'egress proxy has no port', fix: 'set egressProxy.port.number to the port of the egress proxy, e.g. 3128' });
    } else {
      const number = proxy.port.number ?? 0;
      const problem = typeof number === 'number' ? portProblem(number) : 'must be a number';
      if (problem) {
        report({ field: `${at}.egressProxy.port.number`, value: proxy.port.number, message: `egress proxy port number ${problem}, got ${formatValue(proxy.port.number)}`, fix: 'use the port of the egress proxy, from 1 to 65535' });
      }
    }
    if (typeof proxy.subset === 'string' && proxy.subset !== '' && !isIstioDnsLabel(proxy.subset)) {
      report({
        field: `${at}.egressProxy.subset`, value: proxy.subset,
        message: `egress proxy subset '${proxy.subset}' must be a DNS-1123 label: letters, digits and '-', at most 63 characters`,
        fix: 'use the name of a subset of the egress proxy\'s DestinationRule, e.g. \'v1\'',
      });
    }
  },
});
