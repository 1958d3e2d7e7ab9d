import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { wildcardDomainProblem } from './private/dns';
import { DESTINATION_RULE_KINDS } from './private/kinds';

/**
 * CI0201: `spec.host` of a DestinationRule is missing or not a host name Istio's webhook accepts
 * (`ValidateWildcardDomain`: DNS-1123 labels, at most 255 characters, a wildcard only in the first
 * label, no all-numeric top-level domain). A host of `*` alone is accepted by Istio and applies the
 * rule to every service and external host a proxy sees; it is reported as a warning, since the
 * documented pattern for mesh-wide rules is `*.local`.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#DestinationRule
 */
export const InvalidDestinationRuleHost = defineCheck({
  code: 'CI0201',
  name: 'InvalidDestinationRuleHost',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a DestinationRule host that is missing or not a valid (wildcard) DNS name; a warning for a bare `*`',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    const host = asRecord(object.manifest.spec).host;
    if (host === undefined || host === null || host === '') {
      report({
        field: 'spec.host', value: host, message: 'host is required: a DestinationRule applies to the traffic of one host',
        fix: 'set spec.host to a service name such as \'reviews\' or \'reviews.prod.svc.cluster.local\' (in code: DestinationRule.forService)',
      });
      return;
    }
    if (typeof host !== 'string') return; // the CRD schema reports the type
    if (host === '*') {
      report({
        field: 'spec.host', value: host, severity: Severity.WARNING,
        message: 'host \'*\' applies this rule to every service and external host of the proxies that see it (stricter than Istio, which accepts it)',
        fix: 'name one service, or use \'*.local\' for every mesh service or \'*.<namespace>.svc.cluster.local\' for one namespace',
      });
      return;
    }
    const problem = wildcardDomainProblem(host);
    if (problem) {
      report({
        field: 'spec.host', value: host, message: `host ${formatValue(host)} ${problem}`,
        fix: 'set spec.host to a service name such as \'reviews\', an FQDN such as \'reviews.prod.svc.cluster.local\', or a wildcard such as \'*.example.com\'',
      });
    }
  },
});
