import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord, eachItem, isRecord } from '../../../manifest/read';
import { numberOf } from './private/fields';
import { DESTINATION_RULE_KINDS } from './private/kinds';
import { trafficPolicies } from './private/traffic-policies';

/**
 * CI0207: a port-level traffic policy of a DestinationRule has no `port`, which Istio's webhook
 * rejects; or (warnings, stricter than Istio) a port number outside 1-65535, which no service port
 * has, or a port that an earlier port-level policy of the same traffic policy already covers
 * (Istio applies the first one and ignores the rest).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#TrafficPolicy-PortTrafficPolicy
 */
export const InvalidPortTrafficPolicy = defineCheck({
  code: 'CI0207',
  name: 'InvalidPortTrafficPolicy',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a DestinationRule port-level policy without a port; a warning for a port outside 1-65535 or one covered twice',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    for (const { policy, field } of trafficPolicies(asRecord(object.manifest.spec))) {
      const seen = new Map<number, string>();
      eachItem(policy.portLevelSettings, `${field}.portLevelSettings`, (settings, at) => {
        if (!isRecord(settings)) return;
        if (settings.port === undefined || settings.port === null) {
          report({ field: `${at}.port`, value: settings.port, message: 'port-level traffic policy has no port', fix: `set ${at}.port.number to the service port the policy is for` });
          return;
        }
        if (!isRecord(settings.port)) return; // the CRD schema reports the type
        const number = numberOf(settings.port.number) ?? (settings.port.number === undefined ? 0 : undefined);
        if (number === undefined) return;
        const numberField = `${at}.port.number`;
        if (!Number.isInteger(number) || number < 1 || number > 65535) {
          report({
            field: numberField, value: number, severity: Severity.WARNING,
            message: `port-level traffic policy port ${number} is not a port number from 1 to 65535, so it never applies (stricter than Istio, which accepts it)`,
            fix: `set ${numberField} to a port of the destination service`,
          });
          return;
        }
        const first = seen.get(number);
        if (first !== undefined) {
          report({
            field: numberField, value: number, severity: Severity.WARNING,
            message: `port ${number} already has a port-level policy (${first}); Istio applies the first and ignores this one (stricter than Istio, which accepts it)`,
            fix: `merge ${at} into ${first}, or remove it`,
          });
        } else {
          seen.set(number, at);
        }
      });
    }
  },
});
