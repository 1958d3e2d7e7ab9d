import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asArray, asRecord, isRecord } from '../../../manifest/read';
import { actionOf, eachRule, IP_BLOCK_FIELDS, setLists } from './private/authorization';
import { AUTHORIZATION_POLICY } from './private/kinds';

/** The source fields that also apply to TCP connections (as Istio's webhook counts them). */
const TCP_SOURCE_FIELDS = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces', ...IP_BLOCK_FIELDS, 'serviceAccounts', 'notServiceAccounts'];

/**
 * CI0712: a DENY rule that matches only HTTP attributes, which Istio's webhook warns about
 * ("configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the
 * use of only HTTP attributes in a DENY rule"): a rule with sources but no operations whose
 * sources set no identity, namespace or IP field, or a rule with operations that set no
 * `ports`/`notPorts`. At a TCP (non-HTTP) port the HTTP attributes cannot be evaluated, so Istio
 * applies such a rule to every connection. Nothing needs to change where the selected workloads
 * serve only HTTP.
 *
 * Adding `ports` is the fix only with the right numbers: they match the port the proxy receives
 * on, which at an ingress gateway is the gateway pod's container port (such as 8080), not the
 * Service port (80); a rule restricted to the Service port never matches, and a DENY rule that
 * never matches is silently off.
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Operation
 */
export const DenyRuleBlocksTcp = defineCheck({
  code: 'CI0712',
  name: 'DenyRuleBlocksTcp',
  severity: Severity.WARNING,
  counterpart: 'webhook',
  catches: 'a DENY rule with only HTTP attributes and no ports, which Istio applies to every connection at TCP ports of the selected workloads',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    const spec = asRecord(object.manifest.spec);
    if (actionOf(spec) !== 'DENY') return;
    eachRule(spec, (rule, ruleField) => {
      const sources = asArray(rule.from).filter((f) => isRecord(f) && isRecord(f.source)).map((f) => f.source);
      const operations = asArray(rule.to).filter((t) => isRecord(t) && isRecord(t.operation)).map((t) => t.operation);
      const tcpSource = sources.some((s) => setLists(s, TCP_SOURCE_FIELDS).length > 0);
      const tcpOperation = operations.some((o) => setLists(o, ['ports', 'notPorts']).length > 0);
      const httpOnlyFrom = sources.length > 0 && operations.length === 0 && !tcpSource;
      const httpOnlyTo = operations.length > 0 && !tcpOperation;
      if (!httpOnlyFrom && !httpOnlyTo) return;
      const attributes = [...new Set([
        ...sources.flatMap((s) => setLists(s, ['requestPrincipals', 'notRequestPrincipals', 'trustDomains', 'notTrustDomains'])),
        ...operations.flatMap((o) => setLists(o, ['hosts', 'notHosts', 'methods', 'notMethods', 'paths', 'notPaths'])),
      ])];
      report({
        field: ruleField,
        message: `this DENY rule matches only HTTP attributes${attributes.length > 0 ? ` (${attributes.join(', ')})` : ''} and no ports: `
          + 'at TCP (non-HTTP) ports of the selected workloads Istio applies it to every connection, denying all TCP traffic there '
          + '(Istio\'s webhook warns about this)',
        fix: 'nothing to change if the selected workloads serve only HTTP; otherwise limit the rule with to[].operation.ports (or notPorts) '
          + 'listing the workload\'s own HTTP ports: at a gateway that is the gateway pod\'s container port (such as 8080), not the Service port 80, '
          + 'or the DENY rule never matches',
      });
    });
  },
});
