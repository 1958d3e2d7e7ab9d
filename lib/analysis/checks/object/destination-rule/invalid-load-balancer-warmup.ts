import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, isRecord } from '../../../manifest/read';
import { numberOf, reportDuration } from './private/fields';
import { DESTINATION_RULE_KINDS } from './private/kinds';
import { policySettings } from './private/traffic-policies';

// simple algorithms whose Envoy load balancer has no slow-start window, so warmup is dropped
const NO_WARMUP = new Set(['RANDOM', 'PASSTHROUGH']);

/**
 * CI0210: `loadBalancer.warmup` that Istio's webhook rejects: no `duration`, a duration below 1ms
 * or finer than a millisecond, `minimumPercent` outside 0-100, or `aggression` below 1. Warmup
 * only exists for round-robin and least-request balancing (Istio's default): with `RANDOM`,
 * `PASSTHROUGH` or consistent hashing Istio drops it, which is a warning (stricter than Istio).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#WarmupConfiguration
 */
export const InvalidLoadBalancerWarmup = defineCheck({
  code: 'CI0210',
  name: 'InvalidLoadBalancerWarmup',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a load balancer warmup without a valid duration, with minimumPercent outside 0-100 or aggression below 1; a warning when the algorithm ignores it',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    for (const { settings, field } of policySettings(asRecord(object.manifest.spec))) {
      const lb = settings.loadBalancer;
      if (!isRecord(lb) || !isRecord(lb.warmup)) continue;
      const warmup = lb.warmup;
      const at = `${field}.loadBalancer.warmup`;
      if (warmup.duration === undefined || warmup.duration === null) {
        report({ field: `${at}.duration`, message: 'warmup needs a duration', fix: `set ${at}.duration to the ramp-up time of a new endpoint, such as '60s'` });
      } else {
        reportDuration(report, warmup, at, 'duration');
      }
      const minimum = numberOf(warmup.minimumPercent);
      if (minimum !== undefined && (minimum < 0 || minimum > 100)) {
        report({ field: `${at}.minimumPercent`, value: minimum, message: `warmup minimumPercent must be from 0 to 100, got ${minimum}`, fix: `set ${at}.minimumPercent between 0 and 100 (default 10)` });
      }
      const aggression = numberOf(warmup.aggression);
      if (aggression !== undefined && aggression < 1) {
        report({ field: `${at}.aggression`, value: aggression, message: `warmup aggression must be 1 or more, got ${aggression}`, fix: `set ${at}.aggression to 1 for a linear ramp, or more for a faster one` });
      }
      const ignoredBy = isRecord(lb.consistentHash) ? 'consistent hashing' : NO_WARMUP.has(lb.simple) ? lb.simple : undefined;
      if (ignoredBy) {
        report({
          field: at, value: warmup, severity: Severity.WARNING,
          message: `warmup has no effect with ${ignoredBy === lb.simple ? `simple ${formatValue(ignoredBy)}` : ignoredBy}: Istio applies it to ROUND_ROBIN and LEAST_REQUEST only (stricter than Istio, which accepts it)`,
          fix: `set ${field}.loadBalancer.simple to ROUND_ROBIN or LEAST_REQUEST, or remove ${at}`,
        });
      }
    }
  },
});
