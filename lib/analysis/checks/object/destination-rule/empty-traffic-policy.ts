import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord, eachItem, isRecord } from '../../../manifest/read';
import { DESTINATION_RULE_KINDS } from './private/kinds';
import { trafficPolicies } from './private/traffic-policies';

const POLICY_FIELDS = ['loadBalancer', 'connectionPool', 'outlierDetection', 'tls', 'portLevelSettings', 'tunnel', 'proxyProtocol', 'retryBudget'];
const PORT_FIELDS = ['loadBalancer', 'connectionPool', 'outlierDetection', 'tls'];

/**
 * CI0206: a traffic policy of a DestinationRule (the rule's or a subset's) sets nothing, such as
 * `trafficPolicy: {}`, or a port-level policy sets none of load balancer, connection pool,
 * outlier detection and TLS, or is null. Istio's webhook rejects each ("traffic policy must have
 * at least one field").
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#TrafficPolicy
 */
export const EmptyTrafficPolicy = defineCheck({
  code: 'CI0206',
  name: 'EmptyTrafficPolicy',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a DestinationRule traffic policy or port-level policy that sets nothing (`trafficPolicy: {}`), or a null port-level policy',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    for (const { policy, field } of trafficPolicies(asRecord(object.manifest.spec))) {
      if (!POLICY_FIELDS.some((f) => isPresent(policy[f], f === 'portLevelSettings'))) {
        report({
          field, value: policy, message: 'traffic policy sets nothing; Istio requires at least one field',
          fix: `set loadBalancer, connectionPool, outlierDetection, tls, portLevelSettings, tunnel, proxyProtocol or retryBudget in ${field}, or remove it`,
        });
      }
      eachItem(policy.portLevelSettings, `${field}.portLevelSettings`, (port, at) => {
        if (port === null) {
          report({ field: at, value: null, message: 'port-level traffic policy may not be null', fix: `remove ${at}, or give it a port and a setting` });
        } else if (isRecord(port) && !PORT_FIELDS.some((f) => isPresent(port[f], false))) {
          const number = isRecord(port.port) ? port.port.number : undefined;
          report({
            field: at, value: port, message: `port-level traffic policy${number === undefined ? '' : ` for port ${number}`} sets nothing; Istio requires at least one field`,
            fix: `set loadBalancer, connectionPool, outlierDetection or tls in ${at}, or remove it`,
          });
        }
      });
    }
  },
});

/** Whether a field counts as set for Istio: not missing or null, and for a list, not empty. */
function isPresent(value: unknown, list: boolean): boolean {
  if (value === undefined || value === null) return false;
  return !(list && Array.isArray(value) && value.length === 0);
}
